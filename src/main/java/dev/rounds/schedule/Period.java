package dev.rounds.schedule;

import dev.rounds.checklist.Cadence;
import dev.rounds.checklist.RecurrenceRule;
import java.time.DayOfWeek;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.ZonedDateTime;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;

/**
 * One recurrence of a cadence in a time zone: a day, an ISO week (Monday to Monday), a month, a quarter, or for a
 * recurrence rule the days from one of its dates to the next, from local midnight to local midnight. Periods are
 * labelled {@code 2026-11-26}, {@code 2026-W48}, {@code 2026-11}, {@code 2026-Q4}, and a rule's by its first date,
 * {@code 2026-12-08}.
 */
public record Period(Cadence cadence, ZonedDateTime start, ZonedDateTime end) {

    /**
     * The period containing an instant; before a rule's {@code starts} there is none, and this is the rule's first
     * period instead (check with {@link #contains}).
     */
    public static Period containing(Cadence cadence, ZoneId zone, Instant instant) {
        LocalDate day = instant.atZone(zone).toLocalDate();
        if (cadence instanceof RecurrenceRule rule) {
            LocalDate first = rule.onOrBefore(day).orElseGet(() -> rule.after(day));
            return startingOn(rule, zone, first);
        }
        LocalDate first = switch ((Cadence.Builtin) cadence) {
            case DAILY -> day;
            case WEEKLY -> day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
            case MONTHLY -> day.withDayOfMonth(1);
            case QUARTERLY ->
                day.withMonth(day.get(IsoFields.QUARTER_OF_YEAR) * 3 - 2).withDayOfMonth(1);
        };
        return startingOn(cadence, zone, first);
    }

    private static Period startingOn(Cadence cadence, ZoneId zone, LocalDate first) {
        if (cadence instanceof RecurrenceRule rule) {
            return new Period(rule, first.atStartOfDay(zone), rule.after(first).atStartOfDay(zone));
        }
        LocalDate next = switch ((Cadence.Builtin) cadence) {
            case DAILY -> first.plusDays(1);
            case WEEKLY -> first.plusWeeks(1);
            case MONTHLY -> first.plusMonths(1);
            case QUARTERLY -> first.plusMonths(3);
        };
        return new Period(cadence, first.atStartOfDay(zone), next.atStartOfDay(zone));
    }

    public Period next() {
        return startingOn(cadence, start.getZone(), end.toLocalDate());
    }

    /**
     * The instant an activity falls due: a wall-clock offset from the period's local start, so that
     * {@code 10h} is 10:00 local time even on a day with a daylight-saving change, and {@code 4d17h} in a
     * week is Friday 17:00.
     */
    public Instant dueAt(Duration offset) {
        long days = offset.toDays();
        return start.toLocalDateTime()
                .plusDays(days)
                .plus(offset.minusDays(days))
                .atZone(start.getZone())
                .toInstant();
    }

    public String label() {
        LocalDate first = start.toLocalDate();
        if (cadence instanceof RecurrenceRule) return first.toString();
        return switch ((Cadence.Builtin) cadence) {
            case DAILY -> first.toString();
            case WEEKLY ->
                String.format(
                        "%d-W%02d", first.get(IsoFields.WEEK_BASED_YEAR), first.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
            case MONTHLY -> String.format("%d-%02d", first.getYear(), first.getMonthValue());
            case QUARTERLY -> first.getYear() + "-Q" + first.get(IsoFields.QUARTER_OF_YEAR);
        };
    }

    public boolean contains(Instant instant) {
        return !instant.isBefore(start.toInstant()) && instant.isBefore(end.toInstant());
    }
}
