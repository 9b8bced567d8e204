package dev.rounds.checklist;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.time.format.TextStyle;
import java.util.Locale;

/**
 * A recurring planned downtime, written {@code { every: "Sun 02:00", duration: 2h }}; excluded from SLA
 * figures and reported apart.
 *
 * @param day the day of the week it starts, or {@code null} for every day ({@code every: "02:00"})
 * @param start the local wall-clock time it starts
 */
public record MaintenanceWindow(DayOfWeek day, LocalTime start, Duration duration) {

    /** The window as written in the inventory: {@code Sun 02:00 for 2h}. */
    @Override
    public String toString() {
        String when =
                day == null ? start.toString() : day.getDisplayName(TextStyle.SHORT, Locale.ENGLISH) + " " + start;
        return when + " for " + Durations.format(duration);
    }
}
