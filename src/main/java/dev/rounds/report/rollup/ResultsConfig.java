package dev.rounds.report.rollup;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How long raw probe results are kept once they are rolled up ({@link ResultRetention}). */
@ConfigMapping(prefix = "rounds.results")
public interface ResultsConfig {

    /** Raw results that started longer ago than this are deleted once rolled up; each pruning is audited. */
    @WithDefault("90d")
    Duration retention();

    /**
     * The most raw results kept, whatever their age: above it the oldest rolled-up results are pruned too. Reports
     * read rollups, so this bounds the disk raw results take (docs/sizing.md) without changing any report; only
     * {@code verify} can no longer check the digests of pruned results.
     */
    @WithDefault("5000000")
    long maxRows();

    /**
     * When old results are pruned: a Quartz cron expression (seconds first) in the machine's zone; {@code off} stops
     * the timer (tests prune when they choose).
     */
    @WithDefault("0 45 * * * ?")
    String pruneCron();
}
