package dev.rounds.report;

import static dev.rounds.Logins.asAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.rounds.SharedChecklistsProfile;
import dev.rounds.TestAccounts;
import dev.rounds.TestClock;
import dev.rounds.probe.ProbeKey;
import dev.rounds.probe.ProbeScheduler;
import dev.rounds.probe.ResultWriter;
import dev.rounds.schedule.Occurrence;
import dev.rounds.schedule.ScheduleService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.InetSocketAddress;
import java.time.Duration;
import java.time.Instant;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The dashboard's counters and list tell one story: each current occurrence is one line with one state, and each
 * counter counts the lines of its state, error, waived and acknowledged included; a waived activity is waived on the
 * page whatever its probes say. Its probes run against a real HTTP server on loopback.
 */
@QuarkusTest
@TestProfile(SharedChecklistsProfile.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class DashboardTest {

    private static final String CHECKLIST = "dash";
    private static final String OPERATOR = "dash-operator";
    private static final String MANAGER = "dash-manager";
    private static final HttpServer SERVER = server();

    @BeforeAll
    static void checklists() {
        SharedChecklistsProfile.use(
                Map.of("inventory.yaml", """
                        targets:
                          - id: dash-web
                            address: 127.0.0.1:%d
                        """.formatted(SERVER.getAddress().getPort()), "dash.yaml", """
                        id: dash
                        title: Dashboard story
                        cadence: daily
                        due: 10h
                        timezone: UTC
                        activities:
                          - id: down
                            title: Dash web is down
                            signoff: none
                            probes: [{ type: http, target: dash-web, path: /health, confirm: 1, expect: [status == 200] }]
                          - id: error
                            title: Dash probe cannot run
                            signoff: none
                            probes: [{ type: http, target: dash-web, scheme: ftp, expect: [status == 200] }]
                          - id: waived
                            title: Dash waived despite failing
                            signoff: none
                            probes: [{ type: http, target: dash-web, path: /health, confirm: 1, expect: [status == 200] }]
                          - id: acked
                            title: Dash failure acknowledged
                            signoff: none
                            probes: [{ type: http, target: dash-web, path: /health, confirm: 1, expect: [status == 200] }]
                          - id: passing
                            title: Dash web answers
                            signoff: none
                            probes: [{ type: http, target: dash-web, path: /ok, expect: [status == 200] }]
                          - id: setup
                            title: Dash queue waits for its token
                            signoff: none
                            probes:
                              - type: backlog
                                target: dash-web
                                preset: jira
                                auth_env: ROUNDS_DASH_UNSET_TOKEN
                                expect: [total < 10]
                          - id: manual
                            title: Dash manual check
                            signoff: always
                          - id: signed
                            title: Dash manual check signed off
                            signoff: always
                        """));
    }

    @Inject
    ScheduleService schedule;

    @Inject
    ProbeScheduler probes;

    @Inject
    ResultWriter writer;

    @Inject
    TestClock clock;

    @BeforeEach
    void people() {
        TestAccounts.ensure(OPERATOR, "operator");
        TestAccounts.ensure(MANAGER, "manager");
    }

    @Test
    @Order(1)
    void everyCounterCountsTheLinesOfItsStateErrorWaivedAndAcknowledgedIncluded() throws Exception {
        for (String activity : List.of("down", "error", "waived", "acked", "passing", "setup")) judged(activity);
        int waiver = TestAccounts.as(OPERATOR)
                .contentType("application/json")
                .body(Map.of(
                        "checklist",
                        CHECKLIST,
                        "activity",
                        "waived",
                        "reason",
                        "switch replaced this week",
                        "expires",
                        clock.instant().plus(Duration.ofDays(3)).toString()))
                .post("/api/waivers")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        TestAccounts.as(MANAGER)
                .contentType("application/json")
                .body(Map.of())
                .post("/api/waivers/{id}/approve", waiver)
                .then()
                .statusCode(200);
        TestAccounts.as(OPERATOR)
                .contentType("application/json")
                .body(Map.of(
                        "probe", new ProbeKey(CHECKLIST, "acked", 0, "dash-web").toString(),
                        "reason", "INC-7: known, fixed tonight",
                        "until", clock.instant().plus(Duration.ofHours(6)).toString()))
                .post("/api/acknowledgements")
                .then()
                .statusCode(201);
        TestAccounts.as(OPERATOR)
                .contentType("application/json")
                .body(Map.of("note", "checked by hand"))
                .post("/api/occurrences/{id}/signoff", occurrence("signed").id)
                .then()
                .statusCode(201);
        schedule.tick();

        Document page = dashboard();
        assertCountersEqualTheList(page);
        assertEquals("down", stateOf(page, "down"));
        assertEquals("error", stateOf(page, "error"));
        assertEquals("acknowledged", stateOf(page, "acked"));
        assertEquals("passing", stateOf(page, "passing"));
        assertEquals("signoff", stateOf(page, "manual"));
        assertEquals("done", stateOf(page, "signed"));
        assertTrue(count(page, "error") >= 1, "the error line is counted as error");
        assertTrue(count(page, "acknowledged") >= 1, "the acknowledged line is counted as acknowledged");
        assertTrue(
                line(page, "acked").text().contains("acknowledged by " + OPERATOR),
                line(page, "acked").outerHtml());
        assertEquals("sign off", line(page, "manual").select("td.action").text());
    }

    @Test
    @Order(2)
    void aWaivedActivityIsMarkedWaivedAndCountsAsNoFailure() throws Exception {
        Document page = dashboard();
        assertEquals("WAIVED", occurrence("waived").status.name(), "the waiver excuses today's occurrence");
        Element waived = line(page, "waived");
        assertEquals("waived", waived.attr("data-state"));
        assertTrue(waived.select("td.state").text().contains("waived"), waived.outerHtml());
        assertTrue(waived.text().contains("switch replaced this week"), "says why: " + waived.text());
        assertEquals("", waived.select("td.action").text(), "asks nothing of the operator");
        // its probe is still down, yet it is in no failing count: only the down line is
        long failing = page.select("table.lines tr[data-state=down], table.lines tr[data-state=error]").stream()
                .filter(tr -> tr.text().contains("Dash waived"))
                .count();
        assertEquals(0, failing);
        assertCountersEqualTheList(page);
        assertEquals("down", waived.select("details li .status").text(), "its probe line still says what it says");
    }

    @Test
    @Order(3)
    void aProbeThatLacksSetupIsNoFailureAndThePanelSaysWhatToConfigure() {
        Document page = dashboard();
        Element waiting = line(page, "setup");
        assertEquals("setup", waiting.attr("data-state"), waiting.outerHtml());
        assertTrue(waiting.select("td.state").text().endsWith("needs setup"), waiting.outerHtml());
        assertEquals("set up", waiting.select("td.action").text());
        assertEquals("#setup", waiting.select("td.action a").attr("href"));
        assertCountersEqualTheList(page);

        Element panel = page.getElementById("setup");
        assertTrue(panel != null, "a setup panel: " + page.select("#live").outerHtml());
        Element fix = panel.select("dd[data-kind=credential]:contains(ROUNDS_DASH_UNSET_TOKEN)")
                .first();
        assertTrue(fix != null, "the credential and its fix: " + panel.outerHtml());
        assertTrue(
                fix.select("a[href=/occurrences/" + occurrence("setup").id + "]")
                        .text()
                        .equals("backlog → dash-web"),
                "the probe it affects: " + fix.outerHtml());
        assertEquals(1, panel.select("dd:contains(ROUNDS_DASH_UNSET_TOKEN)").size(), "the fix is listed once");
        assertFalse(waiting.text().contains("ROUNDS_DASH_UNSET_TOKEN"), "and not repeated in the list");
    }

    @Test
    @Order(4)
    void afterTheDueTimeAnUnsignedManualCheckIsOverdueAndStillCountedOnce() throws Exception {
        clock.set(Instant.parse("2026-03-28T10:05:00Z"));
        schedule.tick();
        Document page = dashboard();
        assertEquals("overdue", stateOf(page, "manual"));
        assertEquals("sign off", line(page, "manual").select("td.action").text());
        assertEquals("today 10:00", line(page, "manual").select("td.due").text());
        assertEquals("done", stateOf(page, "passing"), "passed at due");
        assertCountersEqualTheList(page);
    }

    /** Each counter equals the lines of its state; together they count every line; each occurrence is one line. */
    private static void assertCountersEqualTheList(Document page) {
        List<Element> rows = page.select("table.lines tbody tr");
        long counted = 0;
        Set<String> states = new HashSet<>();
        for (Element counter : page.select("ul.counters li")) {
            String state = counter.attr("data-state");
            long n = Long.parseLong(counter.attr("data-count"));
            assertEquals(
                    page.select("table.lines tbody tr[data-state=" + state + "]")
                            .size(),
                    n,
                    "the counter " + counter.text());
            assertTrue(counter.text().startsWith(n + " ") || counter.text().contains(" " + n + " "), counter.text());
            counted += n;
            states.add(state);
        }
        assertEquals(rows.size(), counted, "the counters count every line");
        rows.forEach(r -> assertTrue(states.contains(r.attr("data-state")), "a counter for " + r.attr("data-state")));
        Set<String> ids = new HashSet<>();
        rows.forEach(r -> assertTrue(ids.add(r.id()), "one line per occurrence: " + r.id()));
        assertFalse(page.select("ul.counters li[data-state=down]").isEmpty(), "down is always counted");
        assertFalse(page.select("ul.counters li[data-state=error]").isEmpty(), "error is always counted");
    }

    private static long count(Document page, String state) {
        return Long.parseLong(
                page.select("ul.counters li[data-state=" + state + "]").attr("data-count"));
    }

    private static Element line(Document page, String activity) {
        Element row = page.getElementById("o" + occurrence(activity).id);
        if (row == null) throw new AssertionError("no line for " + activity + " in " + page.select("table.lines"));
        return row;
    }

    private static String stateOf(Document page, String activity) {
        return line(page, activity).attr("data-state");
    }

    private static Document dashboard() {
        return Jsoup.parse(asAdmin().get("/").then().statusCode(200).extract().asString());
    }

    private static Occurrence occurrence(String activity) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Occurrence.latestOf(CHECKLIST, activity)
                        .orElseThrow(() -> new AssertionError("no occurrence of " + activity)));
    }

    /** Ticks the schedule (which runs the activity's probe as its occurrence opens), then writes the result in. */
    private void judged(String activity) throws Exception {
        schedule.tick();
        probes.lastRunOnce(CHECKLIST, activity).toCompletableFuture().get(30, TimeUnit.SECONDS);
        writer.flush();
        schedule.tick();
    }

    private static HttpServer server() {
        try {
            HttpServer server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
            server.createContext("/health", exchange -> {
                exchange.sendResponseHeaders(500, -1);
                exchange.close();
            });
            server.createContext("/ok", exchange -> {
                exchange.sendResponseHeaders(200, -1);
                exchange.close();
            });
            server.start();
            return server;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
