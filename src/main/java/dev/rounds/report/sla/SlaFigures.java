package dev.rounds.report.sla;

import dev.rounds.core.Interval;
import java.time.Duration;

/**
 * The SLA figures of one target over one period. Time counted: the period's service hours ({@code serviceTime});
 * planned downtime (maintenance windows) is taken out of it; of what remains, {@code unknown} had no verdict and
 * is reported apart; availability is the share of the rest that was not unplanned downtime.
 *
 * @param availability up time / (service time − planned − unknown), or {@code null} when nothing was known
 * @param incidents outages that started in the period (overlapping incidents of the target's probes count once)
 * @param mttr mean time to recover of those outages that ended, or {@code null} when none ended
 * @param p95 95th percentile response time, or {@code null} without measurements
 * @param breached whether availability fell below the objective; {@code null} without an objective or a figure
 */
public record SlaFigures(
        String targetId,
        Interval period,
        Duration serviceTime,
        Duration plannedDowntime,
        Duration unplannedDowntime,
        Duration unknown,
        Double availability,
        int incidents,
        Duration mttr,
        Duration p95,
        Double objective,
        Boolean breached) {}
