package dev.rounds.report;

import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.Locale;

/**
 * Due times as the dashboard's narrow column shows them, relative to today in the report zone: {@code today 17:00},
 * {@code tomorrow 10:00}, {@code Fri 10:00} within a week either way, {@code 3 Jan} further off, {@code 3 Jan 2027}
 * in another year. The zone is named once, above the list.
 */
final class DashboardDue {

    private static final DateTimeFormatter TIME = DateTimeFormatter.ofPattern("HH:mm", Locale.ROOT);
    private static final DateTimeFormatter WEEKDAY = DateTimeFormatter.ofPattern("EEE HH:mm", Locale.ENGLISH);
    private static final DateTimeFormatter DAY = DateTimeFormatter.ofPattern("d MMM", Locale.ENGLISH);
    private static final DateTimeFormatter DAY_OF_YEAR = DateTimeFormatter.ofPattern("d MMM yyyy", Locale.ENGLISH);

    private DashboardDue() {}

    static String label(Instant due, Instant now, ZoneId zone) {
        if (due == null) return "—";
        ZonedDateTime at = due.atZone(zone);
        LocalDate today = now.atZone(zone).toLocalDate();
        long days = ChronoUnit.DAYS.between(today, at.toLocalDate());
        if (days == 0) return "today " + TIME.format(at);
        if (days == 1) return "tomorrow " + TIME.format(at);
        if (days == -1) return "yesterday " + TIME.format(at);
        if (Math.abs(days) < 7) return WEEKDAY.format(at);
        if (at.getYear() == today.getYear()) return DAY.format(at);
        return DAY_OF_YEAR.format(at);
    }
}
