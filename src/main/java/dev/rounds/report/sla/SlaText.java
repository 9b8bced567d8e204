package dev.rounds.report.sla;

import dev.rounds.core.Incident;
import io.quarkus.qute.TemplateExtension;
import java.math.BigDecimal;
import java.math.RoundingMode;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * How SLA figures and incidents read on the pages: availability never without the share of the period it speaks for,
 * "not enough data" below the stated coverage, and incident times to the second with their length.
 */
@TemplateExtension
public final class SlaText {

    public static final String NOT_ENOUGH_DATA = "not enough data";

    private static final DateTimeFormatter WHEN =
            DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME =
            DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    private SlaText() {}

    /** {@code 99.95%}, or "not enough data" below the stated coverage. */
    static String availabilityShown(SlaFigures figures) {
        return figures.enoughData() ? percent(figures.availability(), 2) : NOT_ENOUGH_DATA;
    }

    /** {@code over 71% of the period}, or how little was known: the coverage beside every availability. */
    static String coverageShown(SlaFigures figures) {
        if (figures.coverage() == null) return "no service time in this period";
        if (figures.coverage().signum() == 0) return "nothing known of the period";
        return (figures.enoughData() ? "over " : "only ") + percent(figures.coverage(), 0) + " of the period";
    }

    /** {@code 2026-12-03 07:24:05 UTC → 07:24:15 UTC (10 s)}; an open one is {@code since …}. */
    static String lasted(Incident incident) {
        String from = WHEN.format(incident.startedAt());
        if (incident.endedAt() == null) return "since " + from;
        boolean sameDay = LocalDate.ofInstant(incident.startedAt(), ZoneOffset.UTC)
                .equals(LocalDate.ofInstant(incident.endedAt(), ZoneOffset.UTC));
        String to = sameDay ? TIME.format(incident.endedAt()) : WHEN.format(incident.endedAt());
        return from + " → " + to + " (" + length(Duration.between(incident.startedAt(), incident.endedAt())) + ")";
    }

    /** {@code 2026-12-03 07:24:05 UTC}: incident times need their seconds, a 10-second outage is real. */
    static String toSecond(Instant instant) {
        return instant == null ? "—" : WHEN.format(instant);
    }

    /** Downtime to the second, {@code none} for none: "0 ms" of downtime read like a measurement. */
    static String exactLength(Duration duration) {
        return duration.isZero() ? "none" : length(duration);
    }

    /** A share as a percentage rounded down, so it never reads better than it was: 0.99999 is 99.99%, not 100.00%. */
    public static String percent(BigDecimal share, int decimals) {
        if (share == null) return "—";
        return share.movePointRight(2).setScale(decimals, RoundingMode.DOWN).toPlainString() + "%";
    }

    /** {@code 10 s}, {@code 4m 10s}, {@code 1h 05m 10s}, {@code 2d 3h 05m}: exact to the second. */
    public static String length(Duration duration) {
        long s = duration.toSeconds();
        if (s < 60) return s + " s";
        if (s < 3600) return String.format(Locale.ROOT, "%dm %02ds", s / 60, s % 60);
        if (s < 86_400) return String.format(Locale.ROOT, "%dh %02dm %02ds", s / 3600, s % 3600 / 60, s % 60);
        return String.format(Locale.ROOT, "%dd %dh %02dm", s / 86_400, s % 86_400 / 3600, s % 3600 / 60);
    }
}
