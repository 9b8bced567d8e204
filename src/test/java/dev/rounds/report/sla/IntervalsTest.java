package dev.rounds.report.sla;

import static dev.rounds.report.sla.ServiceCalendarTest.utc;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rounds.core.Interval;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.Test;

class IntervalsTest {

    static final List<Interval> DAY_AND_EVENING =
            List.of(utc("2026-03-02T08:00", "2026-03-02T12:00"), utc("2026-03-02T13:00", "2026-03-02T18:00"));

    @Test
    void intersectKeepsOnlyTheCommonParts() {
        List<Interval> cuts = List.of(
                utc("2026-03-02T07:00", "2026-03-02T09:00"),
                utc("2026-03-02T11:00", "2026-03-02T14:00"),
                utc("2026-03-02T17:30", "2026-03-02T20:00"));
        assertEquals(
                List.of(
                        utc("2026-03-02T08:00", "2026-03-02T09:00"),
                        utc("2026-03-02T11:00", "2026-03-02T12:00"),
                        utc("2026-03-02T13:00", "2026-03-02T14:00"),
                        utc("2026-03-02T17:30", "2026-03-02T18:00")),
                Intervals.intersect(DAY_AND_EVENING, cuts));
    }

    @Test
    void subtractCutsHolesAndEnds() {
        List<Interval> cuts = List.of(
                utc("2026-03-02T07:00", "2026-03-02T09:00"),
                utc("2026-03-02T10:00", "2026-03-02T10:30"),
                utc("2026-03-02T11:00", "2026-03-02T14:00"),
                utc("2026-03-02T17:30", "2026-03-02T20:00"));
        assertEquals(
                List.of(
                        utc("2026-03-02T09:00", "2026-03-02T10:00"),
                        utc("2026-03-02T10:30", "2026-03-02T11:00"),
                        utc("2026-03-02T14:00", "2026-03-02T17:30")),
                Intervals.subtract(DAY_AND_EVENING, cuts));
        // 4 h + 5 h = 9 h; less 1 h + 0.5 h + 1 h + 1 h + 0.5 h cut = 5 h
        assertEquals(Duration.ofHours(5), Intervals.total(Intervals.subtract(DAY_AND_EVENING, cuts)));
    }

    @Test
    void subtractingNothingOrEverything() {
        assertEquals(DAY_AND_EVENING, Intervals.subtract(DAY_AND_EVENING, List.of()));
        assertEquals(
                List.of(), Intervals.subtract(DAY_AND_EVENING, List.of(utc("2026-03-02T00:00", "2026-03-03T00:00"))));
    }
}
