package dev.rounds.audit.export;

import dev.rounds.core.Interval;
import dev.rounds.core.Years;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/**
 * The range of an export as the auditor gives it: {@code from} and {@code to} as dates in the report zone, where
 * {@code to} is the last day included, or as ISO instants, where {@code to} is excluded.
 *
 * @param from the {@code from} text as given
 * @param to the {@code to} text as given
 * @param interval the half-open span of time the bundle covers
 */
public record ExportRange(String from, String to, Interval interval) {

    /** The longest range one bundle covers. */
    public static final Duration LONGEST = Duration.ofDays(400);

    private static final String EXPECTED = "a date like 2026-11-01 or an instant like 2026-11-01T00:00:00Z";

    /** Parses the two parameters; an {@link IllegalArgumentException} says which one is wrong and why. */
    public static ExportRange parse(String from, String to, ZoneId zone) {
        Instant start = parse("from", from, zone, false);
        Instant end = parse("to", to, zone, true);
        if (end.isBefore(start)) {
            throw new IllegalArgumentException("'to' (" + to + ") is before 'from' (" + from + ")");
        }
        Interval interval = new Interval(start, end);
        if (interval.length().compareTo(LONGEST) > 0) {
            throw new IllegalArgumentException(
                    "'to' (" + to + ") is " + interval.length().toDays() + " days after"
                            + " 'from' (" + from + "); a bundle covers at most " + LONGEST.toDays()
                            + " days, export a longer span in parts");
        }
        return new ExportRange(from, to, interval);
    }

    private static Instant parse(String parameter, String text, ZoneId zone, boolean dayIncluded) {
        if (text == null || text.isBlank()) {
            throw new IllegalArgumentException("'" + parameter + "' is required: " + EXPECTED);
        }
        try {
            if (text.contains("T")) {
                return Years.check(Instant.parse(text), parameter);
            }
            LocalDate day = Years.check(LocalDate.parse(text), parameter);
            return (dayIncluded ? day.plusDays(1) : day).atStartOfDay(zone).toInstant();
        } catch (DateTimeParseException e) {
            throw new IllegalArgumentException("'" + parameter + "' must be " + EXPECTED + ", got '" + text + "'");
        }
    }

    /** {@code rounds-audit-<from>-<to>.zip}, with characters a file name should not hold replaced by {@code -}. */
    public String fileName() {
        return "rounds-audit-" + safe(from) + "-" + safe(to) + ".zip";
    }

    private static String safe(String text) {
        return text.replaceAll("[^0-9A-Za-z.-]", "-");
    }
}
