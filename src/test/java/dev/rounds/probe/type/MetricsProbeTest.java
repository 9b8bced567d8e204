package dev.rounds.probe.type;

import static dev.rounds.probe.Fixtures.expect;
import static dev.rounds.probe.Fixtures.spec;
import static dev.rounds.probe.Fixtures.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import dev.rounds.checklist.Literal;
import dev.rounds.checklist.Operator;
import dev.rounds.checklist.Target;
import dev.rounds.probe.Environment;
import dev.rounds.probe.Observation;
import dev.rounds.probe.ProbeHarness;
import dev.rounds.probe.ProbeKey;
import dev.rounds.probe.ProbeResult;
import dev.rounds.probe.ProbeStatus;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The metrics probe against a server replaying a real node_exporter page, and against node_exporter itself. */
class MetricsProbeTest {

    private static final Path NODE_EXPORTER = Path.of("/usr/bin/prometheus-node-exporter");
    private static final long CAP = 1024 * 1024;

    private static final String CREDENTIALS = "Basic cHJvbWV0aGV1czpzZWNyZXQ=";
    /** The environment the tests give the probe: the one variable the protected endpoint wants. */
    private static final Environment ENVIRONMENT =
            name -> name.equals("ROUNDS_TEST_METRICS_AUTH") ? Optional.of(CREDENTIALS) : Optional.empty();

    private static HttpServer server;
    private static String page;
    private static final AtomicInteger movingScrapes = new AtomicInteger();

    @BeforeAll
    static void startServer() throws IOException {
        page = Files.readString(Path.of("/work/shared/fixtures/node-exporter-metrics.txt"));
        // The same page a moment later: CPU 0 spent 0.8s idle and 0.2s in user mode, CPU 1 0.6s idle and
        // 0.4s in system mode, so the CPUs were 30% busy; eth0 and ifb0 saw 7 and 2 receive errors.
        String later = page.replace(
                        "node_cpu_seconds_total{cpu=\"0\",mode=\"idle\"} 882.49",
                        "node_cpu_seconds_total{cpu=\"0\",mode=\"idle\"} 883.29")
                .replace(
                        "node_cpu_seconds_total{cpu=\"0\",mode=\"user\"} 629.7",
                        "node_cpu_seconds_total{cpu=\"0\",mode=\"user\"} 629.9")
                .replace(
                        "node_cpu_seconds_total{cpu=\"1\",mode=\"idle\"} 852.86",
                        "node_cpu_seconds_total{cpu=\"1\",mode=\"idle\"} 853.46")
                .replace(
                        "node_cpu_seconds_total{cpu=\"1\",mode=\"system\"} 217.97",
                        "node_cpu_seconds_total{cpu=\"1\",mode=\"system\"} 218.37")
                .replace(
                        "node_network_receive_errs_total{device=\"eth0\"} 0",
                        "node_network_receive_errs_total{device=\"eth0\"} 7")
                .replace(
                        "node_network_receive_errs_total{device=\"ifb0\"} 0",
                        "node_network_receive_errs_total{device=\"ifb0\"} 2");
        server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        server.createContext("/metrics", exchange -> answer(exchange, page));
        server.createContext(
                "/moving", exchange -> answer(exchange, movingScrapes.getAndIncrement() % 2 == 0 ? page : later));
        server.createContext("/protected", exchange -> {
            if (CREDENTIALS.equals(exchange.getRequestHeaders().getFirst("Authorization"))) {
                answer(exchange, page);
            } else {
                exchange.sendResponseHeaders(401, -1);
                exchange.close();
            }
        });
        server.createContext(
                "/huge",
                exchange -> answer(exchange, "# a page over the cap\n" + page.repeat((int) (CAP / page.length()) + 2)));
        server.createContext("/broken", exchange -> answer(exchange, "# TYPE up gauge\nup 1\nup{job=\"x\"} one\n"));
        server.start();
    }

    private static void answer(HttpExchange exchange, String body) throws IOException {
        byte[] bytes = body.getBytes(StandardCharsets.UTF_8);
        exchange.getResponseHeaders().add("Content-Type", "text/plain; version=0.0.4");
        exchange.sendResponseHeaders(200, bytes.length);
        exchange.getResponseBody().write(bytes);
        exchange.close();
    }

    @AfterAll
    static void stopServer() {
        server.stop(0);
    }

    private static Target local() {
        return target("node", "127.0.0.1:" + server.getAddress().getPort());
    }

    private static Observation observe(
            Target target, Map<String, Object> settings, dev.rounds.checklist.Condition... expect) {
        return new MetricsProbe()
                .observe(
                        spec("metrics", target, settings, Duration.ofSeconds(5), expect),
                        target,
                        ProbeHarness.context(Clock.systemUTC(), CAP, ENVIRONMENT))
                .toCompletableFuture()
                .join();
    }

    @Test
    void nodePresetReadsExactValuesFromTwoScrapes() {
        Observation observation =
                observe(local(), Map.of("preset", "node", "path", "/moving", "window", Duration.ofMillis(50)));

        assertNull(observation.verdict(), observation.message());
        assertEquals(30.0, observation.values().get("cpu_busy"));
        assertEquals(
                100 * (1 - 8.3609591808e10 / 2.70553174016e11),
                (Double) observation.values().get("disk_used"),
                1e-9);
        assertEquals(
                100 * (1 - 2.4357965824e10 / 2.5276063744e10),
                (Double) observation.values().get("memory_used"),
                1e-9);
        assertEquals(9.0, observation.values().get("network_receive_errors"));
        assertEquals(0.0, observation.values().get("network_transmit_drops"));
        assertEquals(2, movingScrapes.get(), "scraped exactly twice");
        assertTrue(observation.message().startsWith("7 values from http://127.0.0.1:"), observation.message());
    }

    @Test
    void pageOverTheReadCapIsDownSayingHowToRaiseIt() {
        Observation observation = observe(local(), Map.of("preset", "node", "path", "/huge"));

        assertEquals(ProbeStatus.DOWN, observation.verdict());
        assertTrue(
                observation
                        .message()
                        .endsWith("/huge are larger than the read cap of 1048576 bytes; "
                                + "raise rounds.probe.max-bytes to read more"),
                observation.message());
    }

    @Test
    void ownValuesAddToThePresetAndPercentThresholdsJudgeThem() {
        // Judging depends on Condition.evaluate (the checklist feature's condition language).
        var runner = ProbeHarness.runner(Clock.systemUTC(), CAP);
        Target node = local();
        ProbeResult result = runner.run(
                        spec(
                                "metrics",
                                node,
                                Map.of(
                                        "values",
                                        Map.of(
                                                "root_free",
                                                        "node_filesystem_avail_bytes{mountpoint=\"/\"} / node_filesystem_size_bytes{mountpoint=\"/\"}",
                                                "goroutines", "go_goroutines")),
                                Duration.ofSeconds(5),
                                expect("root_free", Operator.GT, new Literal.Percent(30, "30%")),
                                expect("goroutines", Operator.LT, new Literal.Number(7, "7"))),
                        node,
                        new ProbeKey("daily", "resource-usage", 0, "node"))
                .toCompletableFuture()
                .join();

        assertEquals(ProbeStatus.DOWN, result.status());
        assertEquals(
                "root_free (30.9032012328%) > 30%", result.conditions().get(0).text());
        assertTrue(result.conditions().get(0).holds(), result.conditions()::toString);
        assertEquals("goroutines (7) < 7", result.conditions().get(1).text());
    }

    @Test
    void valueThatMatchesNoSeriesIsDownWithoutConditions() {
        Observation observation = observe(
                local(),
                Map.of(
                        "values",
                        Map.of(
                                "data_used",
                                        "1 - node_filesystem_avail_bytes{mountpoint=\"/data\"} / node_filesystem_size_bytes{mountpoint=\"/data\"}",
                                "load", "node_load1")));

        assertEquals(ProbeStatus.DOWN, observation.verdict());
        assertEquals(5.25, observation.values().get("load"));
        assertTrue(
                observation
                        .message()
                        .endsWith("; data_used: no series matches "
                                + "node_filesystem_avail_bytes{mountpoint=\"/data\"}"),
                observation.message());
    }

    @Test
    void protectedEndpointGetsTheCredentialsFromTheEnvironment() {
        Map<String, Object> values = Map.of("load", "node_load1");

        Observation allowed = observe(
                local(), Map.of("path", "/protected", "values", values, "auth_env", "ROUNDS_TEST_METRICS_AUTH"));
        Observation refused = observe(local(), Map.of("path", "/protected", "values", values));
        Observation unset =
                observe(local(), Map.of("path", "/protected", "values", values, "auth_env", "ROUNDS_TEST_UNSET"));

        assertEquals(5.25, allowed.values().get("load"), allowed.message());
        assertEquals(ProbeStatus.DOWN, refused.verdict());
        assertTrue(
                refused.message().endsWith("/protected; the API wants credentials: set auth_env"), refused.message());
        assertEquals(ProbeStatus.ERROR, unset.verdict());
        assertTrue(unset.message().startsWith("environment variable ROUNDS_TEST_UNSET is not set"), unset.message());
    }

    @Test
    void malformedPageIsDownNamingTheLine() {
        Observation observation = observe(local(), Map.of("path", "/broken", "values", Map.of("up", "up")));

        assertEquals(ProbeStatus.DOWN, observation.verdict());
        assertEquals(
                "metrics from http://127.0.0.1:" + server.getAddress().getPort() + "/broken are not in the "
                        + "Prometheus text format: line 3: 'one' is not a number: up{job=\"x\"} one",
                observation.message());
    }

    @Test
    void refusedPortIsDownNamingTheAddress() throws IOException {
        int unused;
        try (ServerSocket probe = new ServerSocket(0)) {
            unused = probe.getLocalPort();
        }

        Observation observation = observe(target("node", "127.0.0.1:" + unused), Map.of("preset", "node"));

        assertEquals(ProbeStatus.DOWN, observation.verdict());
        assertEquals(
                "connection refused by 127.0.0.1:" + unused + "; is prometheus-node-exporter running there? "
                        + "(Debian: apt install prometheus-node-exporter)",
                observation.message());
    }

    @Test
    void misconfigurationsAreErrors() {
        assertEquals(
                "expect names 'disk_usage', which is not one of this probe's values: load",
                observe(
                                local(),
                                Map.of("values", Map.of("load", "node_load1")),
                                expect("disk_usage", Operator.LT, new Literal.Percent(90, "90%")))
                        .message());
        assertEquals(
                "value 'load' (node_load1{) : expected a label name at column 12".replace(") :", "):"),
                observe(local(), Map.of("values", Map.of("load", "node_load1{")))
                        .message());
        assertEquals(
                "window 5s must be shorter than the timeout 5s to scrape twice",
                observe(local(), Map.of("preset", "node", "window", Duration.ofSeconds(5)))
                        .message());
        assertEquals(
                "preset must be node, got 'windows'",
                observe(local(), Map.of("preset", "windows")).message());
    }

    @Test
    void realNodeExporterOnThisMachine() throws Exception {
        assumeTrue(Files.isExecutable(NODE_EXPORTER), "prometheus-node-exporter is not installed");
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        Process exporter = new ProcessBuilder(NODE_EXPORTER.toString(), "--web.listen-address=127.0.0.1:" + port)
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.DISCARD)
                .start();
        try {
            awaitListening(port);
            Target node = target("localhost", "127.0.0.1:" + port);

            Observation observation = observe(node, Map.of("preset", "node"));

            assertNull(observation.verdict(), observation.message());
            assertEquals(7, observation.values().size(), observation.message());
            double busy = (Double) observation.values().get("cpu_busy");
            assertTrue(busy >= 0 && busy <= 100, "cpu_busy " + busy);
            double memory = (Double) observation.values().get("memory_used");
            assertTrue(memory > 0 && memory < 100, "memory_used " + memory);
            FileStore root = Files.getFileStore(Path.of("/"));
            double diskUsed = 100 * (1 - (double) root.getUsableSpace() / root.getTotalSpace());
            assertEquals(diskUsed, (Double) observation.values().get("disk_used"), 1.0);
            assertTrue((Double) observation.values().get("network_receive_errors") >= 0);
        } finally {
            exporter.destroy();
            if (!exporter.waitFor(10, TimeUnit.SECONDS)) exporter.destroyForcibly();
        }
        assertFalse(exporter.isAlive());
    }

    /** Bounded poll: node_exporter needs a moment before it listens. */
    private static void awaitListening(int port) throws InterruptedException {
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(15);
        while (System.nanoTime() < deadline) {
            try (Socket socket = new Socket("127.0.0.1", port)) {
                return;
            } catch (IOException notYet) {
                Thread.sleep(50);
            }
        }
        throw new AssertionError("node_exporter did not listen on 127.0.0.1:" + port + " within 15s");
    }
}
