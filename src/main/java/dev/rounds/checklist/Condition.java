package dev.rounds.checklist;

import java.math.BigDecimal;
import java.math.BigInteger;
import java.time.Duration;
import java.util.Collection;
import java.util.stream.Collectors;

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

    private static final int MAX_SHOWN = 60;

    /**
     * Judges an observed value, e.g. {@code status (503) == 200} failed.
     *
     * <p>Numbers (Integer, Long, Double...) meet numbers, sizes (as bytes) and percentages (as percent);
     * {@link Duration}s meet durations; Strings meet quoted text and regular expressions (found anywhere in the
     * value: anchor with {@code ^...$} for a whole match); Booleans meet true/false. {@code contains} also
     * accepts a collection, holding when one element equals the text. Any other pairing is a failed outcome
     * that says why.
     *
     * @param observed the probe's measurement for {@link #operand}, or {@code null} if it measured none
     */
    public ConditionOutcome evaluate(Object observed) {
        String explained = operand.key() + " (" + shown(observed) + ") " + operator.symbol() + " " + literal.text();
        if (observed == null) {
            return new ConditionOutcome(explained, false);
        }
        Boolean holds = judge(observed);
        if (holds == null) {
            return new ConditionOutcome(
                    explained + ": " + kindOf(observed) + " cannot be compared with " + kindOf(literal), false);
        }
        return new ConditionOutcome(explained, holds);
    }

    /** The verdict, or {@code null} when the observed value is of a kind this literal cannot meet. */
    private Boolean judge(Object observed) {
        if (literal instanceof Literal.Number number && isNumber(observed)) {
            return ordered(compare(observed, number.value()));
        }
        if (literal instanceof Literal.Percent percent && isNumber(observed)) {
            return ordered(compare(observed, percent.percent()));
        }
        if (literal instanceof Literal.Size size && isNumber(observed)) {
            return ordered(
                    isIntegral(observed)
                            ? Integer.valueOf(Long.compare(((java.lang.Number) observed).longValue(), size.bytes()))
                            : compare(observed, size.bytes()));
        }
        if (literal instanceof Literal.Time time && observed instanceof Duration duration) {
            return ordered(duration.compareTo(time.value()));
        }
        if (literal instanceof Literal.Bool bool && observed instanceof Boolean value) {
            return ordered(Boolean.compare(value, bool.value()));
        }
        if (literal instanceof Literal.Text text) {
            if (observed instanceof CharSequence value) {
                return operator == Operator.CONTAINS
                        ? value.toString().contains(text.value())
                        : ordered(value.toString().equals(text.value()) ? 0 : 1);
            }
            if (observed instanceof Collection<?> values && operator == Operator.CONTAINS) {
                return values.stream().anyMatch(v -> v != null && v.toString().equals(text.value()));
            }
        }
        if (literal instanceof Literal.Regex regex) {
            if (observed instanceof CharSequence value) {
                return regex.value().matcher(value).find();
            }
            if (observed instanceof Collection<?> values) {
                return values.stream()
                        .anyMatch(v ->
                                v != null && regex.value().matcher(v.toString()).find());
            }
        }
        return null;
    }

    /** Applies an ordering operator to a comparison result; {@code null} means unordered (NaN). */
    private boolean ordered(Integer comparison) {
        if (comparison == null) return operator == Operator.NE;
        int c = comparison;
        return switch (operator) {
            case EQ -> c == 0;
            case NE -> c != 0;
            case LT -> c < 0;
            case LE -> c <= 0;
            case GT -> c > 0;
            case GE -> c >= 0;
            case CONTAINS, MATCHES ->
                throw new IllegalStateException("the parser pairs " + operator + " with text only");
        };
    }

    private static Integer compare(Object observed, double expected) {
        double value = ((java.lang.Number) observed).doubleValue();
        if (Double.isNaN(value) || Double.isNaN(expected)) return null;
        return value < expected ? -1 : value > expected ? 1 : 0;
    }

    private static boolean isNumber(Object value) {
        return value instanceof java.lang.Number;
    }

    private static boolean isIntegral(Object value) {
        return value instanceof Integer
                || value instanceof Long
                || value instanceof Short
                || value instanceof Byte
                || value instanceof BigInteger;
    }

    /** The observed value as the outcome text shows it, in the units of the literal where that helps. */
    private String shown(Object observed) {
        if (observed == null) return "missing";
        if (observed instanceof Duration duration) return Durations.format(duration);
        if (observed instanceof java.lang.Number number) {
            if (literal instanceof Literal.Size && isIntegral(number)) return Sizes.format(number.longValue());
            if (literal instanceof Literal.Percent) return number(number) + "%";
            return number(number);
        }
        if (observed instanceof CharSequence text) return quoted(text.toString());
        if (observed instanceof Collection<?> values) {
            String items = values.stream()
                    .map(v -> v instanceof CharSequence s ? quoted(s.toString()) : String.valueOf(v))
                    .collect(Collectors.joining(", ", "[", "]"));
            return items.length() > MAX_SHOWN ? items.substring(0, MAX_SHOWN) + "…]" : items;
        }
        return String.valueOf(observed);
    }

    private static String number(java.lang.Number number) {
        if (number instanceof Double || number instanceof Float) {
            double d = number.doubleValue();
            if (Double.isNaN(d) || Double.isInfinite(d)) return String.valueOf(d);
            return BigDecimal.valueOf(d).stripTrailingZeros().toPlainString();
        }
        if (number instanceof BigDecimal decimal)
            return decimal.stripTrailingZeros().toPlainString();
        return number.toString();
    }

    private static String quoted(String text) {
        String oneLine = text.replace("\r", "\\r").replace("\n", "\\n");
        return "'" + (oneLine.length() > MAX_SHOWN ? oneLine.substring(0, MAX_SHOWN) + "…" : oneLine) + "'";
    }

    private static String kindOf(Object observed) {
        if (observed instanceof java.lang.Number) return "a number";
        if (observed instanceof Duration) return "a duration";
        if (observed instanceof CharSequence) return "text";
        if (observed instanceof Boolean) return "true/false";
        if (observed instanceof Collection) return "a list";
        return "a " + observed.getClass().getSimpleName();
    }

    private static String kindOf(Literal literal) {
        if (literal instanceof Literal.Number) return "a number";
        if (literal instanceof Literal.Time) return "a duration";
        if (literal instanceof Literal.Size) return "a size";
        if (literal instanceof Literal.Percent) return "a percentage";
        if (literal instanceof Literal.Bool) return "true/false";
        if (literal instanceof Literal.Regex) return "a regular expression";
        return "text";
    }
}
