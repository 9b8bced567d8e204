package dev.rounds.report;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneId;
import org.junit.jupiter.api.Test;

class ReportPeriodTest {

    private static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");

    @Test
    void anIsoWeekRunsFromMondayToSundayInTheReportZone() {
        ReportPeriod week = ReportPeriod.week("2026-W48", BERLIN);
        assertEquals(LocalDate.of(2026, 11, 23), week.first());
        assertEquals(LocalDate.of(2026, 11, 29), week.last());
        assertEquals(Instant.parse("2026-11-22T23:00:00Z"), week.interval().from());
        assertEquals(
                "2026-W48",
                ReportPeriod.weekOf(LocalDate.of(2026, 11, 26), BERLIN).label());
        assertEquals(
                "2026-W53",
                ReportPeriod.weekOf(LocalDate.of(2027, 1, 1), BERLIN).label());
        assertEquals("2026-W47", week.previous().label());
    }

    @Test
    void aMonthWithTheSpringDstChangeHas743Hours() {
        ReportPeriod march = ReportPeriod.month("2026-03", BERLIN);
        assertEquals(31, march.days());
        assertEquals(Duration.ofHours(743), march.interval().length());
        assertEquals("2026-02", march.previous().label());
        assertEquals("2026-04", march.next().label());
    }

    @Test
    void aRunningPeriodEndsNow() {
        ReportPeriod month = ReportPeriod.month("2026-11", ZoneId.of("UTC"));
        Instant now = Instant.parse("2026-11-26T10:00:00Z");
        assertFalse(month.hasEnded(now));
        assertEquals(now, month.until(now).to());
        assertTrue(month.hasEnded(Instant.parse("2026-12-01T00:00:00Z")));
    }

    @Test
    void badPeriodsSayWhatIsWrong() {
        assertEquals(
                "a week is written like 2026-W48, got '2026-48'",
                assertThrows(IllegalArgumentException.class, () -> ReportPeriod.week("2026-48", BERLIN))
                        .getMessage());
        assertEquals(
                "2026 has no week 54",
                assertThrows(IllegalArgumentException.class, () -> ReportPeriod.week("2026-W54", BERLIN))
                        .getMessage());
        assertEquals(
                "a month is written like 2026-11, got '2026-13'",
                assertThrows(IllegalArgumentException.class, () -> ReportPeriod.month("2026-13", BERLIN))
                        .getMessage());
        assertEquals(
                "'to' (2026-10-01) is before 'from' (2026-11-01)",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> ReportPeriod.days("2026-11-01", "2026-10-01", BERLIN, "from", "to"))
                        .getMessage());
        assertEquals(
                "'from' must be a day like 2026-11-01, got 'yesterday'",
                assertThrows(
                                IllegalArgumentException.class,
                                () -> ReportPeriod.days("yesterday", "2026-10-01", BERLIN, "from", "to"))
                        .getMessage());
    }
}
