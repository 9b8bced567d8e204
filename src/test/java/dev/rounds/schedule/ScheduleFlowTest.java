package dev.rounds.schedule;

import static dev.rounds.Logins.asAdmin;
import static org.hamcrest.Matchers.equalTo;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rounds.SharedChecklistsProfile;
import dev.rounds.TestClock;
import dev.rounds.probe.ProbeScheduler;
import dev.rounds.probe.ResultWriter;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * One story through time, driven by the clock: occurrences open, pass, fail, are signed off, go late and
 * are missed, across a day, an ISO week, a month end, a quarter and London's spring-forward night.
 */
@QuarkusTest
@TestProfile(SharedChecklistsProfile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class ScheduleFlowTest {

    @BeforeAll
    static void checklists() {
        SharedChecklistsProfile.use(ScheduleFlowChecklists.files());
    }

    @Inject
    TestClock clock;

    @Inject
    ScheduleService schedule;

    @Inject
    ResultWriter writer;

    @Inject
    ProbeScheduler probes;

    private Occurrence occurrence(String checklist, String activity, String period) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Occurrence.findFor(checklist, activity, period)
                        .orElseThrow(() ->
                                new AssertionError("no occurrence " + checklist + "/" + activity + "@" + period)));
    }

    private OccurrenceStatus status(String checklist, String activity, String period) {
        return occurrence(checklist, activity, period).status;
    }

    /** Ticks, waits for the once-per-occurrence probes' latest results, writes them and ticks to judge them. */
    private void tickUntil(String activity, String period, OccurrenceStatus wanted) throws Exception {
        schedule.tick();
        probes.lastRunOnce("daily", activity).toCompletableFuture().get(15, TimeUnit.SECONDS);
        writer.flush();
        schedule.tick();
        Occurrence o = occurrence("daily", activity, period);
        assertEquals(wanted, o.status, "daily/" + activity + "@" + period + ": " + o.statusReason);
    }

    private void signOff(long occurrenceId, String note, String reference, int expectedStatus) {
        asAdmin()
                .contentType("application/json")
                .body(reference == null ? Map.of("note", note) : Map.of("note", note, "reference", reference))
                .post("/api/occurrences/{id}/signoff", occurrenceId)
                .then()
                .statusCode(expectedStatus);
    }

    @Test
    @Order(1)
    void startUpOpensTheCurrentPeriodOfEveryCadence() {
        // 2026-03-28 is a Saturday in ISO week 13, in March, in the first quarter.
        Occurrence review = occurrence("daily", "review", "2026-03-28");
        assertEquals(Instant.parse("2026-03-28T10:00:00Z"), review.dueAt, "10:00 GMT");
        assertEquals(OccurrenceStatus.OPEN, review.status);
        // Friday 17:00 had passed before Rounds first knew of the weekly review: nobody could have done it in
        // Rounds, so the first occurrence is due by the end of its week (Monday 00:00 BST) instead.
        Occurrence weekly = occurrence("weekly", "ops-review", "2026-W13");
        assertEquals(Instant.parse("2026-03-29T23:00:00Z"), weekly.dueAt);
        assertEquals(OccurrenceStatus.OPEN, weekly.status);
        assertTrue(weekly.openingNote.contains("2026-03-27 17:00 GMT"), weekly.openingNote);
        assertEquals(Instant.parse("2026-03-31T23:00:00Z"), occurrence("monthly", "capacity", "2026-03").dueAt);
        assertEquals(Instant.parse("2026-03-31T23:00:00Z"), occurrence("quarterly", "dr-test", "2026-Q1").dueAt);
        Occurrence paused = occurrence("daily", "paused", "2026-03-28");
        assertEquals(OccurrenceStatus.WAIVED, paused.status);
        assertTrue(paused.statusReason.contains("library decommissioned"), paused.statusReason);
        assertEquals(64, review.checklistSha256.length());
    }

    @Test
    @Order(2)
    void probesPassAndTheOccurrenceIsPassedAtDue() throws Exception {
        tickUntil("web-up", "2026-03-28", OccurrenceStatus.PASSING);
        clock.set(Instant.parse("2026-03-28T10:00:00Z"));
        schedule.tick();
        Occurrence web = occurrence("daily", "web-up", "2026-03-28");
        assertEquals(OccurrenceStatus.PASSED, web.status);
        assertEquals(Instant.parse("2026-03-28T10:00:00Z"), web.completedAt);
    }

    @Test
    @Order(3)
    void aManualOccurrenceSignedOffAfterDueIsLate() {
        assertEquals(OccurrenceStatus.MISSED, status("daily", "review", "2026-03-28"));
        clock.set(Instant.parse("2026-03-28T11:30:00Z"));
        signOff(occurrence("daily", "review", "2026-03-28").id, "alerts reviewed, nothing open", null, 201);
        Occurrence review = occurrence("daily", "review", "2026-03-28");
        assertEquals(OccurrenceStatus.LATE, review.status);
        assertEquals("admin", review.signedOffBy);
        signOff(review.id, "again", null, 409);
        asAdmin()
                .get("/api/occurrences/{id}", review.id)
                .then()
                .statusCode(200)
                .body("status", equalTo("late"))
                .body("signedOffBy", equalTo("admin"));

        // A wrong sign-off is corrected by a new one that names it; the original stays, and is superseded once.
        int original = asAdmin()
                .get("/api/occurrences/{id}/signoffs", review.id)
                .then()
                .statusCode(200)
                .extract()
                .path("[0].id");
        asAdmin()
                .contentType("application/json")
                .body(Map.of("note", "alerts reviewed; two escalated to INC-7"))
                .post("/api/signoffs/{id}/supersede", original)
                .then()
                .statusCode(201)
                .body("supersedes", equalTo(original))
                .body("actor", equalTo("admin"));
        asAdmin()
                .contentType("application/json")
                .body(Map.of("note", "again"))
                .post("/api/signoffs/{id}/supersede", original)
                .then()
                .statusCode(409);
        asAdmin()
                .get("/api/occurrences/{id}/signoffs", review.id)
                .then()
                .statusCode(200)
                .body(
                        "note",
                        org.hamcrest.Matchers.contains(
                                "alerts reviewed, nothing open", "alerts reviewed; two escalated to INC-7"));
    }

    @Test
    @Order(4)
    void theSpringForwardDayIsDueAtTenLocalTimeAndSignedOffOnTimeIsDone() {
        // The web server breaks overnight; the next test follows what that does to web-up.
        ScheduleFlowChecklists.STATUS.set(500);
        clock.set(Instant.parse("2026-03-29T07:00:00Z"));
        schedule.tick();
        Occurrence review = occurrence("daily", "review", "2026-03-29");
        assertEquals(Instant.parse("2026-03-29T09:00:00Z"), review.dueAt, "10:00 BST");
        assertEquals(Instant.parse("2026-03-29T23:00:00Z"), review.periodEnd, "a 23-hour day");
        assertTrue(occurrence("daily", "review", "2026-03-28").frozen, "yesterday is frozen");
        signOff(review.id, "alerts reviewed", null, 201);
        assertEquals(OccurrenceStatus.DONE, status("daily", "review", "2026-03-29"));
    }

    @Test
    @Order(5)
    void aFailingProbeFailsTheOccurrenceWhichIsMissedAtDueAndLateWhenItRecovers() throws Exception {
        tickUntil("web-up", "2026-03-29", OccurrenceStatus.FAILING);
        assertTrue(
                occurrence("daily", "web-up", "2026-03-29").statusReason.contains("500"),
                occurrence("daily", "web-up", "2026-03-29").statusReason);
        clock.set(Instant.parse("2026-03-29T09:00:00Z"));
        schedule.tick();
        assertEquals(OccurrenceStatus.MISSED, status("daily", "web-up", "2026-03-29"));
        ScheduleFlowChecklists.STATUS.set(200);
        // After due, the once-per-occurrence probes are no longer retried: the occurrence stays missed...
        clock.set(Instant.parse("2026-03-29T12:00:00Z"));
        schedule.tick();
        assertEquals(OccurrenceStatus.MISSED, status("daily", "web-up", "2026-03-29"));
        // ...unless someone runs them now; a pass within the period completes it late.
        schedule.runNow("daily", "web-up", "admin");
        tickUntil("web-up", "2026-03-29", OccurrenceStatus.LATE);
    }

    @Test
    @Order(6)
    void aNewWeekMonthAndQuarterOpenAndTheOldOnesFreeze() {
        // Monday 30 March opens ISO week 14; the week of 23 March had a review that nobody signed.
        clock.set(Instant.parse("2026-03-30T06:00:00Z"));
        schedule.tick();
        assertTrue(occurrence("weekly", "ops-review", "2026-W13").frozen);
        assertEquals(OccurrenceStatus.MISSED, status("weekly", "ops-review", "2026-W13"));
        assertEquals(OccurrenceStatus.OPEN, status("weekly", "ops-review", "2026-W14"));
        // 1 April 00:00 BST is 31 March 23:00 UTC: April and the second quarter begin.
        clock.set(Instant.parse("2026-03-31T22:59:59Z"));
        schedule.tick();
        assertEquals(false, occurrence("monthly", "capacity", "2026-03").frozen);
        clock.set(Instant.parse("2026-03-31T23:00:00Z"));
        schedule.tick();
        assertTrue(occurrence("monthly", "capacity", "2026-03").frozen);
        assertTrue(occurrence("quarterly", "dr-test", "2026-Q1").frozen);
        assertEquals(OccurrenceStatus.MISSED, status("quarterly", "dr-test", "2026-Q1"));
        assertEquals(Instant.parse("2026-03-31T23:00:00Z"), occurrence("monthly", "capacity", "2026-04").periodStart);
        assertEquals(
                Instant.parse("2026-04-30T23:00:00Z"),
                occurrence("quarterly", "dr-test", "2026-Q2").dueAt,
                "30 days into the quarter, midnight BST");
    }

    @Test
    @Order(7)
    void everyDayThatCameDueWhileRoundsWasDownIsRecordedAsMissed() {
        // Rounds was down from 31 March to the morning of 4 April: 1, 2 and 3 April each came due unseen.
        clock.set(Instant.parse("2026-04-04T06:00:00Z"));
        schedule.tick();
        for (String day : List.of("2026-04-01", "2026-04-02", "2026-04-03")) {
            Occurrence missed = occurrence("daily", "review", day);
            assertEquals(OccurrenceStatus.MISSED, missed.status, day);
            assertTrue(missed.frozen, day);
        }
        assertEquals(OccurrenceStatus.OPEN, status("daily", "review", "2026-04-04"));
        asAdmin()
                .get("/api/occurrences?date=2026-04-02&checklist=daily&status=missed")
                .then()
                .statusCode(200)
                .body("size()", equalTo(2))
                .body("activity", org.hamcrest.Matchers.hasItems("review", "web-up"));
    }
}
