package dev.rounds.packaged;

import java.io.IOException;
import java.util.Map;
import java.util.TreeMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** One reading of an instance's {@code /q/metrics} (Prometheus text): counters and histogram buckets by name. */
final class Metrics {

    private static final Pattern SAMPLE = Pattern.compile("^([a-zA-Z_:][a-zA-Z0-9_:]*)(\\{([^}]*)\\})? (\\S+)");
    private static final Pattern LE = Pattern.compile("le=\"([^\"]+)\"");

    private final Map<String, Double> totals = new TreeMap<>();
    /** Per histogram name: upper bound in seconds to the cumulative count of observations. */
    private final Map<String, TreeMap<Double, Double>> buckets = new TreeMap<>();

    private Metrics(String text) {
        for (String line : text.split("\n")) {
            Matcher sample = SAMPLE.matcher(line);
            if (line.startsWith("#") || !sample.find()) continue;
            String name = sample.group(1);
            double value = Double.parseDouble(sample.group(4));
            totals.merge(name, value, Double::sum);
            Matcher le = LE.matcher(sample.group(3) == null ? "" : sample.group(3));
            if (name.endsWith("_bucket") && le.find()) {
                buckets.computeIfAbsent(name, n -> new TreeMap<>())
                        .merge(
                                le.group(1).equals("+Inf") ? Double.POSITIVE_INFINITY : Double.parseDouble(le.group(1)),
                                value,
                                Double::sum);
            }
        }
    }

    static Metrics of(PackagedRounds instance) throws IOException, InterruptedException {
        PackagedRounds.Reply reply = instance.get("/q/metrics");
        if (reply.status() != 200) throw new IllegalStateException("/q/metrics answered " + reply.status());
        return new Metrics(reply.body());
    }

    /** The sum of every sample of {@code name}, whatever its tags; 0 if there is none. */
    double total(String name) {
        return totals.getOrDefault(name, 0.0);
    }

    /** The observations of histogram {@code name} (without {@code _bucket}) since {@code earlier}, per upper bound. */
    TreeMap<Double, Double> bucketsSince(Metrics earlier, String name) {
        TreeMap<Double, Double> now = buckets.getOrDefault(name + "_bucket", new TreeMap<>());
        TreeMap<Double, Double> before = earlier.buckets.getOrDefault(name + "_bucket", new TreeMap<>());
        TreeMap<Double, Double> delta = new TreeMap<>();
        now.forEach((bound, count) -> delta.put(bound, count - before.getOrDefault(bound, 0.0)));
        return delta;
    }

    /** The upper bound of the bucket holding the {@code quantile} of cumulative {@code buckets}; NaN if empty. */
    static double quantile(TreeMap<Double, Double> buckets, double quantile) {
        if (buckets.isEmpty() || buckets.lastEntry().getValue() <= 0) return Double.NaN;
        double wanted = quantile * buckets.lastEntry().getValue();
        for (Map.Entry<Double, Double> bucket : buckets.entrySet()) {
            if (bucket.getValue() >= wanted) return bucket.getKey();
        }
        return Double.POSITIVE_INFINITY;
    }
}
