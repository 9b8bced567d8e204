package dev.rounds.report.rollup;

import dev.rounds.report.sla.LatencyHistogram;
import java.time.Instant;
import java.time.LocalDate;

/** One target's results on one local day ({@code rounds.report.zone}): counts, latency, first and last. */
public record DayStats(LocalDate day, ResultCounts counts, LatencyHistogram latency, Instant firstAt, Instant lastAt) {}
