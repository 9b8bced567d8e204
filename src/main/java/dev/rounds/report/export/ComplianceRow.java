package dev.rounds.report.export;

import dev.rounds.report.compliance.OccurrenceFact;
import dev.rounds.schedule.OccurrenceStatus;
import java.time.Instant;

/** One occurrence in the compliance history: what was due when, how it ended, who signed it off. */
public record ComplianceRow(
        long occurrence,
        String checklist,
        String activity,
        String owner,
        String period,
        Instant dueAt,
        String status,
        Instant completedAt,
        String signedOffBy,
        boolean onTime) {

    static final String[] HEADER = {
        "occurrence",
        "checklist",
        "activity",
        "owner",
        "period",
        "due_at",
        "status",
        "completed_at",
        "signed_off_by",
        "on_time"
    };

    public static ComplianceRow of(OccurrenceFact f) {
        boolean onTime = f.status() == OccurrenceStatus.PASSED || f.status() == OccurrenceStatus.DONE;
        return new ComplianceRow(
                f.id(),
                f.checklistId(),
                f.activityId(),
                f.owner(),
                f.periodLabel(),
                f.dueAt(),
                f.status().label(),
                f.completedAt(),
                f.signedOffBy(),
                onTime);
    }

    Object[] fields() {
        return new Object[] {
            occurrence, checklist, activity, owner, period, dueAt, status, completedAt, signedOffBy, onTime
        };
    }
}
