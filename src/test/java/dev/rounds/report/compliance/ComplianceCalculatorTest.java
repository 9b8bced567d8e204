package dev.rounds.report.compliance;

import static dev.rounds.schedule.OccurrenceStatus.DONE;
import static dev.rounds.schedule.OccurrenceStatus.FAILING;
import static dev.rounds.schedule.OccurrenceStatus.LATE;
import static dev.rounds.schedule.OccurrenceStatus.MISSED;
import static dev.rounds.schedule.OccurrenceStatus.OPEN;
import static dev.rounds.schedule.OccurrenceStatus.PASSED;
import static dev.rounds.schedule.OccurrenceStatus.PASSING;
import static dev.rounds.schedule.OccurrenceStatus.RETIRED;
import static dev.rounds.schedule.OccurrenceStatus.WAIVED;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;

import dev.rounds.core.Interval;
import dev.rounds.schedule.OccurrenceStatus;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

class ComplianceCalculatorTest {

    static final ZoneId BERLIN = ZoneId.of("Europe/Berlin");
    /** March 2026 in Berlin: 2026-02-28T23:00Z to 2026-03-31T22:00Z. */
    static final Interval MARCH = new Interval(berlin("2026-03-01T00:00"), berlin("2026-04-01T00:00"));

    static final Instant AFTER_MARCH = berlin("2026-04-05T00:00");

    private long ids;

    static Instant berlin(String localDateTime) {
        return LocalDateTime.parse(localDateTime).atZone(BERLIN).toInstant();
    }

    OccurrenceFact fact(String checklist, String owner, String due, OccurrenceStatus status) {
        Instant dueAt = berlin(due);
        Instant completedAt = status == DONE || status == PASSED || status == LATE ? dueAt : null;
        return new OccurrenceFact(
                ++ids, checklist, "a" + ids, owner, due.substring(0, 10), dueAt, status, completedAt, null);
    }

    static ComplianceFigures overall(List<OccurrenceFact> facts, Instant now) {
        return ComplianceCalculator.figures(facts, MARCH, now).get(0);
    }

    @Test
    void lateSignOffsAreDueButNotOnTime() {
        List<OccurrenceFact> facts = List.of(
                fact("daily", "ops", "2026-03-02T10:00", DONE),
                fact("daily", "ops", "2026-03-03T10:00", PASSED),
                fact("daily", "ops", "2026-03-04T10:00", LATE),
                fact("daily", "ops", "2026-03-05T10:00", MISSED));
        // due 4, on time 2 (done, passed), late 1, missed 1: 2 / (4 − 0) = 0.5
        assertEquals(
                new ComplianceFigures("overall", 4, 2, 1, 1, 0, new BigDecimal("0.5")), overall(facts, AFTER_MARCH));
    }

    @Test
    void waivedOccurrencesAreDueAndWaivedButNotHeldAgainstAnyone() {
        List<OccurrenceFact> facts = List.of(
                fact("daily", "ops", "2026-03-02T10:00", WAIVED),
                fact("daily", "ops", "2026-03-03T10:00", PASSED),
                fact("daily", "ops", "2026-03-04T10:00", DONE),
                fact("daily", "ops", "2026-03-05T10:00", MISSED));
        // due 4, waived 1, on time 2: 2 / (4 − 1) = 2/3
        assertEquals(
                new ComplianceFigures("overall", 4, 2, 0, 1, 1, new BigDecimal("0.66666666")),
                overall(facts, AFTER_MARCH));
    }

    @Test
    void everythingWaivedHasNoCompliance() {
        List<OccurrenceFact> facts = List.of(fact("daily", "ops", "2026-03-02T10:00", WAIVED));
        // 0 / (1 − 1): nothing held
        assertEquals(new ComplianceFigures("overall", 1, 0, 0, 0, 1, null), overall(facts, AFTER_MARCH));
    }

    @Test
    void retiredOccurrencesAreNotCountedAtAll() {
        List<OccurrenceFact> facts = List.of(
                fact("daily", "ops", "2026-03-02T10:00", RETIRED), fact("daily", "ops", "2026-03-03T10:00", PASSED));
        // only the passed one: 1 / 1
        assertEquals(new ComplianceFigures("overall", 1, 1, 0, 0, 0, BigDecimal.ONE), overall(facts, AFTER_MARCH));
    }

    @Test
    void unsettledOccurrencesPastDueAreMissedAndThoseNotYetDueDoNotCount() {
        Instant now = berlin("2026-03-10T12:00");
        List<OccurrenceFact> facts = List.of(
                fact("daily", "ops", "2026-03-09T10:00", OPEN),
                fact("daily", "ops", "2026-03-09T11:00", PASSING),
                fact("daily", "ops", "2026-03-09T12:00", FAILING),
                fact("daily", "ops", "2026-03-10T12:00", PASSED), // due exactly now: counts
                fact("daily", "ops", "2026-03-10T12:01", OPEN),
                fact("daily", "ops", "2026-03-11T10:00", PASSING));
        // due 4 (three past due and unsettled = missed, one passed); the two due after now are left out: 1 / 4
        assertEquals(new ComplianceFigures("overall", 4, 1, 0, 3, 0, new BigDecimal("0.25")), overall(facts, now));
    }

    @Test
    void onlyOccurrencesDueWithinThePeriodCount() {
        List<OccurrenceFact> facts = List.of(
                fact("daily", "ops", "2026-02-28T23:59", MISSED),
                fact("daily", "ops", "2026-03-01T00:00", PASSED), // the period's first instant
                fact("daily", "ops", "2026-03-31T23:59", PASSED),
                fact("daily", "ops", "2026-04-01T00:00", MISSED)); // the period's end is not in it
        assertEquals(new ComplianceFigures("overall", 2, 2, 0, 0, 0, BigDecimal.ONE), overall(facts, AFTER_MARCH));
    }

    @Test
    void figuresComePerChecklistAndPerOwnerSortedAfterTheOverallOnes() {
        List<OccurrenceFact> facts = List.of(
                fact("weekly", "security", "2026-03-02T10:00", MISSED),
                fact("daily", "operations", "2026-03-02T10:00", PASSED),
                fact("daily", "operations", "2026-03-03T10:00", LATE),
                fact("monthly", "operations", "2026-03-02T10:00", WAIVED),
                fact("weekly", "security", "2026-03-09T10:00", DONE));
        assertEquals(
                List.of(
                        // 5 due, on time 2 (passed, done), late 1, missed 1, waived 1: 2 / (5 − 1) = 0.5
                        new ComplianceFigures("overall", 5, 2, 1, 1, 1, new BigDecimal("0.5")),
                        // daily: passed, late: 1 / 2
                        new ComplianceFigures("checklist:daily", 2, 1, 1, 0, 0, new BigDecimal("0.5")),
                        // monthly: waived only: 0 / 0
                        new ComplianceFigures("checklist:monthly", 1, 0, 0, 0, 1, null),
                        // weekly: missed, done: 1 / 2
                        new ComplianceFigures("checklist:weekly", 2, 1, 0, 1, 0, new BigDecimal("0.5")),
                        // operations = daily + monthly: 1 / (3 − 1)
                        new ComplianceFigures("owner:operations", 3, 1, 1, 0, 1, new BigDecimal("0.5")),
                        new ComplianceFigures("owner:security", 2, 1, 0, 1, 0, new BigDecimal("0.5"))),
                ComplianceCalculator.figures(facts, MARCH, AFTER_MARCH));
    }

    @Test
    void aPeriodWithoutOccurrencesHasNoCompliance() {
        assertEquals(
                List.of(new ComplianceFigures("overall", 0, 0, 0, 0, 0, null)),
                ComplianceCalculator.figures(List.of(), MARCH, AFTER_MARCH));
    }

    @Test
    void theCalendarOfMarchInBerlinHas31DaysAndFilesOccurrencesByTheirLocalDueDay() {
        var facts = new ArrayList<OccurrenceFact>();
        facts.add(fact("daily", "ops", "2026-03-01T00:00", PASSED)); // 2026-02-28T23:00Z: 1 March in Berlin
        facts.add(fact("daily", "ops", "2026-03-29T03:30", LATE)); // just after the clocks went forward
        facts.add(fact("daily", "ops", "2026-03-30T00:30", MISSED)); // 2026-03-29T22:30Z: 30 March in Berlin
        facts.add(fact("daily", "ops", "2026-03-30T09:00", DONE));
        facts.add(fact("daily", "ops", "2026-03-31T23:30", PASSED));
        Map<LocalDate, ComplianceFigures> days = ComplianceCalculator.byDay(facts, MARCH, BERLIN, AFTER_MARCH);

        assertEquals(31, days.size());
        assertEquals(LocalDate.of(2026, 3, 1), days.keySet().iterator().next());
        assertEquals(LocalDate.of(2026, 3, 31), new ArrayList<>(days.keySet()).get(30));
        assertEquals(
                new ComplianceFigures("day:2026-03-01", 1, 1, 0, 0, 0, BigDecimal.ONE),
                days.get(LocalDate.of(2026, 3, 1)));
        assertEquals(new ComplianceFigures("day:2026-03-02", 0, 0, 0, 0, 0, null), days.get(LocalDate.of(2026, 3, 2)));
        assertEquals(
                new ComplianceFigures("day:2026-03-29", 1, 0, 1, 0, 0, BigDecimal.ZERO),
                days.get(LocalDate.of(2026, 3, 29)));
        // missed + done: 1 / 2
        assertEquals(
                new ComplianceFigures("day:2026-03-30", 2, 1, 0, 1, 0, new BigDecimal("0.5")),
                days.get(LocalDate.of(2026, 3, 30)));
        assertEquals(
                new ComplianceFigures("day:2026-03-31", 1, 1, 0, 0, 0, BigDecimal.ONE),
                days.get(LocalDate.of(2026, 3, 31)));
    }

    @Test
    void aCalendarWithoutDataHasEveryDayAndNoCompliance() {
        Map<LocalDate, ComplianceFigures> days = ComplianceCalculator.byDay(List.of(), MARCH, BERLIN, AFTER_MARCH);
        assertEquals(31, days.size());
        days.values().forEach(day -> assertNull(day.compliance()));
    }

    @Test
    void aCalendarDoesNotCountDaysAfterNow() {
        List<OccurrenceFact> facts = List.of(fact("daily", "ops", "2026-03-20T10:00", MISSED));
        Map<LocalDate, ComplianceFigures> days =
                ComplianceCalculator.byDay(facts, MARCH, BERLIN, berlin("2026-03-15T00:00"));
        assertEquals(31, days.size());
        assertEquals(0, days.get(LocalDate.of(2026, 3, 20)).due());
    }
}
