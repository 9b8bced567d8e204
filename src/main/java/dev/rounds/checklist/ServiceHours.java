package dev.rounds.checklist;

import java.time.DayOfWeek;
import java.time.Duration;
import java.time.LocalTime;
import java.util.Set;

/**
 * The hours in which a target's SLA counts, written {@code sla_hours: "Mon-Fri 08:00-18:00"}.
 *
 * @param days the days the hours apply to
 * @param start the local wall-clock time they begin
 * @param length how long they last each day; {@code 00:00-24:00} is 24h
 * @param text the hours as written
 */
public record ServiceHours(Set<DayOfWeek> days, LocalTime start, Duration length, String text) {

    public ServiceHours {
        days = Set.copyOf(days);
    }

    /** Whether a local day and time falls within these hours. */
    public boolean covers(DayOfWeek day, LocalTime time) {
        if (!days.contains(day) || time.isBefore(start)) return false;
        return Duration.between(start, time).compareTo(length) < 0;
    }

    @Override
    public String toString() {
        return text;
    }
}
