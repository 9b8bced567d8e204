package dev.rounds.schedule;

import static dev.rounds.Logins.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rounds.SharedChecklistsProfile;
import dev.rounds.TestClock;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Patch day, "the second Tuesday of every month" as an RFC 5545 rule, driven by the clock through 2027 in
 * Europe/London: every period opens at local midnight of its Tuesday, comes due at 18:00 local time (17:00 UTC in
 * summer), and is missed at due when nobody signed it off, whatever the clocks did in between.
 */
@QuarkusTest
@TestProfile(SharedChecklistsProfile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class RruleScheduleTest {

    private static final String CHECKLIST = "patch-day";

    /**
     * The twelve second Tuesdays of 2027, written out by hand: the period's label, its start (local midnight) and
     * when the patch activity (due 18h) and the report activity (due 20d) fall due, in UTC. London is on BST from
     * 28 March to 31 October 2027.
     */
    private static final List<Month> YEAR = List.of(
            new Month("2027-01-12", "2027-01-12T00:00:00Z", "2027-01-12T18:00:00Z", "2027-02-01T00:00:00Z"),
            new Month("2027-02-09", "2027-02-09T00:00:00Z", "2027-02-09T18:00:00Z", "2027-03-01T00:00:00Z"),
            // 20 days from 9 March is 29 March, the day after the clocks go forward: midnight BST
            new Month("2027-03-09", "2027-03-09T00:00:00Z", "2027-03-09T18:00:00Z", "2027-03-28T23:00:00Z"),
            new Month("2027-04-13", "2027-04-12T23:00:00Z", "2027-04-13T17:00:00Z", "2027-05-02T23:00:00Z"),
            new Month("2027-05-11", "2027-05-10T23:00:00Z", "2027-05-11T17:00:00Z", "2027-05-30T23:00:00Z"),
            new Month("2027-06-08", "2027-06-07T23:00:00Z", "2027-06-08T17:00:00Z", "2027-06-27T23:00:00Z"),
            new Month("2027-07-13", "2027-07-12T23:00:00Z", "2027-07-13T17:00:00Z", "2027-08-01T23:00:00Z"),
            new Month("2027-08-10", "2027-08-09T23:00:00Z", "2027-08-10T17:00:00Z", "2027-08-29T23:00:00Z"),
            new Month("2027-09-14", "2027-09-13T23:00:00Z", "2027-09-14T17:00:00Z", "2027-10-03T23:00:00Z"),
            // 20 days from 12 October is 1 November, the day after the clocks go back: midnight GMT
            new Month("2027-10-12", "2027-10-11T23:00:00Z", "2027-10-12T17:00:00Z", "2027-11-01T00:00:00Z"),
            new Month("2027-11-09", "2027-11-09T00:00:00Z", "2027-11-09T18:00:00Z", "2027-11-29T00:00:00Z"),
            new Month("2027-12-14", "2027-12-14T00:00:00Z", "2027-12-14T18:00:00Z", "2028-01-03T00:00:00Z"));

    /** The second Tuesday of January 2028, where December's period ends. */
    private static final Instant NEXT_YEAR = Instant.parse("2028-01-11T00:00:00Z");

    private record Month(String label, Instant start, Instant due, Instant reportDue) {
        Month(String label, String start, String due, String reportDue) {
            this(label, Instant.parse(start), Instant.parse(due), Instant.parse(reportDue));
        }
    }

    @BeforeAll
    static void checklists() {
        SharedChecklistsProfile.use(Map.of(
                "inventory.yaml", "targets: []\n",
                "patch-day.yaml", """
                        id: patch-day
                        title: Patch day
                        cadence: "rrule: FREQ=MONTHLY;BYDAY=2TU"
                        due: 18h
                        timezone: Europe/London
                        activities:
                          - id: patch
                            title: Install the vendors' security updates
                          - id: report
                            title: Report what was patched
                            due: 20d
                        """,
                "payroll.yaml", """
                        id: payroll-check
                        title: Payroll check
                        cadence: "rrule: FREQ=WEEKLY;INTERVAL=2;BYDAY=FR"
                        starts: 2027-01-01
                        due: 12h
                        timezone: Europe/London
                        activities:
                          - id: run
                            title: Check the payroll run
                        """));
    }

    @Inject
    TestClock clock;

    @Inject
    ScheduleService schedule;

    private Optional<Occurrence> find(String checklist, String activity) {
        return QuarkusTransaction.requiringNew().call(() -> Occurrence.latestOf(checklist, activity));
    }

    private Optional<Occurrence> find(String checklist, String activity, String period) {
        return QuarkusTransaction.requiringNew().call(() -> Occurrence.findFor(checklist, activity, period));
    }

    private Occurrence occurrence(String checklist, String activity, String period) {
        return find(checklist, activity, period)
                .orElseThrow(() -> new AssertionError("no occurrence " + checklist + "/" + activity + "@" + period));
    }

    private Occurrence occurrence(String activity, String period) {
        return occurrence(CHECKLIST, activity, period);
    }

    private void tickAt(Instant instant) {
        clock.set(instant);
        schedule.tick();
    }

    @Test
    @Order(1)
    void nothingOpensBeforeARulesStart() {
        assertFalse(find("payroll-check", "run").isPresent(), "nothing at start-up, 2026-03-28");
        tickAt(Instant.parse("2026-12-31T23:59:59Z"));
        assertFalse(find("payroll-check", "run").isPresent(), "nothing the evening before");
        tickAt(Instant.parse("2027-01-01T00:00:00Z"));
        Occurrence first = occurrence("payroll-check", "run", "2027-01-01");
        assertEquals(Instant.parse("2027-01-15T00:00:00Z"), first.periodEnd);
        assertEquals(Instant.parse("2027-01-01T12:00:00Z"), first.dueAt);
    }

    @Test
    @Order(2)
    void everySecondTuesdayOf2027OpensComesDueAndIsDoneOrMissedOnItsDay() {
        for (int i = 0; i < YEAR.size(); i++) {
            Month month = YEAR.get(i);
            tickAt(month.start().minusSeconds(1));
            assertFalse(
                    find(CHECKLIST, "patch", month.label()).isPresent(), month.label() + " opened before its midnight");

            tickAt(month.start());
            Occurrence patch = occurrence("patch", month.label());
            assertEquals(OccurrenceStatus.OPEN, patch.status, month.label());
            assertEquals("rrule", patch.cadence);
            assertEquals(month.start(), patch.periodStart, month.label());
            assertEquals(month.due(), patch.dueAt, month.label() + " patch due");
            assertEquals(month.reportDue(), occurrence("report", month.label()).dueAt, month.label() + " report due");
            if (i > 0) {
                Month before = YEAR.get(i - 1);
                Occurrence last = occurrence("patch", before.label());
                assertEquals(
                        month.start(), last.periodEnd, before.label() + " ends where " + month.label() + " starts");
                assertTrue(last.frozen, before.label() + " is frozen at its period's end");
                assertEquals(i % 2 == 1 ? OccurrenceStatus.DONE : OccurrenceStatus.MISSED, last.status);
            }

            if (i % 2 == 0) {
                // done in the afternoon, an hour before due
                clock.set(month.due().minus(Duration.ofHours(1)));
                asAdmin()
                        .contentType("application/json")
                        .body(Map.of("note", "updates installed on every host"))
                        .post("/api/occurrences/{id}/signoff", patch.id)
                        .then()
                        .statusCode(201);
                assertEquals(OccurrenceStatus.DONE, occurrence("patch", month.label()).status, month.label());
            } else {
                tickAt(month.due().minusSeconds(1));
                assertEquals(OccurrenceStatus.OPEN, occurrence("patch", month.label()).status, month.label());
                tickAt(month.due());
                assertEquals(
                        OccurrenceStatus.MISSED,
                        occurrence("patch", month.label()).status,
                        month.label() + " is missed at 18:00 local time");
            }
        }
        tickAt(NEXT_YEAR);
        Occurrence december = occurrence("patch", "2027-12-14");
        assertEquals(NEXT_YEAR, december.periodEnd);
        assertTrue(december.frozen);
        assertEquals(OccurrenceStatus.MISSED, december.status);
        assertEquals(Instant.parse("2028-01-11T18:00:00Z"), occurrence("patch", "2028-01-11").dueAt);
    }

    @Test
    @Order(3)
    void theChecklistsPageTheApiAndTheReviewsShowARuleCadence() {
        asAdmin().get("/checklists").then().statusCode(200).body(containsString("rrule: FREQ=MONTHLY;BYDAY=2TU"));
        asAdmin()
                .get("/api/checklists")
                .then()
                .statusCode(200)
                .body("find { it.id == 'patch-day' }.cadence", equalTo("rrule: FREQ=MONTHLY;BYDAY=2TU"))
                .body("find { it.id == 'patch-day' }.due", equalTo("18h"))
                .body("find { it.id == 'patch-day' }.starts", equalTo(null))
                .body("find { it.id == 'payroll-check' }.starts", equalTo("2027-01-01"));
        // rule rows are listed in the review whose days hold their due time: April's patch day (the 13th, due
        // 18:00) and the payroll checks of the fortnights from 9 and 23 April (due on those Fridays)
        Map<String, List<String>> expected = Map.of(
                "/reports/monthly?month=2027-04", List.of("2027-04-09", "2027-04-13", "2027-04-23"),
                "/reports/weekly?week=2027-W15", List.of("2027-04-13"),
                "/reports/weekly?week=2027-W16", List.of("2027-04-23"));
        expected.forEach((review, periods) -> {
            var page = org.jsoup.Jsoup.parse(
                    asAdmin().get(review).then().statusCode(200).extract().asString());
            assertEquals(
                    periods,
                    page.select("#ruled-rows table.rows tbody tr td:eq(1)").eachText(),
                    review);
        });
    }
}
