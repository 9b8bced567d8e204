package dev.rounds.report.review;

import static dev.rounds.report.review.ReviewChecklists.MONTHLY;
import static dev.rounds.report.review.ReviewChecklists.TARGET;
import static dev.rounds.report.review.ReviewChecklists.WEEKLY;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rounds.SharedChecklistsProfile;
import dev.rounds.TestAccounts;
import dev.rounds.TestClock;
import dev.rounds.change.ChangeRequest;
import dev.rounds.change.ChangeService;
import dev.rounds.change.ChangeSteps;
import dev.rounds.probe.ProbeKey;
import dev.rounds.probe.ProbeResult;
import dev.rounds.probe.ProbeStatus;
import dev.rounds.probe.ResultWriter;
import dev.rounds.report.rollup.RollupJob;
import dev.rounds.schedule.ScheduleService;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;

/**
 * Seeds one hand-computed week: {@value ReviewChecklists#TARGET} (objective 99.5%) probed every hour of ISO week
 * 2026-W13 (23–29 March, UTC), down at 10:00 and 11:00 on the 24th (an incident of 2 h, confirmed by the second down),
 * no results from 00:00 to 05:00 on the 26th (last result 23:00 covers to 01:00: 5 h unknown), every result 5 ms.
 * So: service 168 h, unknown 5 h, known 163 h, unplanned 2 h, availability 161/163 = 98.77%, breached, one incident,
 * MTTR 2 h. A backlog of 10, 12, 14 items on the 23rd–25th; disk use 50%, 51%, 52%, 53% on the 23rd–26th, so full
 * (1 point a day from 53% on the 26th) on 12 May. A change implemented at 09:30 on the 24th precedes the incident.
 * The checklists come in force at {@link TestClock#START} (Saturday of that week), which opens the week's
 * occurrences; the operations review is signed off then, and "now" is the following Tuesday, 31 March. The seed is
 * written once for both review test classes, which run one after the other with the same checklists in force.
 */
abstract class ReviewFixture {

    static final Instant WEEK_START = Instant.parse("2026-03-23T00:00:00Z");
    static final Instant NOW = Instant.parse("2026-03-31T12:00:00Z");
    static final String OPERATOR = "rv-operator";
    static final String MANAGER = "rv-manager";
    private static boolean seeded;

    @Inject
    ResultWriter writer;

    @Inject
    RollupJob rollups;

    @Inject
    TestClock clock;

    @Inject
    ScheduleService schedule;

    @Inject
    ChangeService changes;

    @BeforeAll
    static void checklists() {
        SharedChecklistsProfile.use(ReviewChecklists.FILES);
    }

    @BeforeEach
    void seedOnce() {
        TestAccounts.ensure(OPERATOR, "operator");
        TestAccounts.ensure(MANAGER, "manager");
        if (seeded) {
            clock.set(NOW);
            return;
        }
        clock.set(TestClock.START);
        long review = TestAccounts.as(OPERATOR)
                .get("/api/occurrences?checklist=" + WEEKLY)
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getLong("find { it.activity == 'operations-review' }.id");
        TestAccounts.as(OPERATOR)
                .contentType(ContentType.JSON)
                .body(Map.of("note", "Walked the team through the week; follow-ups in OPS-7"))
                .post("/api/occurrences/{id}/signoff", review)
                .then()
                .statusCode(201);

        for (int hour = 0; hour < 7 * 24; hour++) {
            Instant at = WEEK_START.plus(Duration.ofHours(hour));
            if (!at.isBefore(Instant.parse("2026-03-26T00:00:00Z"))
                    && at.isBefore(Instant.parse("2026-03-26T06:00:00Z"))) {
                continue;
            }
            boolean down = at.equals(Instant.parse("2026-03-24T10:00:00Z"))
                    || at.equals(Instant.parse("2026-03-24T11:00:00Z"));
            submit(
                    new ProbeKey(WEEKLY, "uptime", 0, TARGET),
                    "tcp",
                    at,
                    down ? ProbeStatus.DOWN : ProbeStatus.UP,
                    Map.of("connected", !down));
        }
        for (int day = 0; day < 3; day++) {
            submit(
                    new ProbeKey(WEEKLY, "tickets", 0, TARGET),
                    "backlog",
                    WEEK_START.plus(Duration.ofDays(day)).plusSeconds(3600),
                    ProbeStatus.UP,
                    Map.of("count", 10 + 2 * day, "total", 10 + 2 * day));
        }
        for (int day = 0; day < 4; day++) {
            submit(
                    new ProbeKey(MONTHLY, "capacity", 0, TARGET),
                    "metrics",
                    WEEK_START.plus(Duration.ofDays(day)).plusSeconds(7200),
                    ProbeStatus.UP,
                    Map.of("disk_used", 0.50 + day / 100.0, "memory_used", 0.40));
        }
        writer.flush();
        rollups.catchUp();

        var change = changes.request(
                OPERATOR,
                new ChangeRequest(
                        "Upgrade the web server",
                        "Apply the vendor patch",
                        TARGET,
                        null,
                        Instant.parse("2026-03-24T09:00:00Z"),
                        Instant.parse("2026-03-24T10:00:00Z")));
        changes.classify(change.id, OPERATOR, new ChangeSteps.Classification("medium", "normal"));
        changes.approve(change.id, MANAGER, new ChangeSteps.Decision("go"));
        changes.implement(
                change.id, OPERATOR, new ChangeSteps.Implementation(Instant.parse("2026-03-24T09:30:00Z"), "patched"));

        clock.set(NOW);
        schedule.tick();
        seeded = true;
    }

    private void submit(ProbeKey key, String type, Instant at, ProbeStatus status, Map<String, Object> values) {
        assertTrue(writer.submit(
                new ProbeResult(key, type, at, Duration.ofMillis(5), status, values, List.of(), status.label())));
    }
}
