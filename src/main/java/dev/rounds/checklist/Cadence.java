package dev.rounds.checklist;

import java.time.Duration;
import java.time.LocalDate;
import java.util.Locale;
import java.util.Optional;

/**
 * How often a checklist's activities recur: one of the calendar's own periods, or an RFC 5545 rule such as
 * "the second Tuesday of every month". Period arithmetic lives in {@code schedule.Period}.
 */
public sealed interface Cadence permits Cadence.Builtin, RecurrenceRule {

    // No default methods here: initialising Builtin would then initialise this interface first, reading
    // Builtin's constants while they are still null, and these would stay null (CadenceTest).

    Builtin DAILY = Builtin.DAILY;
    Builtin WEEKLY = Builtin.WEEKLY;
    Builtin MONTHLY = Builtin.MONTHLY;
    Builtin QUARTERLY = Builtin.QUARTERLY;

    /** As written after {@code cadence:}, e.g. {@code daily} or {@code rrule: FREQ=MONTHLY;BYDAY=2TU}. */
    String yamlName();

    /** What each occurrence records as its cadence: {@code daily} … {@code quarterly}, or {@code rrule}. */
    String kind();

    /** The first date of a rule counted from one; the built-in cadences follow the calendar and have none. */
    Optional<LocalDate> starts();

    /** The shortest period: a due offset past it could never be met in some periods. */
    Duration shortestPeriod();

    /** The shortest period in words, e.g. {@code 28d, February}. */
    String shortestPeriodText();

    /** A day, an ISO week, a month or a quarter. */
    enum Builtin implements Cadence {
        DAILY(1, "24h"),
        WEEKLY(7, "7d"),
        MONTHLY(28, "28d, February"),
        QUARTERLY(90, "90d, January to March");

        private final Duration shortest;
        private final String shortestText;

        Builtin(int shortestDays, String shortestText) {
            this.shortest = Duration.ofDays(shortestDays);
            this.shortestText = shortestText;
        }

        @Override
        public String yamlName() {
            return name().toLowerCase(Locale.ROOT);
        }

        @Override
        public String kind() {
            return yamlName();
        }

        @Override
        public Optional<LocalDate> starts() {
            return Optional.empty();
        }

        @Override
        public Duration shortestPeriod() {
            return shortest;
        }

        @Override
        public String shortestPeriodText() {
            return shortestText;
        }
    }
}
