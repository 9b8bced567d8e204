package dev.rounds.report.chart;

import java.util.Locale;

/** How chart axes and tooltips write values: shares as percentages, response times in ms or s. */
public final class Units {

    private Units() {}

    /** {@code 53%}: axes and capacity, where a whole percent is precise enough. */
    public static String percent(double share) {
        return String.format(Locale.ROOT, "%.0f%%", share * 100);
    }

    /** {@code 99.95%}: availability, which lives in the last nines. */
    public static String availability(double share) {
        return String.format(Locale.ROOT, "%.2f%%", share * 100);
    }

    /** {@code 850 ms}, {@code 1.2 s}. */
    public static String milliseconds(double ms) {
        return ms >= 1000 ? String.format(Locale.ROOT, "%.1f s", ms / 1000) : String.format(Locale.ROOT, "%.0f ms", ms);
    }
}
