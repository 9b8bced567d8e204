package dev.rounds.change;

import static dev.rounds.AuditTrail.actorsOf;
import static dev.rounds.Logins.asAdmin;
import static dev.rounds.TestAccounts.as;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rounds.TestAccounts;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.response.ValidatableResponse;
import io.restassured.specification.RequestSpecification;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The change log over real HTTP on the default pack: each step in its order, by its role, never decided by its
 * requester, one audit entry naming the actor per step; the week's changes; the pages' forms with their CSRF token.
 */
@QuarkusTest
class ChangeLogTest {

    private static final String OPERATOR = "ch-operator";
    private static final String MANAGER = "ch-manager";
    private static final String SECOND_MANAGER = "ch-manager2";
    private static final Pattern TOKEN = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    /** Each test, not once: before the first test REST Assured does not know the application's port yet. */
    @BeforeEach
    void people() {
        TestAccounts.ensure(OPERATOR, "operator");
        TestAccounts.ensure(MANAGER, "manager");
        TestAccounts.ensure(SECOND_MANAGER, "manager");
    }

    private static Map<String, Object> change(String title, String start, String end) {
        Map<String, Object> body = new HashMap<>();
        body.put("title", title);
        body.put("description", "Upgrade PostgreSQL 15 to 16 with pg_upgrade; fall back to the snapshot");
        body.put("target", "localhost");
        body.put("activity", "weekly/change-review");
        body.put("plannedStart", start);
        body.put("plannedEnd", end);
        return body;
    }

    private static RequestSpecification login(String who) {
        return who.equals("admin") ? asAdmin() : as(who);
    }

    private static int request(String who, String title, String start, String end) {
        return login(who)
                .contentType("application/json")
                .body(change(title, start, end))
                .post("/api/changes")
                .then()
                .statusCode(201)
                .body("state", equalTo("requested"))
                .body("requestedBy", equalTo(who))
                .extract()
                .path("id");
    }

    private static ValidatableResponse step(String who, int id, String step, Map<String, ?> body) {
        return login(who)
                .contentType("application/json")
                .body(body)
                .post("/api/changes/{id}/" + step, id)
                .then();
    }

    @Test
    void aChangeIsRequestedClassifiedApprovedImplementedAndReviewedInThatOrderEachByItsRole() {
        given().contentType("application/json")
                .body(change("x", "2030-06-03T20:00:00Z", "2030-06-03T22:00:00Z"))
                .post("/api/changes")
                .then()
                .statusCode(401);
        as(MANAGER)
                .contentType("application/json")
                .body(change("x", "2030-06-03T20:00:00Z", "2030-06-03T22:00:00Z"))
                .post("/api/changes")
                .then()
                .statusCode(403);
        Map<String, Object> unknownTarget = change("x", "2030-06-03T20:00:00Z", "2030-06-03T22:00:00Z");
        unknownTarget.put("target", "db99");
        as(OPERATOR)
                .contentType("application/json")
                .body(unknownTarget)
                .post("/api/changes")
                .then()
                .statusCode(422)
                .body("detail", equalTo("there is no target 'db99' in the inventory"));
        as(OPERATOR)
                .contentType("application/json")
                .body(change("x", "2030-06-03T22:00:00Z", "2030-06-03T20:00:00Z"))
                .post("/api/changes")
                .then()
                .statusCode(422)
                .body("detail", containsString("must be after"));

        int id = request(OPERATOR, "Upgrade the reporting database", "2030-06-03T20:00:00Z", "2030-06-03T22:00:00Z");
        step(MANAGER, id, "approve", Map.of())
                .statusCode(409)
                .body(
                        "detail",
                        equalTo("change " + id + " is requested; it can be approved only when classified "
                                + "(classify it first)"));
        step(MANAGER, id, "classify", Map.of("priority", "high", "category", "normal"))
                .statusCode(403);
        step(OPERATOR, id, "classify", Map.of("priority", "urgent", "category", "normal"))
                .statusCode(422)
                .body("detail", containsString("low, medium, high, emergency"));
        step(OPERATOR, id, "classify", Map.of("priority", "high", "category", "normal"))
                .statusCode(200)
                .body("state", equalTo("classified"))
                .body("priority", equalTo("high"));
        step(OPERATOR, id, "approve", Map.of()).statusCode(403);
        step(MANAGER, id, "approve", Map.of("note", "CAB agreed"))
                .statusCode(200)
                .body("state", equalTo("approved"))
                .body("decidedBy", equalTo(MANAGER));
        step(MANAGER, id, "review", Map.of("outcome", "successful", "note", "x"))
                .statusCode(409);
        step(OPERATOR, id, "implement", Map.of("at", "2099-01-01T00:00:00Z", "note", "done"))
                .statusCode(422);
        step(OPERATOR, id, "implement", Map.of("note", "upgraded; replication lag returned after a restart"))
                .statusCode(200)
                .body("state", equalTo("implemented"))
                .body("implementedBy", equalTo(OPERATOR));
        step(OPERATOR, id, "review", Map.of("outcome", "successful", "note", "x"))
                .statusCode(403);
        step(SECOND_MANAGER, id, "review", Map.of("outcome", "rolled-back", "note", "reports slowed; rolled back"))
                .statusCode(200)
                .body("state", equalTo("reviewed"))
                .body("outcome", equalTo("rolled-back"))
                .body("reviewedBy", equalTo(SECOND_MANAGER));
        step(SECOND_MANAGER, id, "review", Map.of("outcome", "successful", "note", "again"))
                .statusCode(409);

        String subject = "change/" + id;
        assertEquals(List.of(OPERATOR), actorsOf("change.requested", subject));
        assertEquals(List.of(OPERATOR), actorsOf("change.classified", subject));
        assertEquals(List.of(MANAGER), actorsOf("change.approved", subject));
        assertEquals(List.of(OPERATOR), actorsOf("change.implemented", subject));
        assertEquals(List.of(SECOND_MANAGER), actorsOf("change.reviewed", subject));
    }

    @Test
    void nobodyApprovesOrRejectsTheirOwnChangeAndARejectedChangeIsClosed() {
        int id = request("admin", "Replace the core switch", "2030-07-01T20:00:00Z", "2030-07-01T23:00:00Z");
        step("admin", id, "classify", Map.of("priority", "medium", "category", "standard"))
                .statusCode(200);
        step("admin", id, "approve", Map.of())
                .statusCode(403)
                .body(
                        "detail",
                        equalTo("change/" + id + " was requested by admin; another manager must approve or reject it"));
        step("admin", id, "reject", Map.of("note", "no")).statusCode(403);
        step(MANAGER, id, "reject", Map.of()).statusCode(422);
        step(MANAGER, id, "reject", Map.of("note", "needs a rollback plan"))
                .statusCode(200)
                .body("state", equalTo("rejected"));
        step(OPERATOR, id, "implement", Map.of("note", "done anyway"))
                .statusCode(409)
                .body("detail", containsString("(it is closed)"));
        assertEquals(List.of(), actorsOf("change.approved", "change/" + id));
        assertEquals(List.of(MANAGER), actorsOf("change.rejected", "change/" + id));
    }

    @Test
    void theWeeksChangesAreThosePlannedInIt() {
        int inWeek = request(OPERATOR, "Rotate the TLS certificates", "2031-03-09T23:00:00Z", "2031-03-10T01:00:00Z");
        int later =
                request(OPERATOR, "Move the backups to new storage", "2031-03-17T20:00:00Z", "2031-03-17T22:00:00Z");
        as(OPERATOR)
                .get("/api/changes?from=2031-03-10&to=2031-03-16")
                .then()
                .statusCode(200)
                .body("id", hasItem(inWeek))
                .body("id", not(hasItem(later)));
        as(OPERATOR)
                .get("/api/changes?from=2031-03-17&to=2031-03-23")
                .then()
                .statusCode(200)
                .body("id", hasItem(later))
                .body("id", not(hasItem(inWeek)));
        as(OPERATOR).get("/api/changes?from=last-week&to=2031-03-16").then().statusCode(400);
        as(OPERATOR).get("/api/changes").then().statusCode(200).body("id", hasItem(later));
    }

    @Test
    void thePageFormsNeedTheirCsrfTokenAndOfferTheNextStep() {
        int before = as(OPERATOR).get("/api/changes").then().extract().path("size()");
        Map<String, String> fields = Map.of(
                "title",
                "Patch the hypervisors",
                "description",
                "monthly patches",
                "plannedStart",
                "2030-09-01T20:00",
                "plannedEnd",
                "2030-09-01T23:00");
        as(OPERATOR)
                .contentType("application/x-www-form-urlencoded")
                .formParams(fields)
                .post("/changes")
                .then()
                .statusCode(400);
        as(OPERATOR).get("/api/changes").then().body("size()", equalTo(before));

        String location = postForm(OPERATOR, "/changes", "/changes", fields)
                .statusCode(303)
                .extract()
                .header("Location");
        String page = location.substring(location.indexOf("/changes/"));
        as(OPERATOR)
                .get(page)
                .then()
                .statusCode(200)
                .body(containsString("Classify"))
                .body(containsString("<time datetime=\"2030-09-01T20:00:00Z\""));
        postForm(OPERATOR, page, page + "/classify", Map.of("priority", "low", "category", "standard"))
                .statusCode(303);
        as(MANAGER)
                .get(page)
                .then()
                .statusCode(200)
                .body(containsString("priority low, category standard"))
                .body(containsString("Approve"));
        postForm(MANAGER, page, page + "/reject", Map.of("note", ""))
                .statusCode(422)
                .body(containsString("needs a note saying why"));
        as(OPERATOR).get(page).then().body(not(containsString("Approve")));
    }

    /** Opens a page as the person and posts a form with the page's CSRF token. */
    private static ValidatableResponse postForm(
            String who, String pagePath, String action, Map<String, String> fields) {
        Response page = as(who).get(pagePath);
        page.then().statusCode(200);
        Matcher token = TOKEN.matcher(page.asString());
        if (!token.find()) throw new AssertionError("the page carries no CSRF token");
        return as(who).cookie("csrf-token", page.getCookie("csrf-token"))
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", token.group(1))
                .formParams(fields)
                .redirects()
                .follow(false)
                .post(action)
                .then();
    }
}
