package dev.rounds.waiver;

import dev.rounds.schedule.Excuses;
import dev.rounds.schedule.Occurrence;
import jakarta.enterprise.context.ApplicationScoped;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Optional;

/**
 * Excuses an occurrence that comes due while a waiver of its activity is in force: from the waiver's approval
 * until its expiry or revocation. Judging by the due time, not by when the schedule looks, makes the answer the
 * same whether Rounds was running at the time or catches up after downtime.
 */
@ApplicationScoped
public class WaiverExcuses implements Excuses {

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);

    @Override
    public Optional<Excuse> excuse(Occurrence o) {
        return Waiver.inForceAt(o.checklistId, o.activityId, o.dueAt)
                .map(w -> new Excuse(
                        w.id,
                        "waived: " + w.reason + " (waiver " + w.id + ", approved by " + w.decidedBy + ", until "
                                + WHEN.format(w.expiresAt) + ")"));
    }
}
