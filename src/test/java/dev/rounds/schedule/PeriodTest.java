package dev.rounds.schedule;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rounds.checklist.Cadence;
import dev.rounds.checklist.TestCadences;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class PeriodTest {

    private static final ZoneId LONDON = ZoneId.of("Europe/London");

    @ParameterizedTest(name = "{0} at {1} is {2}, {3} to {4}")
    @CsvSource({
        // a day, just before and at local midnight (London is UTC+0 in winter)
        "DAILY,     2026-11-26T23:59:59Z, 2026-11-26, 2026-11-26T00:00:00Z, 2026-11-27T00:00:00Z",
        "DAILY,     2026-11-27T00:00:00Z, 2026-11-27, 2026-11-27T00:00:00Z, 2026-11-28T00:00:00Z",
        // an ISO week runs Monday to Monday, and the week-based year differs at the turn of the year
        "WEEKLY,    2026-11-29T23:00:00Z, 2026-W48,   2026-11-23T00:00:00Z, 2026-11-30T00:00:00Z",
        "WEEKLY,    2026-12-31T12:00:00Z, 2026-W53,   2026-12-28T00:00:00Z, 2027-01-04T00:00:00Z",
        "WEEKLY,    2027-01-03T12:00:00Z, 2026-W53,   2026-12-28T00:00:00Z, 2027-01-04T00:00:00Z",
        // month ends, including February of a leap year
        "MONTHLY,   2028-02-29T23:30:00Z, 2028-02,    2028-02-01T00:00:00Z, 2028-03-01T00:00:00Z",
        "MONTHLY,   2026-11-30T23:59:59Z, 2026-11,    2026-11-01T00:00:00Z, 2026-12-01T00:00:00Z",
        // quarters; 1 October and 1 April midnight are in summer time, an hour before UTC midnight
        "QUARTERLY, 2026-12-31T23:59:59Z, 2026-Q4,    2026-09-30T23:00:00Z, 2027-01-01T00:00:00Z",
        "QUARTERLY, 2027-01-01T00:00:00Z, 2027-Q1,    2027-01-01T00:00:00Z, 2027-03-31T23:00:00Z",
        // the day clocks go forward in London has 23 hours; local midnight is 00:00 BST = 23:00 UTC after
        "DAILY,     2026-03-29T12:00:00Z, 2026-03-29, 2026-03-29T00:00:00Z, 2026-03-29T23:00:00Z",
        // the day clocks go back has 25 hours
        "DAILY,     2026-10-25T12:00:00Z, 2026-10-25, 2026-10-24T23:00:00Z, 2026-10-26T00:00:00Z",
        // a month that contains the change starts in GMT and ends in BST
        "MONTHLY,   2026-03-15T12:00:00Z, 2026-03,    2026-03-01T00:00:00Z, 2026-03-31T23:00:00Z",
    })
    void periodContainingAnInstant(Cadence.Builtin cadence, Instant at, String label, Instant start, Instant end) {
        Period period = Period.containing(cadence, LONDON, at);
        assertEquals(label, period.label());
        assertEquals(start, period.start().toInstant());
        assertEquals(end, period.end().toInstant());
        assertTrue(period.contains(at));
        assertEquals(period.end(), period.next().start());
    }

    @ParameterizedTest(name = "{0} period of {1} with due {2} is due at {3}")
    @CsvSource({
        "DAILY,   2026-11-26T05:00:00Z, PT10H,       2026-11-26T10:00:00Z",
        // 10:00 local on the spring-forward day is 09:00 UTC: the offset is wall-clock, not elapsed time
        "DAILY,   2026-03-29T05:00:00Z, PT10H,       2026-03-29T09:00:00Z",
        // and on the fall-back day 10:00 local is 10:00 UTC, 11 elapsed hours after local midnight
        "DAILY,   2026-10-25T05:00:00Z, PT10H,       2026-10-25T10:00:00Z",
        // 4d17h from Monday 00:00 is Friday 17:00
        "WEEKLY,  2026-11-26T05:00:00Z, PT113H,      2026-11-27T17:00:00Z",
        "MONTHLY, 2026-11-26T05:00:00Z, PT120H,      2026-11-06T00:00:00Z",
        "QUARTERLY, 2026-11-26T05:00:00Z, PT1440H,   2026-11-30T00:00:00Z",
    })
    void dueIsAWallClockOffsetFromThePeriodStart(Cadence.Builtin cadence, Instant at, Duration offset, Instant due) {
        assertEquals(due, Period.containing(cadence, LONDON, at).dueAt(offset));
    }

    /** A rule's periods run from one of its dates to the next, in local time; this one is in force from 2 January. */
    private static Cadence everyOtherFriday() {
        return TestCadences.rule("FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", LocalDate.of(2026, 1, 2));
    }

    @ParameterizedTest(name = "every other Friday at {0} is {1}, {2} to {3}")
    @CsvSource({
        "2026-01-02T00:00:00Z, 2026-01-02, 2026-01-02T00:00:00Z, 2026-01-16T00:00:00Z",
        "2026-01-15T23:59:59Z, 2026-01-02, 2026-01-02T00:00:00Z, 2026-01-16T00:00:00Z",
        // the fortnight over London's spring-forward night (29 March) ends at midnight BST
        "2026-03-29T12:00:00Z, 2026-03-27, 2026-03-27T00:00:00Z, 2026-04-09T23:00:00Z",
        // and the one over the fall-back night (25 October) starts in BST and ends in GMT
        "2026-10-25T12:00:00Z, 2026-10-23, 2026-10-22T23:00:00Z, 2026-11-06T00:00:00Z",
        "2026-12-31T12:00:00Z, 2026-12-18, 2026-12-18T00:00:00Z, 2027-01-01T00:00:00Z",
    })
    void everyOtherFridayCountsFortnightsFromItsStart(Instant at, String label, Instant start, Instant end) {
        Period period = Period.containing(everyOtherFriday(), LONDON, at);
        assertEquals(label, period.label());
        assertEquals(start, period.start().toInstant());
        assertEquals(end, period.end().toInstant());
        assertTrue(period.contains(at));
        assertEquals(period.end(), period.next().start());
    }

    @Test
    void beforeItsStartARuleHasNoPeriodButItsFirst() {
        Instant newYear = Instant.parse("2026-01-01T12:00:00Z");
        Period first = Period.containing(everyOtherFriday(), LONDON, newYear);
        assertFalse(first.contains(newYear));
        assertEquals("2026-01-02", first.label());
        assertEquals(Instant.parse("2026-01-16T00:00:00Z"), first.end().toInstant());
    }

    @ParameterizedTest(name = "second Tuesday period of {0} with due {1} is due at {2}")
    @CsvSource({
        "2026-03-20T12:00:00Z, PT18H,  2026-03-10T18:00:00Z",
        // 20 days from 10 March 00:00 GMT is 30 March 00:00 BST, the day after the clocks went forward
        "2026-03-20T12:00:00Z, PT480H, 2026-03-29T23:00:00Z",
        // in summer 18:00 local is 17:00 UTC
        "2026-07-20T12:00:00Z, PT18H,  2026-07-14T17:00:00Z",
        // 20 days from 13 October 00:00 BST is 2 November 00:00 GMT, after the clocks went back
        "2026-10-20T12:00:00Z, PT480H, 2026-11-02T00:00:00Z",
    })
    void aRulesDueIsAWallClockOffsetFromItsDate(Instant at, Duration offset, Instant due) {
        Cadence secondTuesday = TestCadences.rule("FREQ=MONTHLY;BYDAY=2TU", null);
        assertEquals(due, Period.containing(secondTuesday, LONDON, at).dueAt(offset));
    }
}
