package dev.rounds.security;

import static dev.rounds.Logins.asAdmin;
import static dev.rounds.security.Door.ANYONE;
import static dev.rounds.security.Door.ANY_ROLE;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rounds.TestAccounts;
import dev.rounds.core.Roles;
import dev.rounds.schedule.Occurrence;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Calls every endpoint and page as each role, and unauthenticated, and checks the status exactly: the role matrix
 * of docs/security.md. One row per door; a new endpoint fails {@link #everyEndpointHasARow()} until its
 * row is added to {@link #doors()}.
 */
@QuarkusTest
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RoleMatrixTest {

    private static final long UNKNOWN = 987_654_321L;
    private static final Set<String> OPERATOR = Set.of(Roles.OPERATOR);
    private static final Set<String> ADMIN = Set.of(Roles.ADMIN);
    private static final Set<String> AUDIT_READERS = Set.of(Roles.AUDITOR, Roles.ADMIN);
    private static final Set<String> MANAGER = Set.of(Roles.MANAGER);
    private static final Set<String> EVIDENCE_READERS = Set.of(Roles.AUDITOR, Roles.MANAGER);
    /** Paths that are not JAX-RS endpoints and so are not in the OpenAPI document. */
    private static final Set<String> NOT_IN_OPENAPI = Set.of(
            "/schema/checklist.schema.json", "/q/openapi", "/q/swagger-ui/", "/q/metrics", "/q/health", "/rounds.css");

    private String csrf;
    private long occurrence;

    /** Once, with the application up (a JUnit {@code @BeforeAll} runs before REST Assured knows its port). */
    @BeforeEach
    void accountsForEachRole() {
        if (csrf != null) return;
        for (String role : Roles.NAMES) TestAccounts.ensure("matrix-" + role, role);
        csrf = given().get("/login").then().statusCode(200).extract().cookie("csrf-token");
        occurrence = anOccurrence();
    }

    private static long anOccurrence() {
        return QuarkusTransaction.requiringNew()
                .call(() -> Occurrence.<Occurrence>find("checklistId = 'weekly' order by periodStart desc")
                        .firstResult()
                        .id);
    }

    /** The matrix: add a row here for each new endpoint or page. */
    List<Door> doors() {
        String occurrence = "{occurrence}";
        Map<String, Object> note = Map.of("note", "checked");
        List<Door> d = new ArrayList<>();
        // any logged-in role
        d.add(get("/", "/", ANY_ROLE));
        d.add(get("/occurrences/{id}", "/occurrences/" + occurrence, ANY_ROLE));
        d.add(get("/advisories", "/advisories", ANY_ROLE));
        d.add(get("/api/occurrences", "/api/occurrences", ANY_ROLE));
        d.add(get("/api/occurrences/{id}", "/api/occurrences/" + occurrence, ANY_ROLE));
        d.add(get("/api/occurrences/{id}/signoffs", "/api/occurrences/" + occurrence + "/signoffs", ANY_ROLE));
        d.add(get(
                "/api/activities/{checklist}/{activity}/history",
                "/api/activities/weekly/sla-review/history",
                ANY_ROLE));
        d.add(get("/api/checklists", "/api/checklists", ANY_ROLE));
        d.add(get("/checklists", "/checklists", ANY_ROLE));
        d.add(get("/api/advisories", "/api/advisories", ANY_ROLE));
        d.add(get("/schema/checklist.schema.json", "/schema/checklist.schema.json", ANY_ROLE));
        d.add(get("/q/openapi", "/q/openapi", ANY_ROLE));
        d.add(get("/q/swagger-ui/", "/q/swagger-ui/", ANY_ROLE));
        d.add(get("/q/metrics", "/q/metrics", ANY_ROLE));
        d.add(get("/account/password", "/account/password", ANY_ROLE));
        d.add(form(
                "/account/password",
                "/account/password",
                Map.of("current", "wrong", "password", "x", "confirm", "y"),
                ANY_ROLE,
                422));
        d.add(get("/account/tokens", "/account/tokens", ANY_ROLE));
        d.add(form("/account/tokens", "/account/tokens", Map.of("name", ""), ANY_ROLE, 422));
        d.add(form("/account/tokens/{id}/revoke", "/account/tokens/" + UNKNOWN + "/revoke", Map.of(), ANY_ROLE, 404));
        d.add(get("/account/calendar", "/account/calendar", ANY_ROLE));
        // before the row that makes one: a matrix account has no calendar token to revoke yet
        d.add(form("/account/calendar/revoke", "/account/calendar/revoke", Map.of(), ANY_ROLE, 404));
        // the form has no field to get wrong: each matrix account gets a calendar token, which opens nothing else
        d.add(form("/account/calendar", "/account/calendar", Map.of(), ANY_ROLE, 200));
        d.add(form("/logout", "/logout", Map.of(), ANY_ROLE, 303));
        d.add(json(
                "POST",
                "/api/account/password",
                "/api/account/password",
                Map.of("current", "wrong", "password", "long-enough-password"),
                ANY_ROLE,
                422));
        d.add(get("/api/account/tokens", "/api/account/tokens", ANY_ROLE));
        d.add(json("POST", "/api/account/tokens", "/api/account/tokens", Map.of("name", ""), ANY_ROLE, 422));
        d.add(json("DELETE", "/api/account/tokens/{id}", "/api/account/tokens/" + UNKNOWN, null, ANY_ROLE, 404));
        // operator
        d.add(multipart("/occurrences/{id}", "/occurrences/" + occurrence, Map.of("note", " "), OPERATOR, 422));
        d.add(json(
                "POST",
                "/api/occurrences/{id}/signoff",
                "/api/occurrences/" + UNKNOWN + "/signoff",
                note,
                OPERATOR,
                404));
        d.add(json(
                "POST",
                "/api/signoffs/{id}/supersede",
                "/api/signoffs/" + UNKNOWN + "/supersede",
                note,
                OPERATOR,
                404));
        d.add(json(
                "POST",
                "/api/activities/{checklist}/{activity}/run",
                "/api/activities/daily/services-up/run",
                null,
                OPERATOR,
                202));
        d.add(json(
                "POST",
                "/api/advisories/{id}/triage",
                "/api/advisories/" + UNKNOWN + "/triage",
                Map.of("state", "patched", "note", "n"),
                OPERATOR,
                404));
        d.add(form(
                "/advisories/{id}/triage",
                "/advisories/" + UNKNOWN + "/triage",
                Map.of("state", "patched"),
                OPERATOR,
                404));
        d.add(json("GET", "/api/acknowledgements", "/api/acknowledgements", null, ANY_ROLE, 200));
        d.add(json("GET", "/api/acknowledgements/{id}", "/api/acknowledgements/" + UNKNOWN, null, ANY_ROLE, 404));
        d.add(json(
                "POST",
                "/api/acknowledgements",
                "/api/acknowledgements",
                Map.of("probe", "no/such#0@probe", "reason", "r", "until", "2099-01-01T00:00:00Z"),
                OPERATOR,
                404));
        d.add(json(
                "POST",
                "/api/acknowledgements/{id}/end",
                "/api/acknowledgements/" + UNKNOWN + "/end",
                null,
                OPERATOR,
                404));
        d.add(form(
                "/occurrences/{id}/acknowledgements",
                "/occurrences/" + occurrence + "/acknowledgements",
                Map.of("probe", "no/such#0@probe", "reason", "r", "until", "2099-01-01T00:00"),
                OPERATOR,
                404));
        d.add(form(
                "/occurrences/{id}/acknowledgements/{ack}/end",
                "/occurrences/" + occurrence + "/acknowledgements/" + UNKNOWN + "/end",
                Map.of(),
                OPERATOR,
                404));
        // waivers: operators request, managers decide
        d.add(get("/api/waivers", "/api/waivers", ANY_ROLE));
        d.add(get("/waivers", "/waivers", ANY_ROLE));
        d.add(json(
                "POST",
                "/api/waivers",
                "/api/waivers",
                Map.of("checklist", "no-such", "activity", "none", "reason", "r", "expires", "2099-01-01T00:00:00Z"),
                OPERATOR,
                422));
        d.add(form(
                "/waivers",
                "/waivers",
                Map.of("activity", "no-such/none", "reason", "r", "expires", "2099-01-01"),
                OPERATOR,
                422));
        for (String step : List.of("approve", "reject", "revoke")) {
            d.add(json(
                    "POST",
                    "/api/waivers/{id}/" + step,
                    "/api/waivers/" + UNKNOWN + "/" + step,
                    Map.of("note", "n"),
                    MANAGER,
                    404));
            d.add(form("/waivers/{id}/" + step, "/waivers/" + UNKNOWN + "/" + step, Map.of("note", "n"), MANAGER, 404));
        }
        // change log: operators request, classify and implement; managers decide and review
        d.add(get("/api/changes", "/api/changes", ANY_ROLE));
        d.add(json("GET", "/api/changes/{id}", "/api/changes/" + UNKNOWN, null, ANY_ROLE, 404));
        d.add(get("/changes", "/changes", ANY_ROLE));
        d.add(json("GET", "/changes/{id}", "/changes/" + UNKNOWN, null, ANY_ROLE, 404));
        d.add(json("POST", "/api/changes", "/api/changes", Map.of("title", ""), OPERATOR, 400));
        d.add(form("/changes", "/changes", Map.of("title", ""), OPERATOR, 422));
        for (String step : List.of("classify", "implement", "approve", "reject", "review")) {
            Set<String> who = Set.of("classify", "implement").contains(step) ? OPERATOR : MANAGER;
            d.add(json(
                    "POST",
                    "/api/changes/{id}/" + step,
                    "/api/changes/" + UNKNOWN + "/" + step,
                    Map.of("note", "n"),
                    who,
                    404));
            d.add(form("/changes/{id}/" + step, "/changes/" + UNKNOWN + "/" + step, Map.of("note", "n"), who, 404));
        }
        // reports: every role reads them
        d.add(get("/reports/weekly", "/reports/weekly", ANY_ROLE));
        d.add(get("/reports/weekly.pdf", "/reports/weekly.pdf", ANY_ROLE));
        d.add(get("/reports/monthly", "/reports/monthly", ANY_ROLE));
        d.add(get("/reports/monthly.pdf", "/reports/monthly.pdf", ANY_ROLE));
        d.add(get("/reports/sla", "/reports/sla", ANY_ROLE));
        d.add(json("GET", "/reports/sla/{target}", "/reports/sla/no-such-target", null, ANY_ROLE, 404));
        for (String export : List.of("compliance", "compliance.csv", "sla", "sla.csv")) {
            d.add(get("/api/reports/" + export, "/api/reports/" + export + "?from=2026-11-01&to=2026-11-02", ANY_ROLE));
        }
        // evidence files and the OSCAL document that links them: auditors and managers
        d.add(json("GET", "/api/evidence/{id}", "/api/evidence/" + UNKNOWN, null, EVIDENCE_READERS, 404));
        // the per-control evidence report cites those files: auditors and managers too
        for (String form : List.of("controls", "controls.pdf", "controls.csv")) {
            d.add(get("/reports/" + form, "/reports/" + form + "?from=2026-11-01&to=2026-11-02", EVIDENCE_READERS));
        }
        d.add(get("/api/reports/oscal", "/api/reports/oscal?from=2026-11-01&to=2026-11-02", EVIDENCE_READERS));
        // auditor (and admin)
        d.add(get("/api/audit", "/api/audit", AUDIT_READERS));
        d.add(get("/audit", "/audit", AUDIT_READERS));
        d.add(get("/audit/verify", "/audit/verify", AUDIT_READERS));
        d.add(json(
                "GET",
                "/audit/occurrence",
                "/audit/occurrence?subject=nowhere/none@2026-01-01",
                null,
                AUDIT_READERS,
                404));
        d.add(get("/api/audit/verify", "/api/audit/verify", AUDIT_READERS));
        d.add(get("/api/audit/bundle", "/api/audit/bundle?from=2026-11-01&to=2026-11-02", AUDIT_READERS));
        d.add(json("GET", "/api/audit/key", "/api/audit/key", null, AUDIT_READERS, 404));
        // admin
        d.add(json("POST", "/api/checklists/reload", "/api/checklists/reload", null, ADMIN, 200));
        d.add(json("POST", "/api/backups", "/api/backups", null, ADMIN, 201));
        d.add(get("/api/heartbeats", "/api/heartbeats", ADMIN));
        d.add(json(
                "POST", "/api/heartbeats/{name}/rotate", "/api/heartbeats/no-such-heartbeat/rotate", null, ADMIN, 404));
        d.add(get("/api/users", "/api/users", ADMIN));
        d.add(json(
                "POST",
                "/api/users",
                "/api/users",
                Map.of("username", "Not A Name", "password", "p", "roles", List.of()),
                ADMIN,
                422));
        d.add(json(
                "PUT",
                "/api/users/{name}/roles",
                "/api/users/nobody-here/roles",
                Map.of("roles", List.of("viewer")),
                ADMIN,
                404));
        d.add(json("POST", "/api/users/{name}/disable", "/api/users/nobody-here/disable", null, ADMIN, 404));
        d.add(json("POST", "/api/users/{name}/enable", "/api/users/nobody-here/enable", null, ADMIN, 404));
        d.add(json(
                "POST",
                "/api/users/{name}/password",
                "/api/users/nobody-here/password",
                Map.of("password", "long-enough-password"),
                ADMIN,
                404));
        d.add(get("/admin/users", "/admin/users", ADMIN));
        d.add(form("/admin/users", "/admin/users", Map.of("username", "Not A Name", "password", "p"), ADMIN, 422));
        d.add(form(
                "/admin/users/{name}/roles", "/admin/users/nobody-here/roles", Map.of("roles", "viewer"), ADMIN, 404));
        d.add(form("/admin/users/{name}/disable", "/admin/users/nobody-here/disable", Map.of(), ADMIN, 404));
        d.add(form("/admin/users/{name}/enable", "/admin/users/nobody-here/enable", Map.of(), ADMIN, 404));
        d.add(form(
                "/admin/users/{name}/password",
                "/admin/users/nobody-here/password",
                Map.of("password", "long-enough-password"),
                ADMIN,
                404));
        // open
        d.add(get("/login", "/login", ANYONE));
        d.add(get("/q/health", "/q/health", ANYONE));
        d.add(get("/rounds.css", "/rounds.css", ANYONE));
        d.add(json("POST", "/api/ping/{token}", "/api/ping/no-such-token", null, ANYONE, 404));
        d.add(json("POST", "/api/ping/{token}/start", "/api/ping/no-such-token/start", null, ANYONE, 404));
        d.add(json("POST", "/api/ping/{token}/fail", "/api/ping/no-such-token/fail", null, ANYONE, 404));
        // the calendar token in the address is checked first: a wrong one finds nothing, whatever the address names
        d.add(json(
                "GET",
                "/calendar/checklists/{id}.ics",
                "/calendar/checklists/weekly.ics?token=no-such-token",
                null,
                ANYONE,
                404));
        d.add(json(
                "GET",
                "/calendar/owners/{owner}.ics",
                "/calendar/owners/operations.ics?token=no-such-token",
                null,
                ANYONE,
                404));
        return d;
    }

    Stream<Door> rows() {
        return doors().stream();
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("rows")
    void eachRoleGetsExactlyTheDoorsItsRowAdmits(Door door) {
        List<String> wrong = new ArrayList<>();
        for (String role : Roles.NAMES) {
            boolean admitted = door.admits().contains(role) || door.admits() == ANYONE;
            int expected = admitted ? door.admitted() : 403;
            int status = send(door, TestAccounts.as("matrix-" + role)).statusCode();
            if (status != expected) wrong.add(role + " got " + status + ", expected " + expected);
        }
        Response anonymous = send(door, given());
        if (door.admits() == ANYONE) {
            if (anonymous.statusCode() != door.admitted()) wrong.add("anonymous got " + anonymous.statusCode());
        } else if (door.page()) {
            String location = anonymous.header("Location");
            if (anonymous.statusCode() != 302 || location == null || !location.endsWith("/login")) {
                wrong.add("anonymous got " + anonymous.statusCode() + " to " + location + ", expected 302 to /login");
            }
        } else if (anonymous.statusCode() != 401) {
            wrong.add("anonymous got " + anonymous.statusCode() + ", expected 401");
        }
        assertTrue(wrong.isEmpty(), door + ": " + wrong);
    }

    @Test
    void everyEndpointHasARow() {
        Map<String, Map<String, Object>> paths = asAdmin()
                .queryParam("format", "json")
                .get("/q/openapi")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath()
                .getMap("paths");
        Set<String> documented = new TreeSet<>();
        paths.forEach((path, operations) -> operations.keySet().stream()
                .filter(m -> Set.of("get", "post", "put", "delete", "patch").contains(m))
                .forEach(m -> documented.add(m.toUpperCase() + " " + path)));
        Set<String> rows = new TreeSet<>();
        for (Door door : doors()) {
            if (!NOT_IN_OPENAPI.contains(door.template())) rows.add(door.method() + " " + door.template());
        }
        Set<String> missing = new TreeSet<>(documented);
        missing.removeAll(rows);
        Set<String> stale = new TreeSet<>(rows);
        stale.removeAll(documented);
        assertEquals(Set.of(), missing, "endpoints without a row in RoleMatrixTest.doors()");
        assertEquals(Set.of(), stale, "rows for endpoints that do not exist");
    }

    private Response send(Door door, RequestSpecification request) {
        request = request.redirects().follow(false);
        if (door.form() != null && door.multipart()) {
            request = request.cookie("csrf-token", csrf).multiPart("csrf-token", csrf);
            for (var field : door.form().entrySet()) request = request.multiPart(field.getKey(), field.getValue());
        } else if (door.form() != null) {
            request = request.contentType("application/x-www-form-urlencoded")
                    .cookie("csrf-token", csrf)
                    .formParam("csrf-token", csrf)
                    .formParams(door.form());
        } else if (!door.method().equals("GET")) {
            request = request.contentType("application/json");
            if (door.body() != null) request = request.body(door.body());
        }
        return request.request(door.method(), door.path().replace("{occurrence}", Long.toString(occurrence)));
    }

    private static Door get(String template, String path, Set<String> admits) {
        return new Door("GET", template, path, null, null, false, admits, 200);
    }

    private static Door json(
            String method, String template, String path, Map<String, Object> body, Set<String> admits, int admitted) {
        return new Door(method, template, path, body, null, false, admits, admitted);
    }

    private static Door form(String template, String path, Map<String, String> form, Set<String> admits, int admitted) {
        return new Door("POST", template, path, null, form, false, admits, admitted);
    }

    /** A page form that uploads files, sent as {@code multipart/form-data} with its CSRF token. */
    private static Door multipart(
            String template, String path, Map<String, String> form, Set<String> admits, int admitted) {
        return new Door("POST", template, path, null, form, true, admits, admitted);
    }
}
