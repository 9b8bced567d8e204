package dev.rounds.checklist;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.LocalDate;
import java.util.List;
import java.util.Optional;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/** Checklists whose cadence is an RFC 5545 recurrence rule: what loads, and what {@code validate} says otherwise. */
class RruleCadenceTest {

    @TempDir
    Path dir;

    private LoadResult load(String cadence, String more) throws Exception {
        Files.writeString(dir.resolve("inventory.yaml"), "targets: []\n");
        Files.writeString(dir.resolve("patch.yaml"), """
                id: patch
                title: Patch day
                cadence: "%s"
                %s
                activities:
                  - { id: patch, title: Install the vendors' updates }
                """.formatted(cadence, more));
        return new ChecklistLoader().load(dir, new TestProbeCatalog());
    }

    private Checklist loaded(String cadence, String more) throws Exception {
        LoadResult result = load(cadence, more);
        assertEquals(List.of(), result.problems());
        return result.set().checklist("patch").orElseThrow();
    }

    @Test
    void secondTuesdayMonthlyNeedsNoStartAndIsDueByDefaultAfterItsShortestGap() throws Exception {
        Checklist patch = loaded("rrule: FREQ=MONTHLY;BYDAY=2TU", "timezone: Europe/London");
        RecurrenceRule rule = assertInstanceOf(RecurrenceRule.class, patch.cadence());
        assertEquals("FREQ=MONTHLY;BYDAY=2TU", rule.rule());
        assertEquals("rrule: FREQ=MONTHLY;BYDAY=2TU", rule.yamlName());
        assertEquals("rrule", rule.kind());
        assertEquals(Optional.empty(), rule.starts());
        // 9 February to 9 March in a year that is not a leap year
        assertEquals(Duration.ofDays(28), patch.due());
        assertEquals(Optional.of(LocalDate.of(2027, 3, 9)), rule.onOrBefore(LocalDate.of(2027, 4, 12)));
        assertEquals(LocalDate.of(2027, 4, 13), rule.after(LocalDate.of(2027, 3, 9)));
    }

    @Test
    void everyOtherFridayCountsFromItsStart() throws Exception {
        Checklist payroll = loaded("rrule: FREQ=WEEKLY;INTERVAL=2;BYDAY=FR", "starts: 2026-01-02\ndue: 14d");
        RecurrenceRule rule = assertInstanceOf(RecurrenceRule.class, payroll.cadence());
        assertEquals(Optional.of(LocalDate.of(2026, 1, 2)), rule.starts());
        assertEquals(Duration.ofDays(14), rule.shortestPeriod());
        assertEquals(Optional.empty(), rule.onOrBefore(LocalDate.of(2026, 1, 1)));
        assertEquals(Optional.of(LocalDate.of(2026, 1, 2)), rule.onOrBefore(LocalDate.of(2026, 1, 15)));
        assertEquals(Optional.of(LocalDate.of(2026, 12, 18)), rule.onOrBefore(LocalDate.of(2026, 12, 31)));
        assertEquals(LocalDate.of(2027, 1, 1), rule.after(LocalDate.of(2026, 12, 18)));
    }

    @Test
    void aRuleIsReadWhateverItsCase() throws Exception {
        Checklist patch = loaded("rrule: freq=monthly;byday=2tu", "");
        assertEquals("rrule: freq=monthly;byday=2tu", patch.cadence().yamlName());
        assertEquals(Duration.ofDays(28), patch.cadence().shortestPeriod());
    }

    static Stream<Arguments> problems() {
        return Stream.of(
                Arguments.of(
                        "FREQ=FORTNIGHTLY",
                        "",
                        "patch.yaml:3:10: cadence 'rrule: FREQ=FORTNIGHTLY': unknown FREQ 'FORTNIGHTLY'; use DAILY, WEEKLY, MONTHLY or YEARLY"),
                Arguments.of(
                        "BYDAY=2TU",
                        "",
                        "patch.yaml:3:10: cadence 'rrule: BYDAY=2TU': the rule has no FREQ; write e.g. FREQ=MONTHLY;BYDAY=2TU"),
                Arguments.of(
                        "FREQ=MONTHLY;BYMONTHDAY=32",
                        "",
                        "patch.yaml:3:10: cadence 'rrule: FREQ=MONTHLY;BYMONTHDAY=32': 32 is out of range (1 to 28/31)"),
                Arguments.of(
                        "FREQ=MONTHLY;INTERVAL=two;BYDAY=2TU",
                        "",
                        "patch.yaml:3:10: cadence 'rrule: FREQ=MONTHLY;INTERVAL=two;BYDAY=2TU': 'two' is not a whole number"),
                Arguments.of(
                        "FREQ=MONTHLY;BYDAY=2TU;OFFSET=1",
                        "",
                        "patch.yaml:3:10: cadence 'rrule: FREQ=MONTHLY;BYDAY=2TU;OFFSET=1': invalid recurrence rule part: OFFSET=1"),
                Arguments.of(
                        "FREQ=HOURLY",
                        "",
                        "patch.yaml:3:10: cadence 'rrule: FREQ=HOURLY': FREQ=HOURLY is shorter than a day, but a checklist period runs from midnight to midnight; use DAILY, WEEKLY, MONTHLY or YEARLY"),
                Arguments.of(
                        "FREQ=MONTHLY;BYDAY=2TU;BYHOUR=9",
                        "",
                        "patch.yaml:3:10: cadence 'rrule: FREQ=MONTHLY;BYDAY=2TU;BYHOUR=9': BYHOUR picks a time of day, but a checklist period runs from midnight to midnight; remove it and give the time with 'due' instead"),
                Arguments.of(
                        "FREQ=MONTHLY;BYDAY=2TU;COUNT=12",
                        "",
                        "patch.yaml:3:10: cadence 'rrule: FREQ=MONTHLY;BYDAY=2TU;COUNT=12': COUNT would end the rule, but a checklist recurs without end; remove it (pause an activity with 'enabled: false', or remove the checklist, instead)"),
                Arguments.of(
                        "FREQ=MONTHLY;BYDAY=2TU;UNTIL=20271231",
                        "",
                        "patch.yaml:3:10: cadence 'rrule: FREQ=MONTHLY;BYDAY=2TU;UNTIL=20271231': UNTIL would end the rule, but a checklist recurs without end; remove it (pause an activity with 'enabled: false', or remove the checklist, instead)"),
                Arguments.of(
                        "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR",
                        "",
                        "patch.yaml:3:10: cadence 'rrule: FREQ=WEEKLY;INTERVAL=2;BYDAY=FR': it repeats every 2 weeks, counted from a first date, so the checklist needs 'starts' with its first date, e.g. starts: 2026-01-02"),
                Arguments.of(
                        "FREQ=WEEKLY",
                        "",
                        "patch.yaml:3:10: cadence 'rrule: FREQ=WEEKLY': it does not say which day of the week (BYDAY), so the checklist needs 'starts' with its first date, e.g. starts: 2026-01-02"),
                Arguments.of(
                        "FREQ=YEARLY;BYMONTHDAY=15",
                        "",
                        "patch.yaml:3:10: cadence 'rrule: FREQ=YEARLY;BYMONTHDAY=15': it says the day of the month but not the month (BYMONTH), so the checklist needs 'starts' with its first date, e.g. starts: 2026-01-02"),
                Arguments.of(
                        "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR",
                        "starts: 2026-01-03",
                        "patch.yaml:4:9: 'starts' 2026-01-03 (a Saturday) is not a date of the rule FREQ=WEEKLY;INTERVAL=2;BYDAY=FR; the first period begins on it, so give a date the rule falls on"),
                Arguments.of(
                        "FREQ=WEEKLY;INTERVAL=2;BYDAY=FR",
                        "starts: next friday",
                        "patch.yaml:4:9: 'starts' must be a date like 2026-01-02, got 'next friday'"),
                Arguments.of(
                        "FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30",
                        "",
                        "patch.yaml:3:10: cadence 'rrule: FREQ=YEARLY;BYMONTH=2;BYMONTHDAY=30': it has no date in the 3 years from 2024-01-01, so its periods would never end; a checklist rule must recur"),
                Arguments.of(
                        "FREQ=MONTHLY;BYDAY=2TU",
                        "due: 29d",
                        "patch.yaml:4:6: 'due' of the checklist (29d) is past the end of the shortest rrule: FREQ=MONTHLY;BYDAY=2TU period (28d, e.g. 2024-02-13 to 2024-03-12)"));
    }

    @ParameterizedTest(name = "{0} {1}")
    @MethodSource("problems")
    void validateExplainsWhatIsWrongWhereItIsWritten(String rule, String more, String expected) throws Exception {
        LoadResult result = load("rrule: " + rule, more);
        assertNull(result.set());
        assertEquals(
                List.of(expected),
                result.problems().stream().map(Problem::toString).toList());
    }

    @Test
    void startsBelongsToRulesOnly() throws Exception {
        Files.writeString(dir.resolve("inventory.yaml"), "targets: []\n");
        Files.writeString(dir.resolve("daily.yaml"), """
                id: daily
                title: Daily
                cadence: daily
                starts: 2026-01-02
                activities: [{ id: a, title: A }]
                """);
        LoadResult result = new ChecklistLoader().load(dir, new TestProbeCatalog());
        assertEquals(
                List.of("daily.yaml:4:9: 'starts' belongs to an rrule cadence; daily periods follow the calendar,"
                        + " so remove it"),
                result.problems().stream().map(Problem::toString).toList());
    }
}
