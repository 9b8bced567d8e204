package dev.rounds.checklist;

/**
 * One parsed {@code expect} line: {@code operand op literal}, e.g. {@code response_time < 500ms}.
 *
 * <p>Parsing (with precise errors) is {@link ConditionParser}'s job; this record only evaluates.
 *
 * @param text the line as written, used when explaining an outcome
 * @param operand what is measured, e.g. {@code status} or {@code json($.state)}
 * @param literal the expected value, already converted to its kind
 */
public record Condition(String text, Operand operand, Operator operator, Literal literal) {

    /**
     * Judges an observed value, e.g. {@code status (503) == 200} failed.
     *
     * @param observed the probe's measurement for {@link #operand}, or {@code null} if it measured none
     */
    public ConditionOutcome evaluate(Object observed) {
        throw new UnsupportedOperationException("implemented with the condition language");
    }
}
