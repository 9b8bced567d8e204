package dev.rounds.report.controls;

import dev.rounds.report.compliance.ComplianceFigures;

/**
 * Whether a control operated in a period, by the stated rule: satisfied when every occurrence that came due was done
 * on time or waived and at least one came due; not satisfied when any was late or missed; an occurrence not yet due
 * does not count.
 */
public enum Judgement {
    SATISFIED,
    NOT_SATISFIED,
    /** Nothing came due in the period. */
    NOT_DUE;

    /** The rule in one sentence, for pages, PDFs and documents that state it. */
    public static final String RULE = "A control is satisfied in a period when every occurrence of its activities"
            + " that came due in the period was done on time or waived, and at least one came due; it is not"
            + " satisfied when any was late or missed. Occurrences not yet due do not count.";

    public static Judgement of(ComplianceFigures figures) {
        if (figures.due() == 0) return NOT_DUE;
        return figures.late() + figures.missed() == 0 ? SATISFIED : NOT_SATISFIED;
    }

    /** The status colour pages draw it in. */
    public String colour() {
        return switch (this) {
            case SATISFIED -> "passed";
            case NOT_SATISFIED -> "missed";
            case NOT_DUE -> "pending";
        };
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
