package dev.rounds.report;

import dev.rounds.core.Interval;
import dev.rounds.core.ProblemTitle;
import dev.rounds.core.RoundsException;
import dev.rounds.core.Years;
import java.time.DateTimeException;
import java.time.DayOfWeek;
import java.time.Instant;
import java.time.LocalDate;
import java.time.YearMonth;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.time.temporal.IsoFields;
import java.time.temporal.TemporalAdjusters;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * The days a report covers, whole local days in the report zone: an ISO week ({@code 2026-W48}), a month
 * ({@code 2026-11}) or any range of days.
 *
 * @param label how the period is named in titles, URLs and file names
 * @param last the last day included
 */
public record ReportPeriod(Kind kind, String label, LocalDate first, LocalDate last, ZoneId zone) {

    public enum Kind {
        WEEK,
        MONTH,
        DAYS
    }

    private static final Pattern WEEK = Pattern.compile("(\\d{4})-W(\\d{2})");

    public ReportPeriod {
        if (last.isBefore(first)) {
            throw new IllegalArgumentException("the period ends (" + last + ") before it starts (" + first + ")");
        }
    }

    /** The ISO week written {@code 2026-W48}: Monday to Sunday. */
    public static ReportPeriod week(String text, ZoneId zone) {
        Matcher matcher = WEEK.matcher(text == null ? "" : text.trim());
        if (!matcher.matches()) {
            throw new IllegalArgumentException("a week is written like 2026-W48, got '" + text + "'");
        }
        int year = Integer.parseInt(matcher.group(1));
        int week = Integer.parseInt(matcher.group(2));
        if (!Years.inRange(year)) {
            throw new IllegalArgumentException(
                    "a week is written like 2026-W48, " + Years.RANGE + ", got '" + text + "'");
        }
        LocalDate anyDay = LocalDate.of(year, 6, 1);
        if (week < 1 || week > anyDay.range(IsoFields.WEEK_OF_WEEK_BASED_YEAR).getMaximum()) {
            throw new IllegalArgumentException(year + " has no week " + week);
        }
        LocalDate monday = anyDay.with(IsoFields.WEEK_OF_WEEK_BASED_YEAR, week).with(DayOfWeek.MONDAY);
        return weekOf(monday, zone);
    }

    /** The ISO week holding a day. */
    public static ReportPeriod weekOf(LocalDate day, ZoneId zone) {
        LocalDate monday = day.with(TemporalAdjusters.previousOrSame(DayOfWeek.MONDAY));
        String label = String.format(
                "%d-W%02d", monday.get(IsoFields.WEEK_BASED_YEAR), monday.get(IsoFields.WEEK_OF_WEEK_BASED_YEAR));
        return new ReportPeriod(Kind.WEEK, label, monday, monday.plusDays(6), zone);
    }

    /** The month written {@code 2026-11}. */
    public static ReportPeriod month(String text, ZoneId zone) {
        YearMonth month;
        try {
            month = YearMonth.parse(text == null ? "" : text.trim());
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("a month is written like 2026-11, got '" + text + "'");
        }
        if (!Years.inRange(month.getYear())) {
            throw new IllegalArgumentException(
                    "a month is written like 2026-11, " + Years.RANGE + ", got '" + text + "'");
        }
        return monthOf(month.atDay(1), zone);
    }

    /** The month holding a day. */
    public static ReportPeriod monthOf(LocalDate day, ZoneId zone) {
        YearMonth month = YearMonth.from(day);
        return new ReportPeriod(Kind.MONTH, month.toString(), month.atDay(1), month.atEndOfMonth(), zone);
    }

    /**
     * The days from {@code from} to {@code to}, both included, written {@code 2026-11-01}.
     *
     * @param fromName the parameter's name, for the error message
     */
    public static ReportPeriod days(String from, String to, ZoneId zone, String fromName, String toName) {
        LocalDate first = date(from, fromName);
        LocalDate last = date(to, toName);
        if (last.isBefore(first)) {
            throw new IllegalArgumentException(
                    "'" + toName + "' (" + last + ") is before '" + fromName + "' (" + first + ")");
        }
        return new ReportPeriod(Kind.DAYS, first + "_" + last, first, last, zone);
    }

    /** The local day holding an instant. */
    public static ReportPeriod days(Instant at, ZoneId zone) {
        LocalDate day = LocalDate.ofInstant(at, zone);
        return new ReportPeriod(Kind.DAYS, day + "_" + day, day, day, zone);
    }

    /** The longest range of days a report or export covers: a year and a bit, so that "last year" always fits. */
    public static final int MAX_DAYS = 400;

    /** The days of query parameters {@code from} and {@code to}, at most {@link #MAX_DAYS} of them. */
    public static ReportPeriod range(String from, String to, ZoneId zone) {
        ReportPeriod period = days(from, to, zone, "from", "to");
        if (period.days() > MAX_DAYS) {
            throw new IllegalArgumentException("a range covers at most " + MAX_DAYS + " days, got " + period.days());
        }
        return period;
    }

    /**
     * The days of query parameters {@code from} and {@code to} as {@link #range} reads them, or, when both are
     * missing, the last {@code days} up to the day of {@code now}; a 400 problem saying which is wrong otherwise.
     */
    public static ReportPeriod queried(String from, String to, ZoneId zone, Instant now, int days) {
        if ((from == null || from.isBlank()) && (to == null || to.isBlank())) {
            LocalDate today = LocalDate.ofInstant(now, zone);
            from = today.minusDays(days - 1).toString();
            to = today.toString();
        }
        return queried(from, to, zone);
    }

    /** The days of query parameters {@code from} and {@code to}, both required; a 400 problem saying which is wrong. */
    public static ReportPeriod queried(String from, String to, ZoneId zone) {
        try {
            return range(from, to, zone);
        } catch (IllegalArgumentException e) {
            throw new RoundsException(400, ProblemTitle.INVALID_QUERY_PARAMETER, e.getMessage());
        }
    }

    private static LocalDate date(String text, String name) {
        if (text == null || text.isBlank())
            throw new IllegalArgumentException("'" + name + "' is missing: give a day like 2026-11-01");
        LocalDate day;
        try {
            day = LocalDate.parse(text.trim(), DateTimeFormatter.ISO_LOCAL_DATE);
        } catch (DateTimeException e) {
            throw new IllegalArgumentException("'" + name + "' must be a day like 2026-11-01, got '" + text + "'");
        }
        return Years.check(day, name);
    }

    /** From the first day's local midnight to the local midnight after the last day. */
    public Interval interval() {
        return new Interval(
                first.atStartOfDay(zone).toInstant(),
                last.plusDays(1).atStartOfDay(zone).toInstant());
    }

    /** The period up to {@code now} when it is still running; the whole period once it has ended. */
    public Interval until(Instant now) {
        return interval().until(now);
    }

    public boolean hasEnded(Instant now) {
        return !now.isBefore(interval().to());
    }

    public long days() {
        return last.toEpochDay() - first.toEpochDay() + 1;
    }

    /** The period of the same kind just before this one. */
    public ReportPeriod previous() {
        return switch (kind) {
            case WEEK -> weekOf(first.minusDays(7), zone);
            case MONTH -> monthOf(first.minusMonths(1), zone);
            case DAYS ->
                new ReportPeriod(Kind.DAYS, null, first.minusDays(days()), first.minusDays(1), zone).relabelled();
        };
    }

    /** The period of the same kind just after this one. */
    public ReportPeriod next() {
        return switch (kind) {
            case WEEK -> weekOf(first.plusDays(7), zone);
            case MONTH -> monthOf(first.plusMonths(1), zone);
            case DAYS -> new ReportPeriod(Kind.DAYS, null, last.plusDays(1), last.plusDays(days()), zone).relabelled();
        };
    }

    private ReportPeriod relabelled() {
        return new ReportPeriod(kind, first + "_" + last, first, last, zone);
    }
}
