package dev.rounds.report;

import dev.rounds.report.chart.Units;
import dev.rounds.report.sla.SlaText;
import io.quarkus.qute.TemplateExtension;
import java.math.BigDecimal;
import java.time.Duration;
import java.util.Locale;

/**
 * Figures as the pages show them, called as {@code {fmt:percent(figures.availability)}}: a namespace rather than
 * extension methods because a figure may be {@code null} (nothing known), which these show as a dash.
 */
@TemplateExtension(namespace = "fmt")
public class Fmt {

    /**
     * {@code 99.95%}: two decimals, since SLA objectives live in the last nines; a dash for no figure. An exact
     * decimal share is rounded down, so it never reads better than it was.
     */
    static String percent(Number share) {
        if (share instanceof BigDecimal exact) return SlaText.percent(exact, 2);
        return share == null ? "—" : Units.availability(share.doubleValue());
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
}
