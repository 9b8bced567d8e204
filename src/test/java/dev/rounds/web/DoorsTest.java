package dev.rounds.web;

import static dev.rounds.Logins.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rounds.SharedChecklistsProfile;
import dev.rounds.TestAccounts;
import dev.rounds.TestClock;
import dev.rounds.schedule.Occurrence;
import dev.rounds.schedule.ScheduleService;
import dev.rounds.signoff.PeopleChecklists;
import dev.rounds.signoff.PeopleOccurrences;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Each person sees only the doors their roles open and is offered only the actions they may take; static files and
 * a browser's own requests never become the page a login returns to.
 */
@QuarkusTest
@TestProfile(SharedChecklistsProfile.class)
class DoorsTest {

    private static final String CHECKLIST = "doors-rest";
    private static final PeopleOccurrences PEOPLE = new PeopleOccurrences(CHECKLIST);
    private static final String VIEWER = "doors-viewer";
    private static final String OPERATOR = "doors-operator";
    private static final String AUDITOR = "doors-auditor";
    private static final String MANAGER = "doors-manager";
    /** Requests and manages: the person who must not be offered the approval of their own requests. */
    private static final String OPERATING_MANAGER = "doors-operating-manager";

    @Inject
    ScheduleService schedule;

    @BeforeAll
    static void checklists() {
        PeopleChecklists.use(CHECKLIST);
    }

    /** Made on first use; RestAssured knows the application's port only once a test runs. */
    @BeforeEach
    void accounts() {
        TestAccounts.ensure(VIEWER, "viewer");
        TestAccounts.ensure(OPERATOR, "operator");
        TestAccounts.ensure(AUDITOR, "auditor");
        TestAccounts.ensure(MANAGER, "manager");
        TestAccounts.ensure(OPERATING_MANAGER, "operator", "manager");
    }

    private static String page(String account, String path) {
        return TestAccounts.as(account)
                .accept("text/html")
                .get(path)
                .then()
                .statusCode(200)
                .extract()
                .asString();
    }

    @Test
    void theNavShowsOnlyTheDoorsTheRolesOpen() {
        String viewer = page(VIEWER, "/");
        assertFalse(viewer.contains("href=\"/admin/users\""), "a viewer has no Users door");
        assertFalse(viewer.contains("href=\"/audit\""), "a viewer has no Audit door");
        assertFalse(viewer.contains("href=\"/reports/controls\""), "a viewer has no Controls door");
        for (String door : new String[] {
            "/reports/weekly",
            "/reports/monthly",
            "/reports/sla",
            "/advisories",
            "/waivers",
            "/changes",
            "/checklists",
            "/q/swagger-ui/",
            "/account/password"
        }) {
            assertTrue(viewer.contains("href=\"" + door + "\""), "every person has the door " + door);
        }
        assertFalse(viewer.contains("/api/checklists") || viewer.contains("/api/audit/verify"), "no raw JSON doors");

        String auditor = page(AUDITOR, "/");
        assertTrue(auditor.contains("<a href=\"/audit\">Audit</a>"), "an auditor has the Audit door");
        assertTrue(auditor.contains("<a href=\"/reports/controls\">Controls</a>"), "an auditor has the Controls door");
        assertFalse(auditor.contains("href=\"/admin/users\""));

        String admin = asAdmin().accept("text/html").get("/").asString();
        assertTrue(
                admin.contains("<a href=\"/admin/users\">Users</a>") && admin.contains("<a href=\"/audit\">Audit</a>"));
    }

    /** The doors the nav shows are the doors that open: what the nav hides is refused, what it shows is not. */
    @Test
    void theDoorsMatchWhatTheServerAdmits() {
        TestAccounts.as(VIEWER).get("/api/audit").then().statusCode(403);
        TestAccounts.as(AUDITOR).get("/api/audit").then().statusCode(200);
        TestAccounts.as(VIEWER).accept("text/html").get("/admin/users").then().statusCode(403);
        TestAccounts.as(VIEWER).get("/q/swagger-ui/").then().statusCode(200);
    }

    @Test
    void aViewerIsNotOfferedTheSignOffFormAnOperatorIs() {
        Occurrence o = PEOPLE.of(schedule, "form");
        String path = "/occurrences/" + o.id;
        String viewer = page(VIEWER, path);
        assertFalse(viewer.contains("name=\"note\""), "no sign-off form for a viewer");
        assertFalse(viewer.contains("action=\"" + path + "\""), "no sign-off form for a viewer");
        assertTrue(viewer.contains("Awaiting sign-off by an operator"));
        assertTrue(page(OPERATOR, path).contains("name=\"note\""), "an operator signs off");
    }

    @Test
    void nobodyIsOfferedTheApprovalOfTheirOwnWaiver() {
        long id = TestAccounts.as(OPERATING_MANAGER)
                .contentType("application/json")
                .body(Map.of(
                        "checklist",
                        CHECKLIST,
                        "activity",
                        "rights",
                        "reason",
                        "offered to others only",
                        "expires",
                        TestClock.START.plus(Duration.ofDays(20)).toString()))
                .post("/api/waivers")
                .then()
                .statusCode(201)
                .extract()
                .<Number>path("id")
                .longValue();
        String own = page(OPERATING_MANAGER, "/waivers");
        assertFalse(own.contains("/waivers/" + id + "/approve"), "no Approve on one's own waiver");
        assertFalse(own.contains("/waivers/" + id + "/reject"), "no Reject on one's own waiver");
        assertTrue(own.contains("your request: another manager decides it"));
        assertFalse(page(OPERATOR, "/waivers").contains("/waivers/" + id + "/approve"), "operators do not approve");
        assertTrue(page(MANAGER, "/waivers").contains("/waivers/" + id + "/approve"), "another manager may");
    }

    @Test
    void nobodyIsOfferedTheApprovalOfTheirOwnChange() {
        long id = TestAccounts.as(OPERATING_MANAGER)
                .contentType("application/json")
                .body(Map.of(
                        "title",
                        "offered to others only",
                        "description",
                        "a change to decide",
                        "plannedStart",
                        TestClock.START.plus(Duration.ofDays(2)).toString(),
                        "plannedEnd",
                        TestClock.START.plus(Duration.ofDays(3)).toString()))
                .post("/api/changes")
                .then()
                .statusCode(201)
                .extract()
                .<Number>path("id")
                .longValue();
        TestAccounts.as(OPERATOR)
                .contentType("application/json")
                .body(Map.of("priority", "high", "category", "normal"))
                .post("/api/changes/{id}/classify", id)
                .then()
                .statusCode(200);
        String path = "/changes/" + id;
        String own = page(OPERATING_MANAGER, path);
        assertFalse(own.contains(path + "/approve") || own.contains(path + "/reject"), "no decision on one's own");
        assertTrue(own.contains("You requested this change"));
        assertFalse(page(OPERATOR, path).contains(path + "/approve"), "operators do not approve");
        assertTrue(page(MANAGER, path).contains(path + "/approve"), "another manager may");
    }

    @Test
    void theIconAndStaticFilesAreServedWithoutALogin() {
        for (String file : new String[] {"/favicon.ico", "/favicon.svg", "/rounds.css"}) {
            Response answer = given().redirects().follow(false).get(file);
            assertEquals(200, answer.statusCode(), file);
            assertEquals(null, answer.getCookie("quarkus-redirect-location"), file + " is not where a login returns");
        }
        given().redirects().follow(false).get("/static/none.js").then().statusCode(404);
        asAdmin().accept("text/html").get("/").then().body(containsString("<link rel=\"icon\" href=\"/favicon.svg\""));
    }

    /** A page a person opened is where the login returns; what a page loads by itself never is. */
    @Test
    void onlyAPageOpenedIsRememberedAsWhereTheLoginReturns() {
        Response opened = given().redirects()
                .follow(false)
                .header("Sec-Fetch-Mode", "navigate")
                .accept("text/html")
                .get("/occurrences/5");
        assertEquals(302, opened.statusCode());
        assertTrue(String.valueOf(opened.getCookie("quarkus-redirect-location")).endsWith("/occurrences/5"));

        Response loaded = given().redirects()
                .follow(false)
                .header("Sec-Fetch-Mode", "no-cors")
                .accept("image/avif,image/webp,image/*,*/*;q=0.8")
                .get("/apple-touch-icon.png");
        assertEquals(302, loaded.statusCode());
        assertEquals(null, loaded.getCookie("quarkus-redirect-location"));
        Response scripted = given().redirects().follow(false).get("/occurrences/5");
        assertEquals(302, scripted.statusCode());
        assertEquals(null, scripted.getCookie("quarkus-redirect-location"), "a client that is no browser lands on /");
    }
}
