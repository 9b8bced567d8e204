package dev.rounds.probe.type;

import static dev.rounds.probe.Fixtures.spec;
import static dev.rounds.probe.Fixtures.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.rounds.checklist.Target;
import dev.rounds.probe.Environment;
import dev.rounds.probe.Observation;
import dev.rounds.probe.ProbeContext;
import dev.rounds.probe.ProbeHarness;
import dev.rounds.probe.ProbeStatus;
import dev.rounds.probe.SystemEnvironment;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The backlog probe against a real HTTP server on 127.0.0.1 serving Jira- and ServiceNow-shaped answers. */
class BacklogProbeTest {

    private static final Path FIXTURES = Path.of("/work/shared/fixtures");
    private static final long CAP = 64 * 1024;
    private static final String TOKEN = "Bearer test-token";
    /** The environment the tests give the probe: the one variable the "Jira" server wants. */
    private static final Environment ENVIRONMENT = name -> switch (name) {
        case "ROUNDS_TEST_JIRA_AUTH" -> Optional.of(TOKEN);
        case "ROUNDS_TEST_STALE_AUTH" -> Optional.of("Bearer expired-token");
        default -> Optional.empty();
    };

    private static HttpServer server;
    private static final List<String> requests = new CopyOnWriteArrayList<>();

    @BeforeAll
    static void startServer() throws IOException {
        byte[] jira = Files.readAllBytes(FIXTURES.resolve("jira-search.json"));
        byte[] servicenow = Files.readAllBytes(FIXTURES.resolve("servicenow-incidents.json"));
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.createContext("/rest/api/2/search", exchange -> {
            requests.add(exchange.getRequestURI().getRawPath() + "?"
                    + exchange.getRequestURI().getRawQuery());
            if (!TOKEN.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                answer(exchange, 401, "application/json", "{\"errorMessages\":[\"login required\"]}".getBytes());
            } else {
                answer(exchange, 200, "application/json", jira);
            }
        });
        server.createContext("/api/now/table/incident", exchange -> {
            requests.add(exchange.getRequestURI().getRawPath() + "?"
                    + exchange.getRequestURI().getRawQuery());
            answer(exchange, 200, "application/json", servicenow);
        });
        server.createContext(
                "/login",
                exchange -> answer(
                        exchange,
                        200,
                        "text/html",
                        "<html><body>Please log in</body></html>".getBytes(StandardCharsets.UTF_8)));
        server.createContext("/huge", exchange -> {
            StringBuilder items = new StringBuilder("{\"issues\":[");
            for (int i = 0; i < 5000; i++) {
                items.append(i == 0 ? "" : ",").append("{\"fields\":{\"created\":\"2026-11-20T09:15:00.000+0000\"}}");
            }
            answer(
                    exchange,
                    200,
                    "application/json",
                    items.append("]}").toString().getBytes(StandardCharsets.UTF_8));
        });
        server.start();
    }

    private static void answer(HttpExchange exchange, int status, String type, byte[] body) throws IOException {
        exchange.getResponseHeaders().add("Content-Type", type);
        exchange.sendResponseHeaders(status, body.length);
        exchange.getResponseBody().write(body);
        exchange.close();
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
    }

    private static Target local() {
        return target("tickets", "127.0.0.1:" + server.getAddress().getPort());
    }

    private static Observation observe(Map<String, Object> settings, Instant now) {
        ProbeContext context = ProbeHarness.context(Clock.fixed(now, ZoneOffset.UTC), CAP, ENVIRONMENT);
        return new BacklogProbe()
                .observe(spec("backlog", local(), settings, Duration.ofSeconds(5)), local(), context)
                .toCompletableFuture()
                .join();
    }

    @Test
    void jiraPresetCountsTheIssuesAndAgesTheOldestWithItsOffset() {
        Observation observation = observe(
                Map.of("preset", "jira", "auth_env", "ROUNDS_TEST_JIRA_AUTH"), Instant.parse("2011-12-16T00:00:00Z"));

        assertNull(observation.verdict(), observation.message());
        assertEquals(11L, observation.values().get("count"));
        assertEquals(11L, observation.values().get("total"));
        // The oldest issue was created 2011-12-14T10:26:06.000+1300, that is 2011-12-13T21:26:06Z.
        assertEquals(Duration.parse("PT50H33M54S"), observation.values().get("oldest_age"));
        assertTrue(
                requests.contains("/rest/api/2/search?jql=resolution%20=%20Unresolved%20ORDER%20BY%20created%20ASC"
                        + "&fields=created"),
                requests::toString);
    }

    @Test
    void serviceNowPresetReadsZonelessTimesAsUtc() {
        Observation observation = observe(Map.of("preset", "servicenow"), Instant.parse("2015-11-03T00:00:00Z"));

        assertNull(observation.verdict(), observation.message());
        assertEquals(3L, observation.values().get("count"));
        assertEquals(3L, observation.values().get("total"), "without a total path the total is the count");
        // opened_at "2015-11-02 21:58:24" is the oldest of the three.
        assertEquals(Duration.parse("PT2H1M36S"), observation.values().get("oldest_age"));
        assertTrue(
                requests.contains("/api/now/table/incident?sysparm_query=active=true%5EORDERBYopened_at"
                        + "&sysparm_fields=number,opened_at"),
                requests::toString);
    }

    @Test
    void ownPathsSelectItemsAndTimes() {
        Observation observation = observe(
                Map.of(
                        "path",
                        "/api/now/table/incident",
                        "items",
                        "$.result[?(@.priority == '3')]",
                        "created",
                        "$.sys_created_on"),
                Instant.parse("2015-11-02T22:05:30Z"));

        assertNull(observation.verdict(), observation.message());
        // INC0000046 (created 2015-11-01 22:05:30) and INC0010002; INC0000050 has priority 1.
        assertEquals(2L, observation.values().get("count"));
        assertEquals(Duration.ofDays(1), observation.values().get("oldest_age"));
    }

    @Test
    void missingEnvironmentVariableIsAnErrorNamingIt() {
        Observation observation = observe(Map.of("preset", "jira", "auth_env", "ROUNDS_TEST_UNSET"), Instant.EPOCH);

        assertEquals(ProbeStatus.ERROR, observation.verdict());
        assertTrue(
                observation.message().startsWith("environment variable ROUNDS_TEST_UNSET is not set"),
                observation.message());
    }

    @Test
    void refusedCredentialsAreDownWithTheStatusAndTheVariableToCheck() {
        Observation observation = observe(Map.of("preset", "jira"), Instant.EPOCH);

        assertEquals(ProbeStatus.DOWN, observation.verdict());
        assertEquals(
                "HTTP 401 from http://127.0.0.1:" + server.getAddress().getPort()
                        + "/rest/api/2/search; the API wants credentials: set auth_env",
                observation.message());
    }

    @Test
    void wrongCredentialsAreDownNamingTheVariableThatHoldsThem() {
        Observation observation =
                observe(Map.of("preset", "jira", "auth_env", "ROUNDS_TEST_STALE_AUTH"), Instant.EPOCH);

        assertEquals(ProbeStatus.DOWN, observation.verdict());
        assertTrue(
                observation
                        .message()
                        .endsWith("/rest/api/2/search; check the credentials in environment variable "
                                + "ROUNDS_TEST_STALE_AUTH"),
                observation.message());
    }

    @Test
    void answerThatIsNotJsonIsDown() {
        Observation observation = observe(Map.of("preset", "jira", "path", "/login"), Instant.EPOCH);

        assertEquals(ProbeStatus.DOWN, observation.verdict());
        assertTrue(
                observation.message().contains("/login (HTTP 200) is not JSON: Unexpected character ('<'"),
                observation.message());
    }

    @Test
    void answerOverTheCapIsDownAndNotParsed() {
        Observation observation = observe(Map.of("preset", "jira", "path", "/huge"), Instant.EPOCH);

        assertEquals(ProbeStatus.DOWN, observation.verdict());
        assertTrue(
                observation
                        .message()
                        .endsWith("/huge is larger than the read cap of 65536 bytes; "
                                + "ask for fewer fields or items, or raise rounds.probe.max-bytes"),
                observation.message());
    }

    @Test
    void pathThatSelectsNothingIsDownNamingTheSetting() {
        Observation observation = observe(
                Map.of("preset", "jira", "auth_env", "ROUNDS_TEST_JIRA_AUTH", "items", "$.values"), Instant.EPOCH);

        assertEquals(ProbeStatus.DOWN, observation.verdict());
        assertTrue(observation.message().endsWith(": nothing at $['values'] (setting 'items')"), observation.message());
    }

    @Test
    void unknownPresetAndMissingPathsAreErrors() {
        assertEquals(
                "preset must be one of jira, servicenow, got 'redmine'",
                observe(Map.of("preset", "redmine"), Instant.EPOCH).message());
        assertEquals(
                "set 'items' and 'created' (JSON paths such as $.issues[*] and $.fields.created), "
                        + "or a preset: jira or servicenow",
                observe(Map.of("path", "/x"), Instant.EPOCH).message());
    }

    @Test
    void applicationEnvironmentIsTheProcessEnvironment() {
        SystemEnvironment environment = new SystemEnvironment();

        assertEquals(Optional.of(System.getenv("PATH")), environment.variable("PATH"));
        assertFalse(environment
                .variable("ROUNDS_TEST_SURELY_UNSET_" + System.nanoTime())
                .isPresent());
    }

    @Test
    void creationTimesInTheThreeFormats() {
        assertEquals(Instant.parse("2026-11-20T09:15:00Z"), Timestamps.parse("2026-11-20T09:15:00.000+0000"));
        assertEquals(Instant.parse("2026-11-20T08:15:00Z"), Timestamps.parse("2026-11-20T09:15:00+01:00"));
        assertEquals(Instant.parse("2026-11-20T09:15:00Z"), Timestamps.parse("2026-11-20T09:15:00Z"));
        assertEquals(Instant.parse("2026-11-20T09:15:00Z"), Timestamps.parse("2026-11-20 09:15:00"));
        assertEquals(
                "'20.11.2026' is not a time like 2026-11-20T09:15:00Z, 2026-11-20T09:15:00.000+0000 "
                        + "or 2026-11-20 09:15:00 (UTC)",
                org.junit.jupiter.api.Assertions.assertThrows(
                                IllegalArgumentException.class, () -> Timestamps.parse("20.11.2026"))
                        .getMessage());
    }
}
