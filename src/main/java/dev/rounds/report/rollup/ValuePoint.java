package dev.rounds.report.rollup;

import java.time.Instant;

/** One numeric value of one probe over one bucket; {@code last} is the value of its latest result. */
public record ValuePoint(Instant bucketStart, long count, double sum, double min, double max, double last) {

    public double mean() {
        return sum / count;
    }
}
