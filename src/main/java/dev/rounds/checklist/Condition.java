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
        String seen = observed == null ? "no value" : describe(observed);
        String explained = operand.key() + " (" + seen + ") " + operator.symbol() + " " + literal.text();
        return new ConditionOutcome(explained, observed != null && holds(observed));
    }

    private boolean holds(Object observed) {
        return switch (operator) {
            case CONTAINS -> observed instanceof java.util.Collection<?> items
                    ? items.stream().anyMatch(item -> compare(item) == 0)
                    : String.valueOf(observed).contains(literalText());
            case MATCHES -> java.util.regex.Pattern.compile(literalText()).matcher(String.valueOf(observed)).find();
            default -> {
                Integer order = compare(observed);
                if (order == null) yield operator == Operator.NE;
                yield switch (operator) {
                    case EQ -> order == 0;
                    case NE -> order != 0;
                    case LT -> order < 0;
                    case LE -> order <= 0;
                    case GT -> order > 0;
                    default -> order >= 0;
                };
            }
        };
    }

    /** Orders the observed value against the literal, or {@code null} when the two cannot be compared. */
    private Integer compare(Object observed) {
        if (literal instanceof Literal.Time time && observed instanceof java.time.Duration duration) {
            return duration.compareTo(time.value());
        }
        if (literal instanceof Literal.Bool bool && observed instanceof Boolean value) {
            return Boolean.compare(value, bool.value());
        }
        if (literal instanceof Literal.Text text) {
            return String.valueOf(observed).compareTo(text.value());
        }
        Double expected = null;
        if (literal instanceof Literal.Number number) expected = number.value();
        if (literal instanceof Literal.Size size) expected = (double) size.bytes();
        if (literal instanceof Literal.Percent percent) expected = percent.percent();
        Double seen = observed instanceof java.lang.Number number ? Double.valueOf(number.doubleValue()) : parse(observed);
        return expected == null || seen == null ? null : Double.compare(seen, expected);
    }

    private static Double parse(Object observed) {
        try {
            return observed instanceof String text ? Double.valueOf(text.trim()) : null;
        } catch (NumberFormatException notANumber) {
            return null;
        }
    }

    private String literalText() {
        return literal instanceof Literal.Text text ? text.value() : literal.text();
    }

    private static String describe(Object observed) {
        if (observed instanceof java.time.Duration duration) {
            return duration.toNanos() % 1_000_000 == 0 ? duration.toMillis() + "ms"
                    : String.format(java.util.Locale.ROOT, "%.3fms", duration.toNanos() / 1e6);
        }
        if (observed instanceof String text) {
            String shown = text.length() > 60 ? text.substring(0, 60) + "..." : text;
            return '"' + shown.replace("\n", " ") + '"';
        }
        return String.valueOf(observed);
    }
}
