package dev.rounds.heartbeat;

import static dev.rounds.Logins.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.hamcrest.Matchers.startsWith;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rounds.TestClock;
import dev.rounds.checklist.ProbeSpec;
import dev.rounds.probe.Fixtures;
import dev.rounds.probe.Observation;
import dev.rounds.probe.ProbeContext;
import dev.rounds.probe.ProbeStatus;
import dev.rounds.probe.SetupNeed;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.vertx.core.Vertx;
import jakarta.inject.Inject;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpRequest.BodyPublishers;
import java.net.http.HttpResponse;
import java.net.http.HttpResponse.BodyHandlers;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Jobs ping over real HTTP; the heartbeat probe judges what they said against the test clock. */
@QuarkusTest
@TestProfile(HeartbeatTestProfile.class)
class HeartbeatTest {

    @Inject
    HeartbeatService heartbeats;

    @Inject
    TestClock clock;

    @Inject
    Vertx vertx;

    @Inject
    DataSource dataSource;

    /** A fresh heartbeat per test, so tests do not see each other's pings; returns its ping path. */
    private String pingPath(String name) {
        heartbeats.ensure(Set.of(name));
        return asAdmin()
                .get("/api/heartbeats")
                .then()
                .statusCode(200)
                .extract()
                .path("find { it.name == '" + name + "' }.pingPath");
    }

    private Observation probe(String name, Duration period, Duration grace) throws Exception {
        var target = Fixtures.target("rounds-self", "localhost:8080");
        ProbeSpec spec = Fixtures.spec(
                "heartbeat",
                target,
                grace == null
                        ? Map.of("name", name, "period", period)
                        : Map.of("name", name, "period", period, "grace", grace),
                Duration.ofSeconds(5));
        var context = new ProbeContext(vertx, clock, 1024, List.of(heartbeats));
        return new HeartbeatProbe()
                .observe(spec, target, context)
                .toCompletableFuture()
                .get(10, TimeUnit.SECONDS);
    }

    private List<List<String>> auditRows(String subject) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT actor, action, detail FROM audit_log WHERE subject = ? ORDER BY seq")) {
            query.setString(1, subject);
            List<List<String>> rows = new ArrayList<>();
            try (ResultSet row = query.executeQuery()) {
                while (row.next()) rows.add(List.of(row.getString(1), row.getString(2), row.getString(3)));
            }
            return rows;
        }
    }

    @Test
    void aJobThatPingedWithinItsPeriodIsUp() throws Exception {
        String path = pingPath("on-time");
        given().contentType("text/plain")
                .post(path)
                .then()
                .statusCode(200)
                .body("heartbeat", equalTo("on-time"))
                .body("status", equalTo("up"));
        clock.advance(Duration.ofHours(23));

        Observation seen = probe("on-time", Duration.ofDays(1), Duration.ofHours(2));

        assertNull(seen.verdict(), "the conditions decide: " + seen.message());
        assertEquals(Duration.ofHours(23), seen.values().get("age"));
        assertEquals("up", seen.values().get("last_status"));
        List<List<String>> rows = auditRows("on-time");
        assertEquals(List.of("heartbeat:on-time", "heartbeat.ping", "{\"status\":\"up\"}"), rows.get(rows.size() - 1));
    }

    @Test
    void aJobLaterThanPeriodPlusGraceIsDown() throws Exception {
        given().contentType("text/plain").post(pingPath("late")).then().statusCode(200);
        clock.advance(Duration.ofHours(26).plusSeconds(1));

        Observation seen = probe("late", Duration.ofDays(1), Duration.ofHours(2));

        assertEquals(ProbeStatus.DOWN, seen.verdict());
        assertEquals(Duration.ofHours(26).plusSeconds(1), seen.values().get("age"));
        assertTrue(seen.message().contains("more than period plus grace (1d2h)"), seen.message());
    }

    @Test
    void theDefaultGraceIsATenthOfThePeriod() throws Exception {
        given().contentType("text/plain").post(pingPath("default-grace")).then().statusCode(200);
        clock.advance(Duration.ofMinutes(1100));
        assertNull(probe("default-grace", Duration.ofMinutes(1000), null).verdict(), "within period + 100m");
        clock.advance(Duration.ofMinutes(1));
        assertEquals(
                ProbeStatus.DOWN,
                probe("default-grace", Duration.ofMinutes(1000), null).verdict());
    }

    @Test
    void aFailurePingIsDownAndKeepsItsCappedMessage() throws Exception {
        String path = pingPath("failing");
        given().contentType("text/plain").post(path).then().statusCode(200);
        given().contentType("text/plain")
                .body("disk full\n" + "x".repeat(5000))
                .post(path + "/fail")
                .then()
                .statusCode(200)
                .body("status", equalTo("failed"));

        Observation seen = probe("failing", Duration.ofDays(1), null);

        assertEquals(ProbeStatus.DOWN, seen.verdict());
        assertEquals("failed", seen.values().get("last_status"));
        assertTrue(seen.message().startsWith("the job reported a failure 0s ago: disk full"), seen.message());
        String kept = heartbeats.state("failing").orElseThrow().lastMessage();
        assertEquals(HeartbeatService.MESSAGE_CHARS, kept.length());
        List<List<String>> audited = auditRows("failing");
        assertTrue(audited.get(audited.size() - 1).get(2).contains("disk full"), "the audit entry carries the message");
    }

    @Test
    void aStartThenASuccessIsUpAndAStartAloneIsNot() throws Exception {
        String path = pingPath("started");
        given().contentType("text/plain")
                .post(path + "/start")
                .then()
                .statusCode(200)
                .body("status", equalTo("started"));
        Observation startedOnly = probe("started", Duration.ofDays(1), null);
        assertEquals(ProbeStatus.DOWN, startedOnly.verdict());
        assertTrue(startedOnly.message().contains("never reported success"), startedOnly.message());

        clock.advance(Duration.ofMinutes(20));
        given().contentType("text/plain").post(path).then().statusCode(200);
        clock.advance(Duration.ofHours(1));
        Observation finished = probe("started", Duration.ofDays(1), null);
        assertNull(finished.verdict(), finished.message());
        assertEquals(Duration.ofHours(1), finished.values().get("age"));

        given().contentType("text/plain").post(path + "/start").then().statusCode(200);
        Observation nextRun = probe("started", Duration.ofDays(1), null);
        assertNull(nextRun.verdict(), "a new run has started; the last success still counts");
        assertEquals("started", nextRun.values().get("last_status"));
    }

    @Test
    void aHeartbeatNeverPingedIsDownWithoutShowingItsToken() throws Exception {
        String path = pingPath("never");
        Observation seen = probe("never", Duration.ofDays(1), null);
        assertEquals(ProbeStatus.DOWN, seen.verdict());
        assertEquals("never", seen.values().get("last_status"));
        assertTrue(seen.message().startsWith("no ping yet; the job should POST /api/ping/<token>"), seen.message());
        assertFalse(seen.message().contains(path.substring("/api/ping/".length())));
        assertEquals(SetupNeed.SERVICE, seen.setup().kind(), "a job not wired to ping yet needs setup, not a failure");
        assertFalse(seen.setup().fix().contains(path.substring("/api/ping/".length())));
    }

    @Test
    void anUnknownTokenIsA404ProblemAndNothingIsRecorded() throws Exception {
        pingPath("bystander");
        long before = auditRows("bystander").size();

        given().contentType("text/plain")
                .body("hello")
                .post("/api/ping/not-a-token")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("title", equalTo("not found"));
        given().contentType("text/plain")
                .post("/api/ping/not-a-token/fail")
                .then()
                .statusCode(404);

        assertEquals("never", heartbeats.state("bystander").orElseThrow().lastStatus());
        assertEquals(before, auditRows("bystander").size());
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT COUNT(*) FROM audit_log WHERE detail LIKE '%hello%' OR subject LIKE '%not-a-token%'");
                ResultSet row = query.executeQuery()) {
            row.next();
            assertEquals(0, row.getLong(1));
        }
    }

    @Test
    void tokensAreLongRandomAndNeverInTheAuditLog() throws Exception {
        String path = pingPath("secret");
        String token = path.substring("/api/ping/".length());
        assertTrue(token.matches("[A-Za-z0-9_-]{43}"), "256 bits, URL-safe: " + token);
        given().contentType("text/plain").post(path).then().statusCode(200);

        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT COUNT(*) FROM audit_log WHERE actor LIKE ? OR subject LIKE ? OR detail LIKE ?")) {
            for (int i = 1; i <= 3; i++) query.setString(i, "%" + token + "%");
            try (ResultSet row = query.executeQuery()) {
                row.next();
                assertEquals(0, row.getLong(1));
            }
        }
    }

    @Test
    void rotatingGivesANewTokenAndTheOldOneStopsWorking() throws Exception {
        String old = pingPath("rotated");
        String fresh = asAdmin()
                .contentType("application/json")
                .post("/api/heartbeats/rotated/rotate")
                .then()
                .statusCode(200)
                .body("pingPath", startsWith("/api/ping/"))
                .body("pingPath", not(equalTo(old)))
                .extract()
                .path("pingPath");

        given().contentType("text/plain").post(old).then().statusCode(404);
        given().contentType("text/plain").post(fresh).then().statusCode(200);
        assertTrue(
                auditRows("rotated").stream()
                        .anyMatch(r -> r.get(0).equals("admin") && r.get(1).equals("heartbeat.rotated")),
                "the rotation is audited with its actor");
        asAdmin()
                .contentType("application/json")
                .post("/api/heartbeats/nobody/rotate")
                .then()
                .statusCode(404);
    }

    @Test
    void aBareCurlPostWithoutBodyOrContentTypeIsASuccessPing() throws Exception {
        String path = pingPath("bare");
        // As curl -X POST sends it: no body, no Content-Type (REST Assured would add a form content type).
        HttpResponse<String> response = HttpClient.newHttpClient()
                .send(
                        HttpRequest.newBuilder(URI.create("http://localhost:" + RestAssured.port + path))
                                .POST(BodyPublishers.noBody())
                                .build(),
                        BodyHandlers.ofString());
        assertEquals(200, response.statusCode(), response.body());
        assertEquals("up", heartbeats.state("bare").orElseThrow().lastStatus());
        assertNull(heartbeats.state("bare").orElseThrow().lastMessage());
    }

    @Test
    void heartbeatsAreForAdminsOnlyButPingsNeedNoLogin() {
        given().get("/api/heartbeats").then().statusCode(401);
        given().contentType("application/json")
                .post("/api/heartbeats/x/rotate")
                .then()
                .statusCode(401);
    }

    @Test
    void theDefaultPackHeartbeatGetsATokenWhenTheChecklistsLoad() {
        asAdmin().get("/api/heartbeats").then().statusCode(200).body("name", hasItem("host-backups"));
    }
}
