package dev.rounds.waiver;

import static dev.rounds.AuditTrail.actorsOf;
import static dev.rounds.Logins.asAdmin;
import static dev.rounds.TestAccounts.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rounds.SharedChecklistsProfile;
import dev.rounds.TestAccounts;
import dev.rounds.TestClock;
import dev.rounds.schedule.Occurrence;
import dev.rounds.schedule.OccurrenceStatus;
import dev.rounds.schedule.ScheduleService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * A waiver's life through time, over real HTTP: requested by an operator, approved by another person, waiving what
 * comes due until it expires or is revoked, and nothing after; each step one audit entry naming its actor.
 */
@QuarkusTest
@TestProfile(SharedChecklistsProfile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class WaiverTest {

    private static final String CHECKLIST = WaiverChecklists.CHECKLIST;
    private static final String OPERATOR = "wv-operator";
    private static final String MANAGER = "wv-manager";
    private static final String SECOND_MANAGER = "wv-manager2";
    private static final String VIEWER = "wv-viewer";
    private static final Pattern TOKEN = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    /** The waiver of the review activity, carried from one step of the story to the next. */
    private static int reviewWaiver;

    @BeforeAll
    static void checklists() {
        SharedChecklistsProfile.use(WaiverChecklists.FILES);
    }

    @Inject
    TestClock clock;

    @Inject
    ScheduleService schedule;

    @Inject
    WaiverService waivers;

    /** Each test, not once: before the first test REST Assured does not know the application's port yet. */
    @BeforeEach
    void people() {
        TestAccounts.ensure(OPERATOR, "operator");
        TestAccounts.ensure(MANAGER, "manager");
        TestAccounts.ensure(SECOND_MANAGER, "manager");
        TestAccounts.ensure(VIEWER, "viewer");
    }

    private static Occurrence occurrence(String activity, String day) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Occurrence.findFor(CHECKLIST, activity, day)
                        .orElseThrow(() -> new AssertionError("no occurrence " + activity + "@" + day)));
    }

    private static Map<String, Object> request(String activity, String reason, String expires) {
        return Map.of("checklist", CHECKLIST, "activity", activity, "reason", reason, "expires", expires);
    }

    /** The built-in admin (every role) logs in with its own password. */
    private static RequestSpecification login(String who) {
        return who.equals("admin") ? asAdmin() : as(who);
    }

    private static int requestAs(String who, String activity, String reason, String expires) {
        return login(who)
                .contentType("application/json")
                .body(request(activity, reason, expires))
                .post("/api/waivers")
                .then()
                .statusCode(201)
                .body("state", equalTo("requested"))
                .body("requestedBy", equalTo(who))
                .extract()
                .path("id");
    }

    private static ValidatableResponse decide(String who, int id, String step, String note) {
        return login(who)
                .contentType("application/json")
                .body(note == null ? Map.of() : Map.of("note", note))
                .post("/api/waivers/{id}/" + step, id)
                .then();
    }

    private void tickAt(String instant) {
        clock.set(Instant.parse(instant));
        schedule.tick();
    }

    @Test
    @Order(1)
    void anOperatorRequestsAWaiverAndAManagerApprovesItWhichWaivesTodaysOccurrence() {
        given().contentType("application/json")
                .body(request("review", "x", "2026-03-30T12:00:00Z"))
                .post("/api/waivers")
                .then()
                .statusCode(401);
        as(MANAGER)
                .contentType("application/json")
                .body(request("review", "x", "2026-03-30T12:00:00Z"))
                .post("/api/waivers")
                .then()
                .statusCode(403);
        as(OPERATOR)
                .contentType("application/json")
                .body(request("review", "x", "2026-03-28T07:00:00Z"))
                .post("/api/waivers")
                .then()
                .statusCode(422)
                .body("detail", containsString("not in the future"));
        as(OPERATOR)
                .contentType("application/json")
                .body(request("nope", "x", "2026-03-30T12:00:00Z"))
                .post("/api/waivers")
                .then()
                .statusCode(422)
                .body("detail", equalTo("checklist '" + CHECKLIST + "' has no activity 'nope'"));

        reviewWaiver = requestAs(
                OPERATOR, "review", "alerting moves to the new NOC during the migration", "2026-03-30T12:00:00Z");
        schedule.tick();
        assertEquals(OccurrenceStatus.OPEN, occurrence("review", "2026-03-28").status, "requested is not approved");

        decide(OPERATOR, reviewWaiver, "approve", null).statusCode(403);
        as(VIEWER)
                .get("/api/waivers?state=requested")
                .then()
                .statusCode(200)
                .body("id", hasItem(reviewWaiver))
                .body("expiresIn", hasItem("2 days"));
        as(VIEWER).get("/api/waivers?state=bogus").then().statusCode(400);

        decide(MANAGER, reviewWaiver, "approve", "NOC covers it")
                .statusCode(200)
                .body("state", equalTo("approved"))
                .body("decidedBy", equalTo(MANAGER));
        Occurrence today = occurrence("review", "2026-03-28");
        assertEquals(OccurrenceStatus.WAIVED, today.status);
        assertTrue(
                today.statusReason.contains("alerting moves to the new NOC") && today.statusReason.contains(MANAGER),
                today.statusReason);
        assertEquals((long) reviewWaiver, today.waiverId);
        assertEquals(OccurrenceStatus.OPEN, occurrence("tapes", "2026-03-28").status, "another activity");
        decide(SECOND_MANAGER, reviewWaiver, "approve", null).statusCode(409);

        assertEquals(List.of(OPERATOR), actorsOf("waiver.requested", "waiver/" + reviewWaiver));
        assertEquals(List.of(MANAGER), actorsOf("waiver.approved", "waiver/" + reviewWaiver));
    }

    @Test
    @Order(2)
    void nobodyApprovesTheirOwnWaiverAndARejectionNeedsANote() {
        int own = requestAs("admin", "tapes", "tape robot out for repair", "2026-04-03T00:00:00Z");
        decide("admin", own, "approve", "fine by me")
                .statusCode(403)
                .body("detail", equalTo("waiver/" + own + " was requested by admin; another manager must approve it"));
        asAdmin().get("/api/waivers?state=requested").then().body("id", hasItem(own));
        assertEquals(List.of(), actorsOf("waiver.approved", "waiver/" + own));

        decide(SECOND_MANAGER, own, "reject", null).statusCode(422);
        decide(SECOND_MANAGER, own, "reject", "swap the tapes by hand")
                .statusCode(200)
                .body("state", equalTo("rejected"));
        decide(MANAGER, own, "approve", null).statusCode(409);
        assertEquals(List.of(SECOND_MANAGER), actorsOf("waiver.rejected", "waiver/" + own));
        schedule.tick();
        assertEquals(OccurrenceStatus.OPEN, occurrence("tapes", "2026-03-28").status);
    }

    @Test
    @Order(3)
    void theWaiverExcusesWhatComesDueBeforeItExpiresAndNothingAfter() {
        tickAt("2026-03-29T06:00:00Z");
        assertEquals(OccurrenceStatus.WAIVED, occurrence("review", "2026-03-29").status);
        assertTrue(waivers.expiringWithin(Duration.ofDays(2)).stream().anyMatch(w -> w.id == reviewWaiver));
        assertTrue(
                waivers.expiringWithin(Duration.ofHours(12)).stream().noneMatch(w -> w.id == reviewWaiver),
                "30 hours left");

        // Monday's review is due at 10:00 BST, 09:00 UTC, before the waiver ends at 12:00 UTC.
        tickAt("2026-03-30T06:00:00Z");
        assertEquals(OccurrenceStatus.WAIVED, occurrence("review", "2026-03-30").status);
        waivers.expireDue();
        as(VIEWER).get("/api/waivers?state=approved").then().body("id", hasItem(reviewWaiver));

        // Tuesday's is due after the expiry: it is judged as if there had never been a waiver.
        tickAt("2026-03-31T06:00:00Z");
        assertEquals(OccurrenceStatus.OPEN, occurrence("review", "2026-03-31").status);
        waivers.expireDue();
        waivers.expireDue();
        as(VIEWER)
                .get("/api/waivers?state=expired")
                .then()
                .body("id", hasItem(reviewWaiver))
                .body("find { it.id == " + reviewWaiver + " }.expiresIn", equalTo(null));
        assertEquals(List.of("system"), actorsOf("waiver.expired", "waiver/" + reviewWaiver));
        tickAt("2026-03-31T09:00:00Z");
        assertEquals(OccurrenceStatus.MISSED, occurrence("review", "2026-03-31").status);
        assertEquals(OccurrenceStatus.WAIVED, occurrence("review", "2026-03-30").status, "waived stays waived");

        List<String> waived =
                waivers
                        .waivedBetween(Instant.parse("2026-03-28T00:00:00Z"), Instant.parse("2026-04-01T00:00:00Z"))
                        .stream()
                        .filter(o -> o.checklistId.equals(CHECKLIST))
                        .map(o -> o.activityId + "@" + o.periodLabel)
                        .toList();
        assertEquals(List.of("review@2026-03-28", "review@2026-03-29", "review@2026-03-30"), waived);
    }

    @Test
    @Order(4)
    void aRevokedWaiverStopsExcusingWhileWhatItExcusedOrWhatWasMissedBeforeStays() {
        tickAt("2026-03-31T10:30:00Z");
        assertEquals(OccurrenceStatus.MISSED, occurrence("patching", "2026-03-31").status);
        int id = requestAs(OPERATOR, "patching", "patch window frozen for the audit", "2026-04-10T00:00:00Z");
        decide(MANAGER, id, "approve", null).statusCode(200);
        assertEquals(
                OccurrenceStatus.MISSED,
                occurrence("patching", "2026-03-31").status,
                "missed before the approval: a waiver does not rewrite it");

        tickAt("2026-04-01T06:00:00Z");
        assertEquals(OccurrenceStatus.WAIVED, occurrence("patching", "2026-04-01").status);
        clock.set(Instant.parse("2026-04-01T06:30:00Z"));
        decide(OPERATOR, id, "revoke", "audit moved").statusCode(403);
        decide(SECOND_MANAGER, id, "revoke", null).statusCode(422);
        decide(SECOND_MANAGER, id, "revoke", "audit moved")
                .statusCode(200)
                .body("state", equalTo("revoked"))
                .body("revokedBy", equalTo(SECOND_MANAGER));
        decide(SECOND_MANAGER, id, "revoke", "again").statusCode(409);

        tickAt("2026-04-02T06:00:00Z");
        assertEquals(OccurrenceStatus.OPEN, occurrence("patching", "2026-04-02").status);
        assertEquals(OccurrenceStatus.WAIVED, occurrence("patching", "2026-04-01").status);
        assertEquals(List.of(SECOND_MANAGER), actorsOf("waiver.revoked", "waiver/" + id));
        assertEquals(List.of(), actorsOf("waiver.expired", "waiver/" + id), "revoked, so it never expires");
    }

    @Test
    @Order(5)
    void thePageFormsNeedTheirCsrfTokenAndShowHowLongAWaiverHasLeft() {
        int before =
                as(VIEWER).get("/api/waivers").then().statusCode(200).extract().path("size()");
        as(OPERATOR)
                .contentType("application/x-www-form-urlencoded")
                .formParam("activity", CHECKLIST + "/tapes")
                .formParam("reason", "forged")
                .formParam("expires", "2026-04-30")
                .post("/waivers")
                .then()
                .statusCode(400);
        as(VIEWER).get("/api/waivers").then().body("size()", equalTo(before));

        postForm(
                        OPERATOR,
                        "/waivers",
                        Map.of(
                                "activity",
                                CHECKLIST + "/tapes",
                                "reason",
                                "tape library replaced in May",
                                "expires",
                                "2026-04-30"))
                .statusCode(303);
        int id = as(VIEWER)
                .get("/api/waivers?state=requested")
                .then()
                .body("[0].reason", equalTo("tape library replaced in May"))
                .body("[0].expires", equalTo("2026-04-30T23:00:00Z"))
                .extract()
                .path("[0].id");

        as(OPERATOR).get("/waivers").then().statusCode(200).body(not(containsString("/waivers/" + id + "/approve")));
        postForm(MANAGER, "/waivers/" + id + "/approve", Map.of("note", "")).statusCode(303);
        as(VIEWER)
                .get("/waivers")
                .then()
                .statusCode(200)
                .body(containsString("until 2026-04-30 <span class=\"muted\">(last day covered)</span>"))
                .body(containsString("ends in 28 days"))
                .body(not(containsString("Request a waiver")));
        assertEquals(List.of(MANAGER), actorsOf("waiver.approved", "waiver/" + id));
    }

    /** Opens the waivers page as the person and posts a form with the page's CSRF token. */
    private static ValidatableResponse postForm(String who, String path, Map<String, String> fields) {
        Response page = as(who).get("/waivers");
        page.then().statusCode(200);
        Matcher token = TOKEN.matcher(page.asString());
        if (!token.find()) throw new AssertionError("the page carries no CSRF token");
        return as(who).cookie("csrf-token", page.getCookie("csrf-token"))
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", token.group(1))
                .formParams(fields)
                .redirects()
                .follow(false)
                .post(path)
                .then();
    }
}
