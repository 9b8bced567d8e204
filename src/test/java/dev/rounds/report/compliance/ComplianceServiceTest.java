package dev.rounds.report.compliance;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rounds.checklist.SignoffPolicy;
import dev.rounds.core.Interval;
import dev.rounds.schedule.Occurrence;
import dev.rounds.schedule.OccurrenceStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.math.BigDecimal;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Compliance read from the occurrence table: occurrences of the default pack's {@code daily} checklist (owner
 * {@code operations}) under activity ids of their own, and of a checklist no longer loaded, in February 2001, a month
 * no other test writes to.
 */
@QuarkusTest
class ComplianceServiceTest {

    static final Interval FEBRUARY_2001 =
            new Interval(Instant.parse("2001-02-01T00:00:00Z"), Instant.parse("2001-03-01T00:00:00Z"));
    static final Instant NOW = Instant.parse("2001-02-15T00:00:00Z");

    @Inject
    ComplianceService compliance;

    /** The fixture is written once, so that the checklist and owner figures each test sees are the same. */
    private static final String RUN = UUID.randomUUID().toString().substring(0, 8);

    private static final String REMOVED = "cs-" + RUN;
    private static boolean written;

    @BeforeEach
    void occurrences() {
        if (written) return;
        written = true;
        QuarkusTransaction.requiringNew().run(() -> {
            insert("daily", "1", "2001-02-05T10:00:00Z", OccurrenceStatus.PASSED, null);
            insert("daily", "2", "2001-02-06T10:00:00Z", OccurrenceStatus.LATE, "alice");
            insert(REMOVED, "3", "2001-02-06T12:00:00Z", OccurrenceStatus.MISSED, null);
            insert(REMOVED, "4", "2001-02-07T10:00:00Z", OccurrenceStatus.WAIVED, null);
            insert(REMOVED, "5", "2001-02-08T10:00:00Z", OccurrenceStatus.RETIRED, null);
            insert(REMOVED, "6", "2001-03-01T00:00:00Z", OccurrenceStatus.PASSED, null); // the period's end
            insert(REMOVED, "7", "2001-01-31T23:59:59Z", OccurrenceStatus.MISSED, null); // before it
            insert(REMOVED, "8", "2001-02-20T10:00:00Z", OccurrenceStatus.OPEN, null); // due after now
        });
    }

    private void insert(String checklist, String n, String due, OccurrenceStatus status, String signedOffBy) {
        var o = new Occurrence();
        o.checklistId = checklist;
        o.activityId = "compliance-" + RUN + "-" + n;
        Instant dueAt = Instant.parse(due);
        o.periodLabel = due.substring(0, 10);
        o.cadence = "daily";
        o.periodStart = dueAt.minusSeconds(36_000);
        o.periodEnd = o.periodStart.plusSeconds(86_400);
        o.dueAt = dueAt;
        o.title = "compliance fixture " + n;
        o.signoffPolicy = SignoffPolicy.NONE;
        o.hasProbes = true;
        o.checklistSha256 = "0".repeat(64);
        o.status = status;
        o.openedAt = o.periodStart;
        if (status == OccurrenceStatus.PASSED || status == OccurrenceStatus.LATE) {
            o.completedAt = dueAt.plusSeconds(status == OccurrenceStatus.LATE ? 3600 : 0);
        }
        o.signedOffBy = signedOffBy;
        o.frozen = true; // settled history: the schedule leaves it alone
        o.persist();
    }

    private List<OccurrenceFact> mine() {
        return compliance.facts(FEBRUARY_2001).stream()
                .filter(f -> f.activityId().contains(RUN))
                .toList();
    }

    @Test
    void factsAreTheOccurrencesDueInThePeriodWithTheirChecklistsOwner() {
        List<OccurrenceFact> facts = mine();
        // 1, 2, 3, 4 and 8 are due in February; 5 is retired, 6 and 7 fall outside
        assertEquals(
                List.of("1", "2", "3", "4", "8"),
                facts.stream()
                        .map(f -> f.activityId().substring(f.activityId().lastIndexOf('-') + 1))
                        .toList());
        OccurrenceFact late = facts.get(1);
        assertEquals("operations", late.owner());
        assertEquals(OccurrenceStatus.LATE, late.status());
        assertEquals(Instant.parse("2001-02-06T11:00:00Z"), late.completedAt());
        assertEquals("alice", late.signedOffBy());
        assertEquals("2001-02-06", late.periodLabel());
        assertEquals(ComplianceService.REMOVED_CHECKLIST, facts.get(2).owner());
    }

    @Test
    void figuresAreOverallThenPerChecklistThenPerOwner() {
        List<ComplianceFigures> figures = compliance.figures(FEBRUARY_2001, NOW).stream()
                .filter(f -> f.scope().equals("overall")
                        || f.scope().equals("checklist:" + REMOVED)
                        || f.scope().equals("checklist:daily")
                        || f.scope().startsWith("owner:"))
                .toList();
        assertEquals(
                List.of(
                        // due by now: 1 passed, 2 late, 3 missed, 4 waived: 1 / (4 − 1)
                        new ComplianceFigures("overall", 4, 1, 1, 1, 1, new BigDecimal("0.33333333")),
                        // 3 missed, 4 waived: 0 / (2 − 1)
                        new ComplianceFigures("checklist:" + REMOVED, 2, 0, 0, 1, 1, BigDecimal.ZERO),
                        // 1 passed, 2 late: 1 / 2
                        new ComplianceFigures("checklist:daily", 2, 1, 1, 0, 0, new BigDecimal("0.5")),
                        new ComplianceFigures("owner:(removed checklist)", 2, 0, 0, 1, 1, BigDecimal.ZERO),
                        new ComplianceFigures("owner:operations", 2, 1, 1, 0, 0, new BigDecimal("0.5"))),
                figures);
    }

    @Test
    void theCalendarHasEveryDayOfTheMonth() {
        Map<LocalDate, ComplianceFigures> days = compliance.byDay(FEBRUARY_2001, ZoneOffset.UTC, NOW);
        // February 2001 has 28 days
        assertEquals(28, days.size());
        // 2 late, 3 missed: 0 / 2
        assertEquals(
                new ComplianceFigures("day:2001-02-06", 2, 0, 1, 1, 0, BigDecimal.ZERO),
                days.get(LocalDate.of(2001, 2, 6)));
        // 8 is due on the 20th, after now
        assertEquals(0, days.get(LocalDate.of(2001, 2, 20)).due());
    }
}
