package dev.rounds.probe.type;

import static dev.rounds.probe.Fixtures.expect;
import static dev.rounds.probe.Fixtures.spec;
import static dev.rounds.probe.Fixtures.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;

import com.sun.net.httpserver.HttpExchange;
import com.sun.net.httpserver.HttpServer;
import com.sun.net.httpserver.HttpsConfigurator;
import com.sun.net.httpserver.HttpsServer;
import dev.rounds.checklist.Condition;
import dev.rounds.checklist.Literal;
import dev.rounds.checklist.Operator;
import dev.rounds.checklist.Target;
import dev.rounds.probe.ProbeHarness;
import dev.rounds.probe.ProbeKey;
import dev.rounds.probe.ProbeResult;
import dev.rounds.probe.ProbeRunner;
import dev.rounds.probe.ProbeStatus;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The http probe over https against a real HTTPS server on 127.0.0.1 whose self-signed certificate (keytool) is
 * valid from 2026-01-01 for 100 days; the probe's clock stands at 2026-03-02, 40 days before it expires.
 */
class HttpsProbeTest {

    private static final ProbeKey KEY = new ProbeKey("daily", "services-up", 0, "local");
    private static final Instant NOW = Instant.parse("2026-03-02T00:00:00Z");

    @TempDir
    static Path folder;

    private static ProbeRunner runner;
    private static HttpsServer https;
    private static HttpServer plain;

    @BeforeAll
    static void start() throws IOException, GeneralSecurityException {
        runner = ProbeHarness.runner(Clock.fixed(NOW, ZoneOffset.UTC), 1024);
        Path store = new TestCertificates(folder)
                .selfSigned(
                        "self.p12",
                        "localhost",
                        "dns:localhost,ip:127.0.0.1",
                        Instant.parse("2026-01-01T00:00:00Z"),
                        100);
        https = HttpsServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        https.setHttpsConfigurator(new HttpsConfigurator(TestCertificates.serverContext(store)));
        https.createContext("/", HttpsProbeTest::ok);
        https.start();
        plain = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 50);
        plain.createContext("/", HttpsProbeTest::ok);
        plain.start();
    }

    private static void ok(HttpExchange exchange) throws IOException {
        exchange.sendResponseHeaders(204, -1);
        exchange.close();
    }

    @AfterAll
    static void stop() {
        https.stop(0);
        plain.stop(0);
    }

    private static ProbeResult run(Target target, Map<String, Object> settings, Condition... expect) {
        return runner.run(spec("http", target, settings, Duration.ofSeconds(5), expect), target, KEY)
                .toCompletableFuture()
                .join();
    }

    private static Condition moreThan30Days() {
        return expect("cert_expiry", Operator.GT, new Literal.Time(Duration.ofDays(30), "30d"));
    }

    @Test
    void unverifiedHttpsReportsTheCertificateExpiry() {
        // Judging depends on Condition.evaluate (the checklist feature's condition language).
        Target target = target("local", "127.0.0.1:" + https.getAddress().getPort());

        ProbeResult result = run(target, Map.of("scheme", "https", "verify", false), moreThan30Days());

        assertEquals(ProbeStatus.UP, result.status(), result.message());
        assertEquals(204, result.values().get("status"));
        assertEquals(Duration.ofDays(40), result.values().get("cert_expiry"));
    }

    @Test
    void verifiedHttpsRefusesTheSelfSignedServer() {
        Target target = target("local", "127.0.0.1:" + https.getAddress().getPort());

        ProbeResult result = run(target, Map.of("scheme", "https"), moreThan30Days());

        assertEquals(ProbeStatus.DOWN, result.status());
        assertEquals(
                "TLS with 127.0.0.1:" + https.getAddress().getPort() + " failed: the server's certificate is "
                        + "not trusted (unable to find valid certification path to requested target)",
                result.message());
    }

    @Test
    void plainHttpHasNoCertificateExpiry() {
        Target target = target("local", "127.0.0.1:" + plain.getAddress().getPort());

        ProbeResult result = run(target, Map.of(), moreThan30Days());

        assertEquals(ProbeStatus.DOWN, result.status());
        assertFalse(result.values().containsKey("cert_expiry"));
        assertEquals("cert_expiry (missing) > 30d", result.conditions().get(0).text());
    }
}
