package dev.rounds.checklist;

import java.time.LocalDate;

/** Recurrence-rule cadences for tests outside the checklist package, read as a checklist file's would be. */
public final class TestCadences {

    private TestCadences() {}

    /** @param starts the rule's first date, or {@code null} */
    public static Cadence rule(String rule, LocalDate starts) {
        return RecurrenceRule.of(rule, RecurrenceRule.parse(rule), starts);
    }
}
