package dev.rounds.probe.type;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/**
 * Reads the Prometheus text exposition format (version 0.0.4): one sample per line,
 * {@code name{label="value",...} value [timestamp]}; {@code #} lines (HELP, TYPE) and blank lines are skipped.
 */
final class PrometheusText {

    /** One line's sample. */
    record Sample(String name, Map<String, String> labels, double value) {}

    private static final Pattern NUMBER = Pattern.compile("[-+]?(\\d+\\.?\\d*|\\.\\d+)([eE][-+]?\\d+)?");

    private final String text;
    private final int line;
    private int at;

    private PrometheusText(String text, int line) {
        this.text = text;
        this.line = line;
    }

    /**
     * The samples of a page in their order.
     *
     * @throws IllegalArgumentException naming the line and what is wrong with it
     */
    static List<Sample> parse(String page) {
        var samples = new ArrayList<Sample>();
        String[] lines = page.split("\n", -1);
        for (int i = 0; i < lines.length; i++) {
            String text = lines[i].endsWith("\r") ? lines[i].substring(0, lines[i].length() - 1) : lines[i];
            if (text.isBlank() || text.stripLeading().startsWith("#")) continue;
            samples.add(new PrometheusText(text.strip(), i + 1).sample());
        }
        return samples;
    }

    private Sample sample() {
        String name = name("a metric name");
        Map<String, String> labels = new LinkedHashMap<>();
        if (at < text.length() && text.charAt(at) == '{') {
            at++;
            skipSpaces();
            while (at < text.length() && text.charAt(at) != '}') {
                String label = name("a label name");
                skipSpaces();
                expect('=');
                skipSpaces();
                labels.put(label, quoted());
                skipSpaces();
                if (at < text.length() && text.charAt(at) == ',') {
                    at++;
                    skipSpaces();
                } else if (at >= text.length() || text.charAt(at) != '}') {
                    throw problem("expected ',' or '}' at column " + (at + 1));
                }
            }
            expect('}');
        }
        if (at >= text.length() || text.charAt(at) != ' ' && text.charAt(at) != '\t') {
            throw problem("expected a space and a value after " + (labels.isEmpty() ? "'" + name + "'" : "the labels"));
        }
        String[] rest = text.substring(at).strip().split("[ \t]+");
        if (rest.length > 2)
            throw problem("expected a value and at most a timestamp after the name, got '"
                    + text.substring(at).strip() + "'");
        return new Sample(name, Map.copyOf(labels), value(rest[0]));
    }

    private String name(String what) {
        int start = at;
        while (at < text.length()) {
            char c = text.charAt(at);
            boolean letter = c >= 'a' && c <= 'z' || c >= 'A' && c <= 'Z' || c == '_' || c == ':';
            if (!letter && !(at > start && c >= '0' && c <= '9')) break;
            at++;
        }
        if (at == start) throw problem("expected " + what + " at column " + (start + 1));
        return text.substring(start, at);
    }

    private String quoted() {
        expect('"');
        var value = new StringBuilder();
        while (at < text.length() && text.charAt(at) != '"') {
            char c = text.charAt(at++);
            if (c == '\\' && at < text.length()) {
                char escaped = text.charAt(at++);
                value.append(escaped == 'n' ? '\n' : escaped);
            } else {
                value.append(c);
            }
        }
        expect('"');
        return value.toString();
    }

    private double value(String token) {
        return switch (token) {
            case "NaN" -> Double.NaN;
            case "+Inf", "Inf" -> Double.POSITIVE_INFINITY;
            case "-Inf" -> Double.NEGATIVE_INFINITY;
            default -> {
                if (!NUMBER.matcher(token).matches()) throw problem("'" + token + "' is not a number");
                yield Double.parseDouble(token);
            }
        };
    }

    private void expect(char wanted) {
        if (at >= text.length() || text.charAt(at) != wanted) {
            throw problem("expected '" + wanted + "' at column " + (at + 1));
        }
        at++;
    }

    private void skipSpaces() {
        while (at < text.length() && (text.charAt(at) == ' ' || text.charAt(at) == '\t')) at++;
    }

    private IllegalArgumentException problem(String what) {
        String shown = text.length() > 80 ? text.substring(0, 80) + "…" : text;
        return new IllegalArgumentException("line " + line + ": " + what + ": " + shown);
    }
}
