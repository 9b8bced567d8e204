package dev.rounds.report.rollup;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;

/** How results are rolled up. */
@ConfigMapping(prefix = "rounds.rollup")
public interface RollupConfig {

    /** How often new results are folded into the rollups; {@code off} stops the timer (tests call catchUp). */
    @WithDefault("10s")
    String interval();

    /** The most results folded in one transaction. */
    @WithDefault("20000")
    int chunk();

    /**
     * How long a missing block of result ids (a batch another instance has not committed yet) holds the fold back
     * before it is taken as rolled back and skipped.
     */
    @WithDefault("1m")
    Duration settle();

    /**
     * How long hourly target rollups are kept. Reports count whole local days from daily rollups and read hours only
     * for a period's part-days (today, so far); hourly rows older than this are pruned with the raw results.
     */
    @WithDefault("35d")
    Duration hourlyRetention();
}
