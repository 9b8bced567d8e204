package dev.rounds.report.sla;

import dev.rounds.core.Interval;
import java.math.BigDecimal;
import java.time.Duration;

/**
 * The SLA figures of one target over one period. Time counted: the period's service hours ({@code serviceTime});
 * planned downtime (maintenance windows) is taken out of it; of what remains, {@code unknown} had no verdict and
 * is reported apart; availability is the share of the rest that was not unplanned downtime. Shares are exact
 * decimals, never binary floating point, so 99.9% compared with an objective of 99.9% is equal.
 *
 * @param availability up time / (service time − planned − unknown), rounded down to {@link SlaCalculator#SCALE}
 *     decimals (so it never reads as better than it was), or {@code null} when nothing was known
 * @param coverage known time / (service time − planned), the share of the period the availability speaks for, or
 *     {@code null} when the period has no service time outside maintenance
 * @param enoughData whether {@code coverage} reaches the stated minimum ({@link SlaInputs#minCoverage()}); below it
 *     the pages say "not enough data" instead of an availability and no breach is judged
 * @param incidents outages that started in the period (overlapping incidents of the target's probes count once)
 * @param mttr mean time to recover of those outages that ended, or {@code null} when none ended
 * @param p95 95th percentile response time, or {@code null} without measurements
 * @param objective the target's {@code sla} as an exact fraction (0.999), or {@code null}
 * @param breached whether availability fell below the objective; {@code null} without an objective, a figure, or
 *     enough data
 */
public record SlaFigures(
        String targetId,
        Interval period,
        Duration serviceTime,
        Duration plannedDowntime,
        Duration unplannedDowntime,
        Duration unknown,
        BigDecimal availability,
        BigDecimal coverage,
        boolean enoughData,
        int incidents,
        Duration mttr,
        Duration p95,
        BigDecimal objective,
        Boolean breached) {

    /** The service time availability was judged on: service − planned − unknown. */
    public Duration known() {
        return serviceTime.minus(plannedDowntime).minus(unknown);
    }
}
