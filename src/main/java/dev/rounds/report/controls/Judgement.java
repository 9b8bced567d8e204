package dev.rounds.report.controls;

import dev.rounds.report.compliance.ComplianceFigures;

/**
 * Whether a control operated in a period, by the stated rule: satisfied when at least one occurrence that came due
 * was done on time and none was late or missed (waived ones are excused); not satisfied when any was late or missed;
 * an occurrence not yet due does not count. Excused is not operated: a control whose every due occurrence was
 * waived is {@link #WAIVED}, not satisfied.
 */
public enum Judgement {
    SATISFIED,
    NOT_SATISFIED,
    /** Everything that came due was waived: excused, but not shown to operate. */
    WAIVED,
    /** Nothing came due in the period. */
    NOT_DUE;

    /** The rule in one sentence, for pages, PDFs and documents that state it. */
    public static final String RULE = "A control is satisfied in a period when at least one occurrence of its"
            + " activities that came due in the period was done on time and none was late or missed (waived ones are"
            + " excused); it is not satisfied when any was late or missed; it is waived when every one that came due"
            + " was waived. Occurrences not yet due do not count.";

    public static Judgement of(ComplianceFigures figures) {
        if (figures.due() == 0) return NOT_DUE;
        if (figures.late() + figures.missed() > 0) return NOT_SATISFIED;
        return figures.onTime() > 0 ? SATISFIED : WAIVED;
    }

    /** The status colour pages draw it in. */
    public String colour() {
        return switch (this) {
            case SATISFIED -> "passed";
            case NOT_SATISFIED -> "missed";
            case WAIVED -> "waived";
            case NOT_DUE -> "pending";
        };
    }

    public String label() {
        return name().toLowerCase(java.util.Locale.ROOT).replace('_', '-');
    }
}
