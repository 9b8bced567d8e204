package dev.rounds.report;

import io.quarkus.qute.TemplateExtension;
import java.time.Duration;
import java.time.Instant;

import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/** Display forms used by the page templates. */
@TemplateExtension
public class Formats {

    private static final DateTimeFormatter WHEN = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm 'UTC'").withZone(ZoneOffset.UTC);
    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm:ss 'UTC'").withZone(ZoneOffset.UTC);

    /** {@code 2026-11-26 10:00 UTC}, or a dash for nothing. */
    static String when(Instant instant) {
        return instant == null ? "—" : WHEN.format(instant);
    }

    /** {@code 99.95%}: two decimals, since SLA objectives live in the last nines; a dash for no figure. */
    static String percent(Double share) {
        return share == null ? "—" : String.format(Locale.ROOT, "%.2f%%", share * 100);
    }

    /** {@code 3d 4h}, {@code 1h 05m}, {@code 4m 10s}, {@code 850 ms}: the two largest units; a dash for nothing. */
    static String span(Duration duration) {
        if (duration == null) return "—";
        long seconds = duration.toSeconds();
        if (seconds >= 86_400) return seconds / 86_400 + "d " + seconds % 86_400 / 3600 + "h";
        if (seconds >= 3600) return String.format(Locale.ROOT, "%dh %02dm", seconds / 3600, seconds % 3600 / 60);
        if (seconds >= 60) return String.format(Locale.ROOT, "%dm %02ds", seconds / 60, seconds % 60);
        if (seconds >= 1) return String.format(Locale.ROOT, "%.1f s", duration.toMillis() / 1000.0);
        return String.format(Locale.ROOT, "%.0f ms", duration.toNanos() / 1e6);
    }

    /** {@code 10:00:05 UTC}, or a dash for nothing. */
    static String time(Instant instant) {
        return instant == null ? "—" : TIME.format(instant);
    }
}
