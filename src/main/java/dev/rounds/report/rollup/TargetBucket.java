package dev.rounds.report.rollup;

import dev.rounds.probe.ProbeStatus;
import dev.rounds.report.sla.LatencyHistogram;
import java.time.Instant;

/** A target's hourly or daily bucket: its results counted by status, their latency, its first and last result. */
final class TargetBucket {

    /** The columns {@code up_count} to {@code unknown_count}: a count for each {@link ProbeStatus}, in its order. */
    final long[] counts = new long[5];

    final LatencyHistogram latency = new LatencyHistogram();
    Instant firstAt;
    Instant lastAt;
    /** Whether the bucket has a stored row, which is then updated rather than inserted. */
    boolean stored;

    void add(ResultRow result) {
        counts[result.status().ordinal()]++;
        if (result.status() != ProbeStatus.ERROR) latency.recordMicros(result.durationUs());
        if (firstAt == null || result.startedAt().isBefore(firstAt)) firstAt = result.startedAt();
        if (lastAt == null || result.startedAt().isAfter(lastAt)) lastAt = result.startedAt();
    }

    /** Adds the bucket's stored row to what the chunk folded into it. */
    void addStored(long[] storedCounts, LatencyHistogram storedLatency, Instant storedFirstAt, Instant storedLastAt) {
        for (int i = 0; i < counts.length; i++) counts[i] += storedCounts[i];
        latency.merge(storedLatency);
        if (storedFirstAt.isBefore(firstAt)) firstAt = storedFirstAt;
        if (storedLastAt.isAfter(lastAt)) lastAt = storedLastAt;
        stored = true;
    }
}
