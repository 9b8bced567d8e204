package dev.rounds.ack;

import static dev.rounds.Logins.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rounds.AuditTrail;
import dev.rounds.SharedChecklistsProfile;
import dev.rounds.TestAccounts;
import dev.rounds.TestClock;
import dev.rounds.probe.ProbeKey;
import dev.rounds.probe.ProbeStatus;
import dev.rounds.probe.ResultWriter;
import dev.rounds.schedule.Occurrence;
import dev.rounds.schedule.ProbeStateReader;
import dev.rounds.schedule.ScheduleService;
import dev.rounds.signoff.PeopleChecklists;
import dev.rounds.signoff.PeopleOccurrences;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Acknowledging a failing probe: it is shown beside the probe, answers the notifier's question until it ends or
 * expires, and never touches the result or the occurrence.
 */
@QuarkusTest
@TestProfile(SharedChecklistsProfile.class)
class AcknowledgementTest {

    private static final String CHECKLIST = "people-acks";
    private static final PeopleOccurrences PEOPLE = new PeopleOccurrences(CHECKLIST);
    private static final Pattern TOKEN = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    @BeforeAll
    static void checklists() {
        PeopleChecklists.use(CHECKLIST);
    }

    @Inject
    ScheduleService schedule;

    @Inject
    ResultWriter writer;

    @Inject
    ProbeStateReader probeStates;

    @Inject
    AcknowledgementService acknowledgements;

    @Inject
    TestClock clock;

    private static ProbeKey probeOf(String activity) {
        return new ProbeKey(CHECKLIST, activity, 0, "web");
    }

    private static RequestSpecification operator() {
        return TestAccounts.as("ack-operator", "operator");
    }

    private static Response acknowledge(RequestSpecification as, String probe, String reason, Instant until) {
        return as.contentType("application/json")
                .body(Map.of("probe", probe, "reason", reason, "until", until.toString()))
                .post("/api/acknowledgements");
    }

    private ProbeStatus probeStatus(ProbeKey key) {
        return probeStates.find(List.of(key.toString())).get(key.toString()).status();
    }

    @Test
    void anAcknowledgementIsShownAnsweredAndEndedWithoutTouchingTheRecord() throws Exception {
        Occurrence before = PEOPLE.failing(schedule, writer, "ack-life");
        ProbeKey key = probeOf("ack-life");
        Instant now = clock.instant();
        assertFalse(acknowledgements.isAcknowledged(key, now));

        Response created = acknowledge(
                operator(), key.toString(), "INC-88: web tier rebuilt tonight", now.plus(Duration.ofHours(6)));
        created.then().statusCode(201).body("actor", equalTo("ack-operator")).body("active", equalTo(true));
        long id = created.jsonPath().getLong("id");

        assertTrue(acknowledgements.isAcknowledged(key, now));
        assertTrue(acknowledgements.isAcknowledged(
                key, now.plus(Duration.ofHours(6)).minusNanos(1000)));
        assertFalse(acknowledgements.isAcknowledged(key, now.plus(Duration.ofHours(6))), "until is exclusive");
        assertFalse(acknowledgements.isAcknowledged(probeOf("web-up"), now), "only the probe acknowledged");
        asAdmin()
                .get("/api/acknowledgements?active=true")
                .then()
                .statusCode(200)
                .body("id", hasItem((int) id));
        String shown =
                "acknowledged by ack-operator until <time datetime=\"2026-03-28T14:00:00Z\" title=\"2026-03-28 14:00:00 UTC\">"
                        + "Sat 28 Mar 14:00 UTC</time>: INC-88: web tier rebuilt tonight";
        asAdmin().get("/occurrences/{id}", before.id).then().statusCode(200).body(containsString(shown));
        asAdmin().get("/").then().statusCode(200).body(containsString(shown));

        acknowledge(operator(), key.toString(), "again", now.plus(Duration.ofHours(1)))
                .then()
                .statusCode(409)
                .body("detail", containsString("already acknowledged by ack-operator"));
        TestAccounts.as("ack-viewer", "viewer")
                .contentType("application/json")
                .post("/api/acknowledgements/{id}/end", id)
                .then()
                .statusCode(403);

        Occurrence after = PEOPLE.latest("ack-life");
        assertEquals(before.status, after.status, "an acknowledgement never changes the occurrence");
        assertEquals(before.statusReason, after.statusReason);
        assertEquals(ProbeStatus.DOWN, probeStatus(key), "nor the result");

        operator()
                .contentType("application/json")
                .post("/api/acknowledgements/{id}/end", id)
                .then()
                .statusCode(200)
                .body("active", equalTo(false))
                .body("endedBy", equalTo("ack-operator"));
        assertFalse(acknowledgements.isAcknowledged(key, clock.instant()));
        asAdmin()
                .get("/api/acknowledgements?active=true")
                .then()
                .statusCode(200)
                .body("id", not(hasItem((int) id)));
        asAdmin().get("/api/acknowledgements").then().statusCode(200).body("id", hasItem((int) id));
        asAdmin().get("/occurrences/{id}", before.id).then().statusCode(200).body(not(containsString(shown)));
        operator()
                .contentType("application/json")
                .post("/api/acknowledgements/{id}/end", id)
                .then()
                .statusCode(409)
                .body("detail", containsString("was ended by ack-operator"));

        List<Map<String, Object>> createdEntries =
                AuditTrail.entries("acknowledgement.created", "acknowledgement_id", id);
        List<Map<String, Object>> endedEntries = AuditTrail.entries("acknowledgement.ended", "acknowledgement_id", id);
        assertEquals(1, createdEntries.size(), createdEntries::toString);
        assertEquals(1, endedEntries.size(), endedEntries::toString);
        assertEquals(2, AuditTrail.entriesNaming("acknowledgement_id", id).size());
        assertEquals("ack-operator", createdEntries.get(0).get("actor"));
        assertEquals("ack-operator", endedEntries.get(0).get("actor"));
        assertEquals(key.toString(), createdEntries.get(0).get("subject"));
    }

    @Test
    void anAcknowledgementExpiresByItselfAtUntil() throws Exception {
        Occurrence o = PEOPLE.failing(schedule, writer, "ack-expiry");
        ProbeKey key = probeOf("ack-expiry");
        Instant start = clock.instant();
        // later than every other test's "now", so that putting the clock back leaves nothing acknowledged
        clock.advance(Duration.ofHours(3));
        try {
            long id = acknowledge(
                            operator(),
                            key.toString(),
                            "known: certificate renewal pending",
                            clock.instant().plus(Duration.ofHours(1)))
                    .then()
                    .statusCode(201)
                    .extract()
                    .jsonPath()
                    .getLong("id");
            assertTrue(acknowledgements.isAcknowledged(key, clock.instant()));

            clock.advance(Duration.ofHours(2));
            assertFalse(acknowledgements.isAcknowledged(key, clock.instant()));
            asAdmin()
                    .get("/api/acknowledgements?active=true")
                    .then()
                    .statusCode(200)
                    .body("id", not(hasItem((int) id)));
            asAdmin()
                    .get("/api/acknowledgements/{id}", id)
                    .then()
                    .statusCode(200)
                    .body("active", equalTo(false));
            asAdmin()
                    .get("/occurrences/{id}", o.id)
                    .then()
                    .statusCode(200)
                    .body(not(containsString("known: certificate renewal pending")));
            operator()
                    .contentType("application/json")
                    .post("/api/acknowledgements/{id}/end", id)
                    .then()
                    .statusCode(409)
                    .body("detail", containsString("expired at"));
            assertEquals(1, AuditTrail.entriesNaming("acknowledgement_id", id).size(), "expiry writes no entry");
        } finally {
            clock.set(start);
        }
        assertFalse(acknowledgements.isAcknowledged(key, clock.instant()));
        assertEquals(ProbeStatus.DOWN, probeStatus(key));
    }

    @Test
    void badAcknowledgementsAreRefusedWithTheReason() throws Exception {
        PEOPLE.failing(schedule, writer, "web-up");
        Instant now = clock.instant();
        String probe = probeOf("web-up").toString();
        acknowledge(operator(), probe, "too late", now.minusSeconds(1))
                .then()
                .statusCode(422)
                .body("detail", containsString("'until' must be in the future"));
        acknowledge(operator(), probe, "too long", now.plus(Duration.ofDays(31)))
                .then()
                .statusCode(422)
                .body("detail", containsString("'until' may be at most 30 days ahead"));
        acknowledge(operator(), "people/no-such#0@web", "typo", now.plus(Duration.ofHours(1)))
                .then()
                .statusCode(404)
                .body("detail", containsString("there is no probe 'people/no-such#0@web'"));
        acknowledge(operator(), probeOf("web-ok").toString(), "fine anyway", now.plus(Duration.ofHours(1)))
                .then()
                .statusCode(409)
                .body("detail", containsString("only a failing probe can be acknowledged"));
        acknowledge(operator(), probe, " ", now.plus(Duration.ofHours(1)))
                .then()
                .statusCode(400);
        acknowledge(TestAccounts.as("ack-viewer", "viewer"), probe, "not mine to say", now.plus(Duration.ofHours(1)))
                .then()
                .statusCode(403);
        assertFalse(acknowledgements.isAcknowledged(probeOf("web-up"), now));
    }

    /** Posts one of the page's forms (the first whose action ends so) with the page's CSRF token. */
    private static Response postPageForm(long occurrenceId, String action, Map<String, String> fields) {
        Response page = asAdmin().get("/occurrences/{id}", occurrenceId);
        page.then().statusCode(200).body(containsString("action=\"" + action + "\""));
        Matcher token = TOKEN.matcher(page.asString());
        if (!token.find()) throw new AssertionError("the page carries no CSRF token");
        return asAdmin()
                .cookie("csrf-token", page.getCookie("csrf-token"))
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", token.group(1))
                .formParams(fields)
                .redirects()
                .follow(false)
                .post(action);
    }

    @Test
    void theOccurrencePageAcknowledgesAndEndsWithItsForms() throws Exception {
        Occurrence o = PEOPLE.failing(schedule, writer, "ack-form");
        String probe = probeOf("ack-form").toString();
        String action = "/occurrences/" + o.id + "/acknowledgements";
        asAdmin()
                .contentType("application/x-www-form-urlencoded")
                .formParams(Map.of("probe", probe, "reason", "forged", "until", "2026-03-29T08:00"))
                .post(action)
                .then()
                .statusCode(400);
        assertFalse(acknowledgements.isAcknowledged(probeOf("ack-form"), clock.instant()), "no token, no change");

        postPageForm(
                        o.id,
                        action,
                        Map.of("probe", probe, "reason", "switch replaced in the morning", "until", "2026-03-29T08:00"))
                .then()
                .statusCode(303);

        assertTrue(acknowledgements.isAcknowledged(probeOf("ack-form"), clock.instant()));
        asAdmin()
                .get("/occurrences/{id}", o.id)
                .then()
                .statusCode(200)
                .body(containsString(
                        "acknowledged by admin until <time datetime=\"2026-03-29T08:00:00Z\" title=\"2026-03-29 08:00:00 UTC\">"
                                + "Sun 29 Mar 08:00 UTC</time>: switch replaced in the morning"));
        long id = acknowledgements.activeFor(List.of(probe)).get(probe).id;

        postPageForm(o.id, action + "/" + id + "/end", Map.of()).then().statusCode(303);
        assertFalse(acknowledgements.isAcknowledged(probeOf("ack-form"), clock.instant()));

        postPageForm(o.id, action, Map.of("probe", probe, "reason", "again", "until", "next week"))
                .then()
                .statusCode(422)
                .body(containsString("Give the end as a date and time in UTC"));
    }
}
