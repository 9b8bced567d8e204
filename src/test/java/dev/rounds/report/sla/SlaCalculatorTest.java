package dev.rounds.report.sla;

import static dev.rounds.report.sla.ServiceCalendarTest.BERLIN;
import static dev.rounds.report.sla.ServiceCalendarTest.OFFICE;
import static dev.rounds.report.sla.ServiceCalendarTest.local;
import static dev.rounds.report.sla.ServiceCalendarTest.utc;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.rounds.checklist.MaintenanceWindow;
import dev.rounds.checklist.ServiceHours;
import dev.rounds.core.Incident;
import dev.rounds.core.Interval;
import java.math.BigDecimal;
import java.time.Duration;
import java.time.LocalTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.util.List;
import org.junit.jupiter.api.Test;

class SlaCalculatorTest {

    /** Monday 2 March 2026, all day, UTC. */
    static final Interval MONDAY = utc("2026-03-02T00:00", "2026-03-03T00:00");

    static final double EXACT = 1e-12;
    /** Availability is kept to {@link SlaCalculator#SCALE} decimals, rounded down. */
    static final double ROUNDED = 1e-8;

    private long ids;

    Incident incident(String probe, String from, String to) {
        return new Incident(++ids, "web", probe, true, utc(from), utc(from), to == null ? null : utc(to), "down");
    }

    static SlaInputs inputs(
            Interval period,
            Double objective,
            ServiceHours hours,
            List<MaintenanceWindow> maintenance,
            ZoneId zone,
            List<Incident> incidents,
            List<Interval> unknown) {
        return new SlaInputs(
                "web",
                objective == null ? null : BigDecimal.valueOf(objective),
                BigDecimal.ZERO,
                hours,
                maintenance,
                zone,
                period,
                incidents,
                unknown,
                new LatencyHistogram());
    }

    static SlaFigures allHours(Interval period, List<Incident> incidents, List<Interval> unknown) {
        return SlaCalculator.compute(inputs(period, null, null, List.of(), ZoneOffset.UTC, incidents, unknown));
    }

    @Test
    void unknownTimeIsReportedApartAndNotCountedAsUpOrDown() {
        SlaFigures figures = allHours(
                MONDAY,
                List.of(incident("http", "2026-03-02T05:00", "2026-03-02T07:00")),
                List.of(utc("2026-03-02T00:00", "2026-03-02T06:00")));
        // unknown 00:00-06:00 = 6 h; known = 24 − 6 = 18 h
        assertEquals(Duration.ofHours(6), figures.unknown());
        // outage 05:00-07:00 ∩ known (06:00-24:00) = 06:00-07:00 = 1 h
        assertEquals(Duration.ofHours(1), figures.unplannedDowntime());
        // (18 − 1) / 18
        assertEquals(17.0 / 18, figures.availability().doubleValue(), ROUNDED);
        assertEquals(Duration.ofHours(24), figures.serviceTime());
        // the outage started within the period and ended after 2 h
        assertEquals(1, figures.incidents());
        assertEquals(Duration.ofHours(2), figures.mttr());
    }

    @Test
    void overlappingUnknownSpansCountOnce() {
        SlaFigures figures = allHours(
                MONDAY,
                List.of(),
                List.of(utc("2026-03-02T00:00", "2026-03-02T06:00"), utc("2026-03-02T04:00", "2026-03-02T08:00")));
        // 00:00-06:00 ∪ 04:00-08:00 = 00:00-08:00 = 8 h; known 16 h, all up
        assertEquals(Duration.ofHours(8), figures.unknown());
        assertEquals(1.0, figures.availability().doubleValue(), ROUNDED);
    }

    @Test
    void maintenanceIsPlannedDowntimeAndAnOutageWithinItIsNotUnplanned() {
        var nightly = new MaintenanceWindow(null, LocalTime.of(22, 0), Duration.ofHours(4));
        SlaFigures figures = SlaCalculator.compute(inputs(
                MONDAY,
                0.999,
                null,
                List.of(nightly),
                ZoneOffset.UTC,
                List.of(
                        incident("http", "2026-03-02T23:00", "2026-03-02T23:30"),
                        incident("http", "2026-03-02T12:00", "2026-03-02T12:36")),
                List.of()));
        // Sunday's window 22:00-02:00 gives 00:00-02:00, Monday's 22:00-02:00 gives 22:00-24:00: 4 h planned
        assertEquals(Duration.ofHours(4), figures.plannedDowntime());
        // counted = known = 24 − 4 = 20 h = 1200 min; 23:00-23:30 is planned, only 12:00-12:36 = 36 min is unplanned
        assertEquals(Duration.ofMinutes(36), figures.unplannedDowntime());
        // (1200 − 36) / 1200 = 0.97
        assertEquals(0.97, figures.availability().doubleValue(), ROUNDED);
        // both outages started within the period: (36 + 30) / 2 = 33 min
        assertEquals(2, figures.incidents());
        assertEquals(Duration.ofMinutes(33), figures.mttr());
    }

    @Test
    void onlyOutagesWithinServiceHoursAreUnplannedDowntime() {
        SlaFigures figures = SlaCalculator.compute(inputs(
                utc("2026-03-02T00:00", "2026-03-09T00:00"),
                null,
                OFFICE,
                List.of(),
                ZoneOffset.UTC,
                List.of(
                        incident("http", "2026-03-07T10:00", "2026-03-07T12:00"),
                        incident("http", "2026-03-03T17:00", "2026-03-04T09:00")),
                List.of()));
        // Mon-Fri 08:00-18:00: 5 × 10 h = 50 h
        assertEquals(Duration.ofHours(50), figures.serviceTime());
        // Saturday's outage is outside service hours; Tue 17:00 - Wed 09:00 counts Tue 17-18 + Wed 08-09 = 2 h
        assertEquals(Duration.ofHours(2), figures.unplannedDowntime());
        // (50 − 2) / 50
        assertEquals(0.96, figures.availability().doubleValue(), ROUNDED);
        // both started in the week: (2 h + 16 h) / 2 = 9 h
        assertEquals(2, figures.incidents());
        assertEquals(Duration.ofHours(9), figures.mttr());
    }

    @Test
    void overlappingIncidentsOfTwoProbesCountAsOneOutage() {
        SlaFigures figures = allHours(
                MONDAY,
                List.of(
                        incident("http", "2026-03-02T10:00", "2026-03-02T11:00"),
                        incident("tcp", "2026-03-02T10:30", "2026-03-02T11:30")),
                List.of());
        // 10:00-11:00 ∪ 10:30-11:30 = 10:00-11:30 = 90 min, one outage
        assertEquals(Duration.ofMinutes(90), figures.unplannedDowntime());
        assertEquals(1, figures.incidents());
        assertEquals(Duration.ofMinutes(90), figures.mttr());
        // (1440 − 90) / 1440 = 0.9375
        assertEquals(0.9375, figures.availability().doubleValue(), ROUNDED);
    }

    @Test
    void anOpenIncidentCountsUpToThePeriodsEnd() {
        Interval untilNoon = utc("2026-03-02T00:00", "2026-03-02T12:00");
        SlaFigures figures = allHours(
                untilNoon,
                List.of(
                        incident("http", "2026-03-02T09:00", null),
                        incident("tcp", "2026-03-02T09:30", "2026-03-02T10:00")),
                List.of());
        // 09:00 to the period's end 12:00 = 3 h, the tcp incident inside it
        assertEquals(Duration.ofHours(3), figures.unplannedDowntime());
        // (12 − 3) / 12
        assertEquals(0.75, figures.availability().doubleValue(), ROUNDED);
        // one outage, still open: no time to recover yet
        assertEquals(1, figures.incidents());
        assertNull(figures.mttr());
    }

    @Test
    void anOutageThatStartedBeforeThePeriodIsDowntimeButNotAnIncidentOfIt() {
        SlaFigures figures =
                allHours(MONDAY, List.of(incident("http", "2026-03-01T23:00", "2026-03-02T01:12")), List.of());
        // 00:00-01:12 = 72 min inside; (1440 − 72) / 1440 = 0.95
        assertEquals(Duration.ofMinutes(72), figures.unplannedDowntime());
        assertEquals(0.95, figures.availability().doubleValue(), ROUNDED);
        assertEquals(0, figures.incidents());
        assertNull(figures.mttr());
    }

    @Test
    void incidentsOfProbesThatDoNotRunContinuouslyAreIgnored() {
        var once = new Incident(
                1,
                "web",
                "tls",
                false,
                utc("2026-03-02T10:00"),
                utc("2026-03-02T10:00"),
                utc("2026-03-02T14:00"),
                "certificate expires");
        SlaFigures figures = allHours(MONDAY, List.of(once), List.of());
        assertEquals(Duration.ZERO, figures.unplannedDowntime());
        assertEquals(1.0, figures.availability().doubleValue(), ROUNDED);
        assertEquals(0, figures.incidents());
        assertNull(figures.mttr());
    }

    @Test
    void aPeriodWithoutDataIsAllUnknownAndHasNoFigures() {
        SlaFigures figures = SlaCalculator.compute(
                inputs(MONDAY, 0.99, null, List.of(), ZoneOffset.UTC, List.of(), List.of(MONDAY)));
        assertEquals(Duration.ofHours(24), figures.unknown());
        assertNull(figures.availability());
        assertNull(figures.breached());
        assertNull(figures.p95());
        assertNull(figures.mttr());
        assertEquals(0, figures.incidents());
        assertEquals(Duration.ZERO, figures.unplannedDowntime());
    }

    @Test
    void aBreachIsAvailabilityBelowTheObjective() {
        List<Incident> outage = List.of(incident("http", "2026-03-02T10:00", "2026-03-02T11:30"));
        // availability (1440 − 90) / 1440 = 0.9375
        assertEquals(true, breached(0.999, outage));
        assertEquals(false, breached(0.9, outage));
        assertEquals(false, breached(0.9375, outage)); // equal is not below
        assertNull(breached(null, outage));
    }

    private static Boolean breached(Double objective, List<Incident> incidents) {
        return SlaCalculator.compute(inputs(MONDAY, objective, null, List.of(), ZoneOffset.UTC, incidents, List.of()))
                .breached();
    }

    @Test
    void p95ComesFromTheLatencyHistogram() {
        var latency = new LatencyHistogram();
        for (int i = 0; i < 95; i++) latency.record(Duration.ofMillis(1));
        for (int i = 0; i < 5; i++) latency.record(Duration.ofSeconds(1));
        SlaFigures figures = SlaCalculator.compute(new SlaInputs(
                "web", null, BigDecimal.ZERO, null, List.of(), ZoneOffset.UTC, MONDAY, List.of(), List.of(), latency));
        // rank ceil(0.95 × 100) = 95 is the last 1 ms: bucket floor(log2(1000 µs / 10 µs) × 8) = floor(53.15) = 53,
        // whose geometric middle is 10 µs × 2^(53.5 / 8) = 1030.714 µs
        assertEquals(Duration.ofNanos(1_030_714), figures.p95());

        latency.record(Duration.ofSeconds(1));
        // 101 times: rank ceil(0.95 × 101) = 96 falls among the 1 s ones: bucket floor(log2(100000) × 8) = 132,
        // 10 µs × 2^(132.5 / 8) = 0.967852783 s
        assertEquals(
                Duration.ofNanos(967_852_783),
                SlaCalculator.compute(new SlaInputs(
                                "web",
                                null,
                                BigDecimal.ZERO,
                                null,
                                List.of(),
                                ZoneOffset.UTC,
                                MONDAY,
                                List.of(),
                                List.of(),
                                latency))
                        .p95());
    }

    @Test
    void aMonthWithTheSpringChangeHas743HoursOfServiceInBerlin() {
        Interval march = local(BERLIN, "2026-03-01T00:00", "2026-04-01T00:00");
        SlaFigures figures = SlaCalculator.compute(inputs(
                march,
                0.999,
                null,
                List.of(),
                BERLIN,
                List.of(incident("http", "2026-03-10T10:00", "2026-03-10T10:44:35.8")),
                List.of()));
        // 744 h − the skipped hour on 29 March
        assertEquals(Duration.ofHours(743), figures.serviceTime());
        // 44 min 35.8 s = 2675.8 s; 743 h = 2,674,800 s; (2,674,800 − 2,675.8) / 2,674,800 = 0.99899962...
        assertEquals((2_674_800 - 2_675.8) / 2_674_800, figures.availability().doubleValue(), ROUNDED);
        assertEquals(true, figures.breached());
    }

    @Test
    void theTargetAndPeriodAndObjectiveAreCarriedThrough() {
        SlaFigures figures =
                SlaCalculator.compute(inputs(MONDAY, 0.5, null, List.of(), ZoneOffset.UTC, List.of(), List.of()));
        assertEquals("web", figures.targetId());
        assertEquals(MONDAY, figures.period());
        assertEquals(new BigDecimal("0.5"), figures.objective());
    }

    /** Figures over all hours in UTC, judged with a minimum coverage of 50%. */
    private static SlaFigures judged(
            BigDecimal objective, Interval period, List<Incident> incidents, List<Interval> unknown) {
        return SlaCalculator.compute(new SlaInputs(
                "web",
                objective,
                new BigDecimal("0.5"),
                null,
                List.of(),
                ZoneOffset.UTC,
                period,
                incidents,
                unknown,
                new LatencyHistogram()));
    }

    @Test
    void anAvailabilityOfExactly99Point9IsNotABreachOfAnObjectiveOf99Point9() {
        // 0.1% of Monday's 86,400 s is 86.4 s down: availability is exactly 0.999
        BigDecimal objective = new BigDecimal("99.9").movePointLeft(2);
        SlaFigures figures = judged(
                objective, MONDAY, List.of(incident("http", "2026-03-02T10:00", "2026-03-02T10:01:26.4")), List.of());
        assertEquals(0, new BigDecimal("0.999").compareTo(figures.availability()), figures.availability() + "");
        assertEquals(false, figures.breached(), "equal to the objective is not below it");
        SlaFigures oneMore = judged(
                objective,
                MONDAY,
                List.of(incident("http", "2026-03-02T10:00", "2026-03-02T10:01:26.400000001")),
                List.of());
        assertEquals(true, oneMore.breached(), "a nanosecond more is below");
        assertEquals("0.99899999", oneMore.availability().toPlainString(), "rounded down, never up to the objective");
    }

    @Test
    void belowTheMinimumCoverageThereIsNotEnoughDataAndNoBreach() {
        Interval month = utc("2026-03-01T00:00", "2026-03-31T00:00");
        // 29 of 30 days without a verdict; the one known day was all up
        SlaFigures figures =
                judged(new BigDecimal("0.999"), month, List.of(), List.of(utc("2026-03-01T00:00", "2026-03-30T00:00")));
        assertEquals(0, BigDecimal.ONE.compareTo(figures.availability()));
        assertEquals("0.03333333", figures.coverage().toPlainString());
        assertEquals(false, figures.enoughData());
        assertNull(figures.breached(), "no verdict without enough data");
        assertEquals("not enough data", SlaText.availabilityShown(figures));
        assertEquals("only 3% of the period", SlaText.coverageShown(figures));

        SlaFigures half = judged(
                new BigDecimal("0.999"), MONDAY, List.of(), List.of(utc("2026-03-02T00:00", "2026-03-02T12:00")));
        assertEquals(true, half.enoughData(), "exactly the minimum is enough");
        assertEquals("100.00%", SlaText.availabilityShown(half));
        assertEquals("over 50% of the period", SlaText.coverageShown(half));
    }

    @Test
    void anIncidentOfTenSecondsShowsItsSeconds() {
        Incident tenSeconds = new Incident(
                1,
                "web",
                "daily/web#0@web",
                true,
                utc("2026-12-03T07:24:05"),
                utc("2026-12-03T07:24:05"),
                utc("2026-12-03T07:24:15"),
                "down");
        assertEquals("2026-12-03 07:24:05 UTC → 07:24:15 UTC (10 s)", SlaText.lasted(tenSeconds));
        Incident overnight = new Incident(
                2,
                "web",
                "daily/web#0@web",
                true,
                utc("2026-12-03T23:59:50"),
                utc("2026-12-03T23:59:50"),
                utc("2026-12-04T01:00:00"),
                "down");
        assertEquals("2026-12-03 23:59:50 UTC → 2026-12-04 01:00:00 UTC (1h 00m 10s)", SlaText.lasted(overnight));
    }
}
