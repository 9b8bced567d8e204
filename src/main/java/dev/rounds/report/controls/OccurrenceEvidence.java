package dev.rounds.report.controls;

import dev.rounds.schedule.OccurrenceStatus;
import java.time.Instant;

/**
 * One occurrence that came due in the period.
 *
 * @param subject as the audit log names it: {@code checklist/activity@period}
 * @param completedAt when it was done or passed, or {@code null}
 */
public record OccurrenceEvidence(
        String subject, String periodLabel, Instant dueAt, OccurrenceStatus status, Instant completedAt) {}
