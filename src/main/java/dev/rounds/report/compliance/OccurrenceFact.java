package dev.rounds.report.compliance;

import dev.rounds.schedule.OccurrenceStatus;
import java.time.Instant;

/** What compliance needs to know of one occurrence; {@code owner} is its checklist's owner. */
public record OccurrenceFact(
        long id,
        String checklistId,
        String activityId,
        String owner,
        String periodLabel,
        Instant dueAt,
        OccurrenceStatus status,
        Instant completedAt,
        String signedOffBy) {}
