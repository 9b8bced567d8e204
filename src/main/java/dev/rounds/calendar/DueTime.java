package dev.rounds.calendar;

import dev.rounds.checklist.Activity;
import dev.rounds.checklist.Checklist;
import dev.rounds.schedule.OccurrenceStatus;
import java.time.Instant;

/**
 * When one activity falls due in one period, as a feed lists it.
 *
 * @param status where the occurrence stands, for the period in progress once it is opened; otherwise {@code null}
 * @param occurrenceId the occurrence's id, once it is opened; otherwise {@code null}
 */
public record DueTime(
        Checklist checklist,
        Activity activity,
        String periodLabel,
        Instant dueAt,
        OccurrenceStatus status,
        Long occurrenceId) {

    /** The same in every feed and every fetch, so that a calendar updates the event rather than adding another. */
    public String uid() {
        return checklist.id() + "/" + activity.id() + "/" + periodLabel + "@rounds";
    }
}
