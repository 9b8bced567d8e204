package dev.rounds.core;

import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneOffset;

/**
 * The years Rounds takes in dates and instants it is given, 1970 to 9999: every date a person means falls in
 * them, and arithmetic on a day or instant inside them (the day after, a zone's midnight) cannot overflow.
 */
public final class Years {

    public static final int FIRST = 1970;
    public static final int LAST = 9999;

    /** The range as a sentence ends it, for error messages. */
    public static final String RANGE = "with a year from " + FIRST + " to " + LAST;

    private static final Instant EARLIEST =
            LocalDate.of(FIRST, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);
    private static final Instant END =
            LocalDate.of(LAST + 1, 1, 1).atStartOfDay().toInstant(ZoneOffset.UTC);

    private Years() {}

    public static boolean inRange(int year) {
        return year >= FIRST && year <= LAST;
    }

    public static boolean inRange(LocalDate day) {
        return inRange(day.getYear());
    }

    public static boolean inRange(LocalDateTime time) {
        return inRange(time.getYear());
    }

    public static boolean inRange(Instant at) {
        return !at.isBefore(EARLIEST) && at.isBefore(END);
    }

    /**
     * The day itself, or an {@link IllegalArgumentException} naming the parameter.
     *
     * @param name the parameter or field the day came from
     */
    public static LocalDate check(LocalDate day, String name) {
        if (!inRange(day)) {
            throw new IllegalArgumentException("'" + name + "' must be a day " + RANGE + ", got '" + day + "'");
        }
        return day;
    }

    /** The instant itself, or an {@link IllegalArgumentException} naming the parameter. */
    public static Instant check(Instant at, String name) {
        if (!inRange(at)) {
            throw new IllegalArgumentException("'" + name + "' must be an instant " + RANGE + ", got '" + at + "'");
        }
        return at;
    }
}
