package dev.rounds.report.export;

import dev.rounds.report.sla.SlaFigures;
import java.time.Duration;
import java.time.Instant;

/**
 * SLA figures in the flat form exports use: times in seconds, shares as fractions, p95 in milliseconds; a figure
 * that does not exist (no known time, no objective) is {@code null}, an empty CSV field.
 */
public record SlaRow(
        String target,
        Instant from,
        Instant to,
        long serviceSeconds,
        long plannedDowntimeSeconds,
        long unplannedDowntimeSeconds,
        long unknownSeconds,
        Double availability,
        Double objective,
        Boolean breached,
        int incidents,
        Long mttrSeconds,
        Double p95Ms) {

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
        "p95_ms"
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
                f.p95() == null ? null : millis(f.p95()));
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
            p95Ms
        };
    }

    private static double millis(Duration duration) {
        return Math.round(duration.toNanos() / 1e3) / 1e3;
    }
}
