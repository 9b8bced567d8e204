package dev.rounds.report.rollup;

import dev.rounds.report.sla.LatencyHistogram;
import java.time.Instant;

/** One target's results in one UTC hour: counts, the latency of those that are not errors, first and last. */
public record HourStats(
        Instant hourStart, ResultCounts counts, LatencyHistogram latency, Instant firstAt, Instant lastAt) {}
