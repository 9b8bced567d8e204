package dev.rounds.schedule;

/** What an occurrence's probes say, taken together over every probe and target. */
public enum ProbeVerdict {
    /** Not every probe has a usable result in this occurrence yet, or a failure is not yet confirmed. */
    PENDING,
    /** Every probe's latest result is up or warn. */
    PASSING,
    /** At least one probe's failure is confirmed ({@code confirm} consecutive downs). */
    FAILING
}
