package dev.rounds.checklist;

import java.time.Duration;
import java.time.LocalDate;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import net.fortuna.ical4j.model.Recur;
import net.fortuna.ical4j.transform.recurrence.Frequency;

/**
 * A cadence given by an RFC 5545 {@code RRULE} (read by iCal4j): each date of the rule starts a period that runs
 * to the next date, e.g. {@code FREQ=MONTHLY;BYDAY=2TU} for patch day. Only rules whose periods are whole days and
 * never end are accepted, so that periods, due and missed work as for the calendar's own cadences.
 */
public final class RecurrenceRule implements Cadence {

    private static final java.util.regex.Pattern QUOTED = java.util.regex.Pattern.compile("'([^']+)'");

    /** What occurrences of rule checklists record as their cadence. */
    public static final String KIND = "rrule";

    static final String PREFIX = "rrule:";

    /** The shortest period is looked for over this many years from the start. */
    static final int HORIZON_YEARS = 3;

    /** Where the horizon begins for a rule without {@code starts}: such a rule is the same every year. */
    private static final LocalDate REFERENCE = LocalDate.of(2024, 1, 1);

    private static final Pattern OUT_OF_RANGE = Pattern.compile("Value not in range \\[(.*)]: Optional\\[(.*)]");

    private final String rule;
    private final Recur<LocalDate> recur;
    private final LocalDate starts;
    private final Duration shortest;
    private final String shortestText;

    private RecurrenceRule(String rule, Recur<LocalDate> recur, LocalDate starts, LocalDate gapFrom, LocalDate gapTo) {
        this.rule = rule;
        this.recur = recur;
        this.starts = starts;
        long days = ChronoUnit.DAYS.between(gapFrom, gapTo);
        this.shortest = Duration.ofDays(days);
        this.shortestText = days + "d, e.g. " + gapFrom + " to " + gapTo;
    }

    /**
     * Reads the text after {@code rrule:}.
     *
     * @throws IllegalArgumentException saying in plain words what is wrong with the rule
     */
    /** The message with each value it quotes from the capitalised rule as the person wrote it ({@code 'two'}). */
    private static String asWritten(String rule, String message) {
        String upper = rule.toUpperCase(Locale.ROOT);
        return QUOTED.matcher(message).replaceAll(m -> {
            int at = upper.indexOf(m.group(1));
            String written = at < 0 || upper.length() != rule.length()
                    ? m.group(1)
                    : rule.substring(at, at + m.group(1).length());
            return java.util.regex.Matcher.quoteReplacement("'" + written + "'");
        });
    }

    static Recur<LocalDate> parse(String rule) {
        Recur<LocalDate> recur;
        try {
            // RFC 5545's rule parts and values are case-insensitive; iCal4j reads them in capitals only
            recur = new Recur<>(rule.toUpperCase(Locale.ROOT));
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException(
                    asWritten(
                            rule,
                            e.getMessage().replaceFirst("For input string: \"(.*)\".*", "'$1' is not a whole number")),
                    e);
        } catch (IllegalArgumentException e) {
            throw new IllegalArgumentException(asWritten(rule, inPlainWords(e.getMessage())), e);
        }
        Frequency frequency = recur.getFrequency();
        if (frequency == Frequency.SECONDLY || frequency == Frequency.MINUTELY || frequency == Frequency.HOURLY) {
            throw new IllegalArgumentException("FREQ=" + frequency + " is shorter than a day, but a checklist period"
                    + " runs from midnight to midnight; use DAILY, WEEKLY, MONTHLY or YEARLY");
        }
        timeOfDay("BYHOUR", recur.getHourList());
        timeOfDay("BYMINUTE", recur.getMinuteList());
        timeOfDay("BYSECOND", recur.getSecondList());
        if (recur.getCount() > 0 || recur.getUntil() != null) {
            throw new IllegalArgumentException((recur.getCount() > 0 ? "COUNT" : "UNTIL")
                    + " would end the rule, but a checklist recurs without end; remove it"
                    + " (pause an activity with 'enabled: false', or remove the checklist, instead)");
        }
        return recur;
    }

    private static void timeOfDay(String part, List<Integer> values) {
        if (!values.isEmpty()) {
            throw new IllegalArgumentException(part + " picks a time of day, but a checklist period runs from"
                    + " midnight to midnight; remove it and give the time with 'due' instead");
        }
    }

    private static String inPlainWords(String message) {
        if (message == null) return "it is not a recurrence rule";
        String frequencyPrefix = "No enum constant " + Frequency.class.getName() + ".";
        if (message.startsWith(frequencyPrefix)) {
            return "unknown FREQ '" + message.substring(frequencyPrefix.length())
                    + "'; use DAILY, WEEKLY, MONTHLY or YEARLY";
        }
        if (message.startsWith("No enum constant net.fortuna.ical4j.model.WeekDay.Day.")) {
            return "unknown day '" + message.substring(message.lastIndexOf('.') + 1)
                    + "' in BYDAY; use MO, TU, WE, TH, FR, SA or SU, with a number before it for one of the month,"
                    + " e.g. 2TU for the second Tuesday";
        }
        if (message.startsWith("A recurrence rule MUST contain a FREQ")) {
            return "the rule has no FREQ; write e.g. FREQ=MONTHLY;BYDAY=2TU";
        }
        Matcher range = OUT_OF_RANGE.matcher(message);
        if (range.matches()) {
            return range.group(2) + " is out of range (" + range.group(1).replace(" - ", " to ") + ")";
        }
        if (message.startsWith("Missing expected token")) return "the rule is empty; write e.g. FREQ=MONTHLY;BYDAY=2TU";
        return message.substring(0, 1).toLowerCase(Locale.ROOT) + message.substring(1);
    }

    /**
     * Why a rule cannot do without a {@code starts} date, or {@code null} if it can: with an INTERVAL it repeats
     * every other week (or month…) counted from a first date, and what it does not pin (the day of the week, of the
     * month) RFC 5545 takes from that first date.
     */
    static String whyStartsIsNeeded(Recur<LocalDate> recur) {
        if (recur.getInterval() > 1) {
            return "it repeats every " + recur.getInterval() + " " + unit(recur.getFrequency())
                    + ", counted from a first date";
        }
        boolean days = !recur.getDayList().isEmpty();
        boolean monthDays = !recur.getMonthDayList().isEmpty();
        return switch (recur.getFrequency()) {
            case WEEKLY -> days ? null : "it does not say which day of the week (BYDAY)";
            case MONTHLY -> days || monthDays ? null : "it does not say which day of the month (BYDAY or BYMONTHDAY)";
            case YEARLY -> {
                if (!days && !monthDays && recur.getYearDayList().isEmpty()) {
                    yield "it does not say which day of the year (BYDAY, BYMONTHDAY or BYYEARDAY)";
                }
                yield monthDays && recur.getMonthList().isEmpty()
                        ? "it says the day of the month but not the month (BYMONTH)"
                        : null;
            }
            default -> null;
        };
    }

    private static String unit(Frequency frequency) {
        return switch (frequency) {
            case DAILY -> "days";
            case WEEKLY -> "weeks";
            case MONTHLY -> "months";
            default -> "years";
        };
    }

    /** Whether {@code day} is a date of the rule when it starts on {@code day}. */
    static boolean startsOn(Recur<LocalDate> recur, LocalDate day) {
        return recur.getDates(day, day, day).contains(day);
    }

    /**
     * The cadence of a parsed rule.
     *
     * @param starts the first date, or {@code null} for a rule that is the same every year
     * @throws IllegalArgumentException when the rule has fewer than two dates in {@link #HORIZON_YEARS} years, so
     *     that its first period would have no end in sight
     */
    static RecurrenceRule of(String rule, Recur<LocalDate> recur, LocalDate starts) {
        LocalDate from = starts != null ? starts : REFERENCE;
        List<LocalDate> dates = recur.getDates(from, from, from.plusYears(HORIZON_YEARS));
        if (dates.size() < 2) {
            throw new IllegalArgumentException((dates.isEmpty() ? "it has no date" : "it has only one date")
                    + " in the " + HORIZON_YEARS + " years from " + from
                    + ", so its periods would never end; a checklist rule must recur");
        }
        int shortest = 1;
        for (int i = 2; i < dates.size(); i++) {
            if (gap(dates, i) < gap(dates, shortest)) shortest = i;
        }
        return new RecurrenceRule(rule, recur, starts, dates.get(shortest - 1), dates.get(shortest));
    }

    private static long gap(List<LocalDate> dates, int index) {
        return ChronoUnit.DAYS.between(dates.get(index - 1), dates.get(index));
    }

    /** The rule as written after {@code rrule:}, e.g. {@code FREQ=MONTHLY;BYDAY=2TU}. */
    public String rule() {
        return rule;
    }

    /** The first date, before which there is no period; empty for a rule that is the same every year. */
    @Override
    public Optional<LocalDate> starts() {
        return Optional.ofNullable(starts);
    }

    /** The latest date of the rule on or before {@code day}; empty before {@link #starts()}. */
    public Optional<LocalDate> onOrBefore(LocalDate day) {
        if (starts != null && day.isBefore(starts)) return Optional.empty();
        for (int years = 1; years <= 32; years *= 2) {
            LocalDate from = day.minusYears(years);
            if (starts != null && from.isBefore(starts)) from = starts;
            List<LocalDate> dates = recur.getDates(seed(from), from, day);
            if (!dates.isEmpty()) return Optional.of(dates.get(dates.size() - 1));
            if (from.equals(starts)) break;
        }
        return Optional.empty();
    }

    /** The first date of the rule after {@code day}. */
    public LocalDate after(LocalDate day) {
        LocalDate next = recur.getNextDate(seed(day), day);
        if (next == null) throw new IllegalStateException("rrule " + rule + " has no date after " + day);
        return next;
    }

    /**
     * Where iCal4j counts the rule from: its {@code starts}, or for a rule without one (the same every year) the
     * 1st of January before {@code day}, so as not to count from the distant past.
     */
    private LocalDate seed(LocalDate day) {
        return starts != null ? starts : LocalDate.of(day.getYear() - 1, 1, 1);
    }

    @Override
    public String yamlName() {
        return PREFIX + " " + rule;
    }

    @Override
    public String kind() {
        return KIND;
    }

    @Override
    public Duration shortestPeriod() {
        return shortest;
    }

    @Override
    public String shortestPeriodText() {
        return shortestText;
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof RecurrenceRule that && rule.equals(that.rule) && Objects.equals(starts, that.starts);
    }

    @Override
    public int hashCode() {
        return Objects.hash(rule, starts);
    }

    @Override
    public String toString() {
        return yamlName() + (starts != null ? " from " + starts : "");
    }
}
