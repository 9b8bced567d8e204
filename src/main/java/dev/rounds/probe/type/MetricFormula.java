package dev.rounds.probe.type;

import dev.rounds.probe.type.PrometheusText.Sample;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One named value of the metrics probe: {@code [1 -] term [/ term]}, where a term is a {@link MetricSelector},
 * optionally inside {@code sum(...)}, {@code min}, {@code max}, {@code avg}, {@code count} or
 * {@code increase(...)}. Several matching series are summed unless another aggregation is named;
 * {@code increase} sums each counter's growth between two scrapes. A quotient is a fraction reported in percent
 * ({@code 1 - avail / size} of 0.25 is 25), so that it meets conditions such as {@code disk_used < 90%}.
 *
 * @param denominator {@code null} without a division
 */
record MetricFormula(String text, boolean complement, Term numerator, Term denominator) {

    /** How a term folds the series it matches into one number. */
    enum Aggregation {
        SUM,
        MIN,
        MAX,
        AVG,
        COUNT,
        INCREASE
    }

    /** An aggregation over the series one selector matches. */
    record Term(Aggregation aggregation, MetricSelector selector) {

        /** @param before the first scrape, needed by {@code increase} only */
        double value(List<Sample> before, List<Sample> now) {
            List<Sample> matched = now.stream().filter(selector::matches).toList();
            if (matched.isEmpty()) throw new IllegalArgumentException("no series matches " + selector);
            return switch (aggregation) {
                case SUM -> matched.stream().mapToDouble(Sample::value).sum();
                case MIN -> matched.stream().mapToDouble(Sample::value).min().orElseThrow();
                case MAX -> matched.stream().mapToDouble(Sample::value).max().orElseThrow();
                case AVG ->
                    matched.stream().mapToDouble(Sample::value).average().orElseThrow();
                case COUNT -> matched.size();
                case INCREASE -> increase(before, matched);
            };
        }

        private double increase(List<Sample> before, List<Sample> matched) {
            Map<Map<String, String>, Double> earlier = new HashMap<>();
            before.stream().filter(selector::matches).forEach(s -> earlier.put(s.labels(), s.value()));
            double growth = 0;
            for (Sample sample : matched) {
                Double was = earlier.get(sample.labels());
                // A counter that went down was reset (its process restarted): it grew by what it holds now.
                if (was != null) growth += sample.value() >= was ? sample.value() - was : sample.value();
            }
            return growth;
        }
    }

    /** Whether the value needs two scrapes a window apart. */
    boolean comparesScrapes() {
        return numerator.aggregation() == Aggregation.INCREASE
                || denominator != null && denominator.aggregation() == Aggregation.INCREASE;
    }

    /**
     * The value on these scrapes.
     *
     * @throws IllegalArgumentException when a selector matches nothing or the divisor is zero
     */
    double evaluate(List<Sample> before, List<Sample> now) {
        double value = numerator.value(before, now);
        if (denominator != null) {
            double divisor = denominator.value(before, now);
            if (divisor == 0) throw new IllegalArgumentException(denominator.selector() + " is 0, cannot divide by it");
            value /= divisor;
        }
        if (complement) value = 1 - value;
        return denominator != null ? value * 100 : value;
    }

    /**
     * Parses a formula.
     *
     * @throws IllegalArgumentException saying where it goes wrong and what is expected
     */
    static MetricFormula parse(String text) {
        int[] at = {MetricSelector.skipSpaces(text, 0)};
        boolean complement = false;
        if (text.startsWith("1", at[0])
                && text.substring(MetricSelector.skipSpaces(text, at[0] + 1)).startsWith("-")) {
            complement = true;
            at[0] = MetricSelector.skipSpaces(text, text.indexOf('-', at[0]) + 1);
        }
        Term numerator = term(text, at);
        Term denominator = null;
        at[0] = MetricSelector.skipSpaces(text, at[0]);
        if (at[0] < text.length() && text.charAt(at[0]) == '/') {
            at[0] = MetricSelector.skipSpaces(text, at[0] + 1);
            denominator = term(text, at);
            at[0] = MetricSelector.skipSpaces(text, at[0]);
        }
        if (at[0] < text.length()) {
            throw new IllegalArgumentException("unexpected '" + text.substring(at[0]) + "' at column " + (at[0] + 1)
                    + "; a value is [1 -] selector [/ selector]");
        }
        return new MetricFormula(text.strip(), complement, numerator, denominator);
    }

    private static Term term(String text, int[] at) {
        int open = text.indexOf('(', at[0]);
        String word = open < 0 ? "" : text.substring(at[0], open).strip();
        Aggregation aggregation = Aggregation.SUM;
        boolean wrapped = false;
        if (!word.isEmpty() && word.matches("[a-z]+")) {
            try {
                aggregation = Aggregation.valueOf(word.toUpperCase(Locale.ROOT));
            } catch (IllegalArgumentException unknown) {
                throw new IllegalArgumentException(
                        "unknown function '" + word + "'; use sum, min, max, avg, count" + " or increase");
            }
            wrapped = true;
            at[0] = MetricSelector.skipSpaces(text, open + 1);
        }
        MetricSelector selector = MetricSelector.read(text, at);
        if (wrapped) {
            at[0] = MetricSelector.skipSpaces(text, at[0]);
            if (at[0] >= text.length() || text.charAt(at[0]) != ')') {
                throw new IllegalArgumentException("expected ')' after " + selector + " at column " + (at[0] + 1));
            }
            at[0]++;
        }
        return new Term(aggregation, selector);
    }
}
