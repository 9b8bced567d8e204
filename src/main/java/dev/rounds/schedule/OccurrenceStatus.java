package dev.rounds.schedule;

import java.util.Locale;

/** Where an occurrence stands; see DESIGN "Occurrences and compliance". */
public enum OccurrenceStatus {
    /** Opened, no verdict yet. */
    OPEN,
    /** Probes satisfied so far; not yet due. */
    PASSING,
    /** A probe failure is confirmed. */
    FAILING,
    /** Signed off by a person before it was due. */
    DONE,
    /** Probes satisfied at due; no sign-off needed. */
    PASSED,
    /** Completed after it was due, within its period. */
    LATE,
    /** Due passed without completion. */
    MISSED,
    /** Excused by a paused activity or target, or a waiver. */
    WAIVED,
    /** Its activity was removed from the checklist. */
    RETIRED;

    /** Completed or excused: nothing further changes it. */
    public boolean isSettled() {
        return this == DONE || this == PASSED || this == LATE || this == WAIVED || this == RETIRED;
    }

    public String label() {
        return name().toLowerCase(Locale.ROOT);
    }
}
