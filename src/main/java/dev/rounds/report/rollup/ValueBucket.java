package dev.rounds.report.rollup;

import dev.rounds.probe.ProbeKey;
import java.time.Instant;

/**
 * What a chunk adds to a numeric value's hourly or daily bucket: count, sum, minimum, maximum and the latest value.
 * The store adds it to the stored row in SQL, so the stored row is never read.
 */
final class ValueBucket {

    final String checklistId;
    final String activityId;
    long count;
    double sum;
    double min = Double.POSITIVE_INFINITY;
    double max = Double.NEGATIVE_INFINITY;
    double last;
    Instant lastAt;

    ValueBucket(ProbeKey key) {
        this.checklistId = key.checklistId();
        this.activityId = key.activityId();
    }

    void add(double value, Instant at) {
        count++;
        sum += value;
        min = Math.min(min, value);
        max = Math.max(max, value);
        if (lastAt == null || !at.isBefore(lastAt)) {
            last = value;
            lastAt = at;
        }
    }
}
