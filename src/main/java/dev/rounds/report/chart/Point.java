package dev.rounds.report.chart;

import java.time.Instant;

/** One measurement of a time series. */
public record Point(Instant at, double value) {}
