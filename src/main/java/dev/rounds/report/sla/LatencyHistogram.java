package dev.rounds.report.sla;

import java.time.Duration;
import java.util.Arrays;

/**
 * Response times counted in logarithmic buckets, so that an hour's or a year's worth can be stored in one short
 * string and merged: eight buckets per doubling from 10 µs, so a percentile read back is within 9% of the truth.
 * Times under 10 µs count in the first bucket, times over about 127 days (10 µs × 2⁴⁰) in the last.
 */
public final class LatencyHistogram {

    static final int BUCKETS_PER_DOUBLING = 8;
    static final int BUCKETS = 8 * 40;
    private static final double SMALLEST_MICROS = 10;

    private final long[] counts;
    private long total;

    public LatencyHistogram() {
        this.counts = new long[BUCKETS];
    }

    public void record(Duration time) {
        recordMicros(time.toNanos() / 1000.0);
    }

    public void recordMicros(double micros) {
        counts[bucket(micros)]++;
        total++;
    }

    /** Adds another histogram's counts to this one. */
    public LatencyHistogram merge(LatencyHistogram other) {
        for (int i = 0; i < BUCKETS; i++) counts[i] += other.counts[i];
        total += other.total;
        return this;
    }

    public long count() {
        return total;
    }

    /**
     * The response time below which {@code quantile} (0.95 for p95) of the counted times lie: the geometric middle of
     * the bucket holding that rank; {@code null} when nothing was counted.
     */
    public Duration percentile(double quantile) {
        if (total == 0) return null;
        long rank = Math.max(1, (long) Math.ceil(quantile * total));
        long seen = 0;
        for (int i = 0; i < BUCKETS; i++) {
            seen += counts[i];
            if (seen >= rank) return Duration.ofNanos(Math.round(middleMicros(i) * 1000));
        }
        throw new IllegalStateException("counts do not add up to " + total);
    }

    /** The stored form: {@code bucket:count} pairs of the buckets in use, comma-separated; empty when none. */
    public String encode() {
        var text = new StringBuilder();
        for (int i = 0; i < BUCKETS; i++) {
            if (counts[i] == 0) continue;
            if (!text.isEmpty()) text.append(',');
            text.append(i).append(':').append(counts[i]);
        }
        return text.toString();
    }

    /** Reads {@link #encode()}'s form; {@code null} or empty is an empty histogram. */
    public static LatencyHistogram decode(String text) {
        var histogram = new LatencyHistogram();
        if (text == null || text.isEmpty()) return histogram;
        int at = 0;
        while (at < text.length()) {
            int colon = text.indexOf(':', at);
            int comma = text.indexOf(',', colon);
            if (colon < 0) throw new IllegalArgumentException("not a latency histogram: '" + text + "'");
            int end = comma < 0 ? text.length() : comma;
            int bucket = Integer.parseInt(text, at, colon, 10);
            long count = Long.parseLong(text, colon + 1, end, 10);
            if (bucket < 0 || bucket >= BUCKETS || count < 0) {
                throw new IllegalArgumentException("not a latency histogram: '" + text + "'");
            }
            histogram.counts[bucket] += count;
            histogram.total += count;
            at = end + 1;
        }
        return histogram;
    }

    static int bucket(double micros) {
        if (!(micros > SMALLEST_MICROS)) return 0;
        int bucket = (int) Math.floor(Math.log(micros / SMALLEST_MICROS) / Math.log(2) * BUCKETS_PER_DOUBLING);
        return Math.min(bucket, BUCKETS - 1);
    }

    private static double middleMicros(int bucket) {
        return SMALLEST_MICROS * Math.pow(2, (bucket + 0.5) / BUCKETS_PER_DOUBLING);
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof LatencyHistogram h && Arrays.equals(counts, h.counts);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(counts);
    }

    @Override
    public String toString() {
        return "LatencyHistogram[" + encode() + "]";
    }
}
