package dev.rounds.checklist;

import dev.rounds.text.SuppliedText;

/**
 * A condition's verdict with the value that was observed, kept as text so that it explains itself on a
 * page, in a report and in the audit bundle: {@code status (503) == 200}.
 */
public record ConditionOutcome(String text, boolean holds) {

    /** The observed value is machine text: stored with U+FFFD for what the text rule refuses. */
    public ConditionOutcome {
        text = SuppliedText.clean(text);
    }
}
