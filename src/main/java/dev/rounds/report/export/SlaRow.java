package dev.rounds.report.export;

import dev.rounds.report.sla.SlaFigures;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.Instant;

/**
 * SLA figures in the flat form exports use: times in seconds, shares as fractions, p95 in milliseconds; a figure
 * that does not exist (no known time, no objective) is {@code null}, an empty CSV field. Shares are exact decimals
 * ({@code 0.999}), never binary floating point; {@code breached} is empty without enough data ({@code coverage}, the
 * known share of the counted time, below the stated minimum).
 */
public record SlaRow(
        String target,
        Instant from,
        Instant to,
        long serviceSeconds,
        long plannedDowntimeSeconds,
        long unplannedDowntimeSeconds,
        long unknownSeconds,
        BigDecimal availability,
        BigDecimal objective,
        Boolean breached,
        int incidents,
        Long mttrSeconds,
        Double p95Ms,
        BigDecimal coverage,
        boolean enoughData) {

    static final String[] HEADER = {
        "target",
        "from",
        "to",
        "service_seconds",
        "planned_downtime_seconds",
        "unplanned_downtime_seconds",
        "unknown_seconds",
        "availability",
        "objective",
        "breached",
        "incidents",
        "mttr_seconds",
        "p95_ms",
        "coverage",
        "enough_data"
    };

    public static SlaRow of(SlaFigures f) {
        return new SlaRow(
                f.targetId(),
                f.period().from(),
                f.period().to(),
                f.serviceTime().toSeconds(),
                f.plannedDowntime().toSeconds(),
                f.unplannedDowntime().toSeconds(),
                f.unknown().toSeconds(),
                f.availability(),
                f.objective(),
                f.breached(),
                f.incidents(),
                f.mttr() == null ? null : f.mttr().toSeconds(),
                f.p95() == null ? null : millis(f.p95()),
                f.coverage(),
                f.enoughData());
    }

    Object[] fields() {
        return new Object[] {
            target,
            from,
            to,
            serviceSeconds,
            plannedDowntimeSeconds,
            unplannedDowntimeSeconds,
            unknownSeconds,
            availability,
            objective,
            breached,
            incidents,
            mttrSeconds,
            p95Ms,
            coverage,
            enoughData
        };
    }

    private static double millis(Duration duration) {
        return Math.round(duration.toNanos() / 1e3) / 1e3;
    }
}
