package dev.rounds.report.rollup;

/** The bucket size of a rollup: a UTC hour, or a local day in {@code rounds.report.zone}. */
public enum Granularity {
    HOUR,
    DAY
}
