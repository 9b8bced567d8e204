package dev.rounds.probe.type;

import java.util.List;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Which series of a Prometheus page a value reads, in PromQL's instant-selector syntax:
 * {@code metric_name{label="v",other=~"regex",x!="y",y!~"regex"}}. Regular expressions match whole label values.
 */
record MetricSelector(String text, String name, List<Matcher> matchers) {

    /** One label condition. */
    record Matcher(String label, String operator, String value, Pattern regex) {

        boolean matches(String actual) {
            String seen = actual == null ? "" : actual;
            return switch (operator) {
                case "=" -> seen.equals(value);
                case "!=" -> !seen.equals(value);
                case "=~" -> regex.matcher(seen).matches();
                default -> !regex.matcher(seen).matches();
            };
        }
    }

    boolean matches(PrometheusText.Sample sample) {
        return sample.name().equals(name)
                && matchers.stream().allMatch(m -> m.matches(sample.labels().get(m.label())));
    }

    @Override
    public String toString() {
        return text;
    }

    /** Reads a selector from {@code text} at {@code at[0]}, moving {@code at[0]} past it. */
    static MetricSelector read(String text, int[] at) {
        int start = at[0];
        int i = start;
        while (i < text.length()
                && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_' || text.charAt(i) == ':')) i++;
        if (i == start || Character.isDigit(text.charAt(start))) {
            throw new IllegalArgumentException("expected a metric name at column " + (start + 1));
        }
        String name = text.substring(start, i);
        var matchers = new java.util.ArrayList<Matcher>();
        if (i < text.length() && text.charAt(i) == '{') {
            i++;
            while (true) {
                i = skipSpaces(text, i);
                if (i < text.length() && text.charAt(i) == '}') break;
                int labelStart = i;
                while (i < text.length() && (Character.isLetterOrDigit(text.charAt(i)) || text.charAt(i) == '_')) i++;
                if (i == labelStart) throw new IllegalArgumentException("expected a label name at column " + (i + 1));
                String label = text.substring(labelStart, i);
                i = skipSpaces(text, i);
                String operator = text.startsWith("=~", i)
                        ? "=~"
                        : text.startsWith("!~", i)
                                ? "!~"
                                : text.startsWith("!=", i) ? "!=" : text.startsWith("=", i) ? "=" : null;
                if (operator == null) {
                    throw new IllegalArgumentException(
                            "expected =, !=, =~ or !~ after label '" + label + "' at column " + (i + 1));
                }
                i = skipSpaces(text, i + operator.length());
                if (i >= text.length() || text.charAt(i) != '"') {
                    throw new IllegalArgumentException(
                            "expected a quoted value for label '" + label + "' at column " + (i + 1));
                }
                int close = text.indexOf('"', i + 1);
                while (close > 0 && text.charAt(close - 1) == '\\') close = text.indexOf('"', close + 1);
                if (close < 0) throw new IllegalArgumentException("the value of label '" + label + "' is never closed");
                String value =
                        text.substring(i + 1, close).replace("\\\"", "\"").replace("\\\\", "\\");
                Pattern regex = null;
                if (operator.endsWith("~")) {
                    try {
                        regex = Pattern.compile(value);
                    } catch (PatternSyntaxException bad) {
                        throw new IllegalArgumentException(
                                "label '" + label + "': invalid regular expression: " + bad.getDescription());
                    }
                }
                matchers.add(new Matcher(label, operator, value, regex));
                i = skipSpaces(text, close + 1);
                if (i < text.length() && text.charAt(i) == ',') i++;
                else if (i >= text.length() || text.charAt(i) != '}') {
                    throw new IllegalArgumentException("expected ',' or '}' at column " + (i + 1));
                }
            }
            i++;
        }
        at[0] = i;
        return new MetricSelector(text.substring(start, i), name, List.copyOf(matchers));
    }

    static int skipSpaces(String text, int i) {
        while (i < text.length() && Character.isWhitespace(text.charAt(i))) i++;
        return i;
    }
}
