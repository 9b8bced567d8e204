package dev.rounds.probe.type;

import static dev.rounds.probe.Fixtures.expect;
import static dev.rounds.probe.Fixtures.millis;
import static dev.rounds.probe.Fixtures.number;
import static dev.rounds.probe.Fixtures.spec;
import static dev.rounds.probe.Fixtures.target;
import static dev.rounds.probe.Fixtures.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.sun.net.httpserver.HttpServer;
import dev.rounds.checklist.Condition;
import dev.rounds.checklist.Operator;
import dev.rounds.checklist.ProbeSpec;
import dev.rounds.checklist.Target;
import dev.rounds.probe.LoggedErrors;
import dev.rounds.probe.Observation;
import dev.rounds.probe.ProbeHarness;
import dev.rounds.probe.ProbeKey;
import dev.rounds.probe.ProbeResult;
import dev.rounds.probe.ProbeRunner;
import dev.rounds.probe.ProbeStatus;
import dev.rounds.probe.ResettingServer;
import dev.rounds.probe.SilentServer;
import java.io.IOException;
import java.io.OutputStream;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.nio.charset.StandardCharsets;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The http probe against real servers on 127.0.0.1. */
class HttpProbeTest {

    private static final long CAP = 1024 * 1024;
    private static final ProbeKey KEY = new ProbeKey("daily", "services-up", 0, "local");

    private static HttpServer server;
    private static ExecutorService handlers;
    private static ProbeRunner runner;
    private static final List<String> requests = new CopyOnWriteArrayList<>();
    private static final AtomicLong endlessSent = new AtomicLong();
    private static final CompletableFuture<IOException> endlessBroken = new CompletableFuture<>();

    @BeforeAll
    static void startServer() throws IOException {
        runner = ProbeHarness.runner(Clock.systemUTC(), CAP);
        handlers = Executors.newCachedThreadPool();
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.setExecutor(handlers);
        server.createContext("/ok", exchange -> {
            byte[] body = "{\"items\":[{\"name\":\"alpha\"}],\"state\":\"green\"}".getBytes(StandardCharsets.UTF_8);
            exchange.getResponseHeaders().add("Content-Type", "application/json");
            exchange.sendResponseHeaders(200, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/maintenance", exchange -> {
            byte[] body = "down for maintenance".getBytes(StandardCharsets.UTF_8);
            exchange.sendResponseHeaders(503, body.length);
            exchange.getResponseBody().write(body);
            exchange.close();
        });
        server.createContext("/echo", exchange -> {
            requests.add(exchange.getRequestMethod() + " " + exchange.getRequestURI() + " "
                    + exchange.getRequestHeaders().getFirst("X-Probe"));
            exchange.sendResponseHeaders(204, -1);
            exchange.close();
        });
        server.createContext("/endless", exchange -> {
            exchange.sendResponseHeaders(200, 0);
            byte[] chunk = "x".repeat(16 * 1024).getBytes(StandardCharsets.US_ASCII);
            try (OutputStream out = exchange.getResponseBody()) {
                // Bounded: 50 MB, far above the cap, unless the probe hangs up first as it should.
                while (endlessSent.get() < 50L * 1024 * 1024) {
                    out.write(chunk);
                    endlessSent.addAndGet(chunk.length);
                }
            } catch (IOException hungUp) {
                endlessBroken.complete(hungUp);
            }
        });
        server.start();
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
        handlers.shutdownNow();
    }

    private static Target local() {
        return target("local", "127.0.0.1:" + server.getAddress().getPort());
    }

    private static ProbeResult run(ProbeSpec spec, Target target) {
        return runner.run(spec, target, KEY).toCompletableFuture().join();
    }

    private static Observation observe(ProbeSpec spec, Target target) {
        return new HttpProbe()
                .observe(spec, target, ProbeHarness.context(Clock.systemUTC(), CAP))
                .toCompletableFuture()
                .join();
    }

    @Test
    void serviceIsUpWhenEveryConditionHolds() {
        // Judging depends on Condition.evaluate (the checklist feature's condition language).
        ProbeResult result = run(
                spec(
                        "http",
                        local(),
                        Map.of("path", "/ok"),
                        Duration.ofSeconds(5),
                        expect("status", Operator.EQ, number(200)),
                        expect("response_time", Operator.LT, millis(2000)),
                        expect("json($.items[0].name)", Operator.EQ, text("alpha")),
                        expect("body", Operator.CONTAINS, text("green"))),
                local());

        assertEquals(ProbeStatus.UP, result.status(), result.message());
        assertEquals(200, result.values().get("status"));
        assertEquals(4, result.conditions().size());
        assertTrue(result.conditions().stream().allMatch(outcome -> outcome.holds()), result.conditions()::toString);
    }

    @Test
    void wrongStatusIsDownAndTheMessageShowsWhatWasSeen() {
        // Judging depends on Condition.evaluate (the checklist feature's condition language).
        ProbeResult result = run(
                spec(
                        "http",
                        local(),
                        Map.of("path", "/maintenance"),
                        Duration.ofSeconds(5),
                        expect("status", Operator.EQ, number(200))),
                local());

        assertEquals(ProbeStatus.DOWN, result.status());
        assertTrue(result.message().contains("503"), result.message());
        assertFalse(result.conditions().get(0).holds());
    }

    @Test
    void withoutConditionsAnErrorStatusIsDown() {
        Observation observation =
                observe(spec("http", local(), Map.of("path", "/maintenance"), Duration.ofSeconds(5)), local());

        assertEquals(ProbeStatus.DOWN, observation.verdict());
        assertEquals(503, observation.values().get("status"));
    }

    @Test
    void jsonOperandsReadOnePathEach() {
        Condition first = expect("json($.items[0].name)", Operator.EQ, text("alpha"));
        Condition quoted = expect("json($['state'])", Operator.EQ, text("green"));
        Condition missing = expect("json($.items[3].name)", Operator.EQ, text("beta"));

        Observation observation = observe(
                spec("http", local(), Map.of("path", "/ok"), Duration.ofSeconds(5), first, quoted, missing), local());

        assertNull(observation.verdict());
        assertEquals("alpha", observation.values().get("json($.items[0].name)"));
        assertEquals("green", observation.values().get("json($['state'])"));
        assertFalse(observation.values().containsKey("json($.items[3].name)"));
    }

    @Test
    void sendsTheConfiguredMethodPathAndHeadersToThePortOfTheSetting() {
        Target hostOnly = target("local", "127.0.0.1");
        Map<String, Object> settings = Map.of(
                "port",
                server.getAddress().getPort(),
                "path",
                "/echo?from=rounds",
                "method",
                "put",
                "headers",
                Map.of("X-Probe", "rounds"));

        Observation observation = observe(spec("http", hostOnly, settings, Duration.ofSeconds(5)), hostOnly);

        assertEquals(204, observation.values().get("status"));
        assertTrue(requests.contains("PUT /echo?from=rounds rounds"), requests::toString);
    }

    @Test
    void serverThatAcceptsButNeverAnswersIsDownAtTheTimeout() throws IOException {
        try (SilentServer silent = new SilentServer()) {
            Target quiet = target("quiet", "127.0.0.1:" + silent.port());

            ProbeResult result = run(spec("http", quiet, Map.of(), Duration.ofSeconds(2)), quiet);

            assertEquals(ProbeStatus.DOWN, result.status());
            assertEquals("no response from 127.0.0.1:" + silent.port() + " within 2s", result.message());
            assertTrue(result.duration().compareTo(Duration.ofMillis(1900)) >= 0, result.duration()::toString);
            assertTrue(result.duration().compareTo(Duration.ofMillis(3000)) < 0, result.duration()::toString);
        }
    }

    @Test
    void bodyOverTheCapIsDownWhateverTheConditionsSayAndTheConnectionClosed() throws Exception {
        Target self = local();
        ProbeResult result = run(
                spec(
                        "http",
                        self,
                        Map.of("path", "/endless"),
                        Duration.ofSeconds(10),
                        expect("status", Operator.EQ, number(200)),
                        expect("body", Operator.CONTAINS, text("xxx"))),
                self);

        assertEquals(ProbeStatus.DOWN, result.status(), result.message());
        assertEquals(
                "body from 127.0.0.1:" + server.getAddress().getPort() + " (HTTP 200) is larger than the read "
                        + "cap of 1048576 bytes; raise rounds.probe.max-bytes to read more",
                result.message());
        long read = (Long) result.values().get("body_size");
        assertTrue(read > CAP && read <= CAP + 64 * 1024, "read " + read + " bytes");
        assertEquals(200, result.values().get("status"));
        // The server notices the hang-up long before it could send its 50 MB.
        assertTrue(endlessBroken.get(10, TimeUnit.SECONDS) instanceof IOException);
        assertTrue(endlessSent.get() < 50L * 1024 * 1024, "sent " + endlessSent.get());
    }

    @Test
    void refusedPortIsDownWithAClearMessage() throws IOException {
        int unused;
        try (ServerSocket probe = new ServerSocket(0)) {
            unused = probe.getLocalPort();
        }
        Target closed = target("closed", "127.0.0.1:" + unused);

        ProbeResult result = run(spec("http", closed, Map.of(), Duration.ofSeconds(2)), closed);

        assertEquals(ProbeStatus.DOWN, result.status());
        assertEquals("connection refused by 127.0.0.1:" + unused, result.message());
    }

    @Test
    void serverThatResetsIsDownInPlainWordsAndNothingIsLoggedAsAnError() throws Exception {
        try (ResettingServer resetting = new ResettingServer(true);
                LoggedErrors errors = new LoggedErrors()) {
            Target reset = target("reset", "127.0.0.1:" + resetting.port());

            ProbeResult result = run(spec("http", reset, Map.of(), Duration.ofSeconds(2)), reset);

            assertEquals(ProbeStatus.DOWN, result.status());
            assertEquals("connection reset by 127.0.0.1:" + resetting.port(), result.message());
            assertFalse(
                    result.message().contains("Exception") || result.message().contains("java."));
            // Vert.x logs a connection's failure only after the probe has its result: give it a moment to show.
            Thread.sleep(200);
            assertEquals(List.of(), errors.lines());
        }
    }

    @Test
    void unresolvableHostIsDownNamingTheHost() {
        Target nowhere = target("nowhere", "no-such-host.invalid:80");

        ProbeResult result = run(spec("http", nowhere, Map.of(), Duration.ofSeconds(3)), nowhere);

        assertEquals(ProbeStatus.DOWN, result.status());
        assertEquals("cannot resolve host name 'no-such-host.invalid'", result.message());
    }

    @Test
    void badSchemeIsRoundsErrorNotTheTargets() {
        Observation observation =
                observe(spec("http", local(), Map.of("scheme", "ftp"), Duration.ofSeconds(1)), local());

        assertEquals(ProbeStatus.ERROR, observation.verdict());
        assertEquals("scheme must be http or https, got 'ftp'", observation.message());
    }
}
