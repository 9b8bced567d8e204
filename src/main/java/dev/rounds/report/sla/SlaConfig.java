package dev.rounds.report.sla;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.math.BigDecimal;

/** How much of a period must be known before its availability is shown and judged ({@link SlaCalculator}). */
@ConfigMapping(prefix = "rounds.sla")
public interface SlaConfig {

    /**
     * The share of a period's service time (outside maintenance) that needs a verdict before its availability is
     * shown and compared with the objective, in percent; below it the pages say "not enough data" and no breach is
     * notified: 100% over a day that was the only known day of a month says nothing about the month.
     */
    @WithDefault("50")
    int minCoveragePercent();

    /** {@link #minCoveragePercent()} as a fraction. */
    default BigDecimal minCoverage() {
        return BigDecimal.valueOf(minCoveragePercent()).movePointLeft(2);
    }
}
