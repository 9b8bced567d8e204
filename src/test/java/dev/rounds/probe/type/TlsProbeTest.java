package dev.rounds.probe.type;

import static dev.rounds.probe.Fixtures.bool;
import static dev.rounds.probe.Fixtures.expect;
import static dev.rounds.probe.Fixtures.spec;
import static dev.rounds.probe.Fixtures.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rounds.checklist.Condition;
import dev.rounds.checklist.Literal;
import dev.rounds.checklist.Operator;
import dev.rounds.checklist.Target;
import dev.rounds.probe.ProbeHarness;
import dev.rounds.probe.ProbeKey;
import dev.rounds.probe.ProbeResult;
import dev.rounds.probe.ProbeStatus;
import dev.rounds.probe.SilentServer;
import java.io.IOException;
import java.net.ServerSocket;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The tls probe against real TLS servers on 127.0.0.1 whose certificates, made by keytool in the test, are valid
 * from 2026-01-01 for 100 days: until 2026-04-11T00:00:00Z. The probes' clock is fixed, so figures are exact.
 */
class TlsProbeTest {

    private static final ProbeKey KEY = new ProbeKey("daily", "certificates", 0, "local");
    private static final Instant ISSUED = Instant.parse("2026-01-01T00:00:00Z");
    private static final Instant MARCH = Instant.parse("2026-03-02T00:00:00Z");
    private static final Instant MAY = Instant.parse("2026-05-01T00:00:00Z");

    @TempDir
    static Path folder;

    private static Path caFile;
    private static TlsServer selfSigned;
    private static TlsServer caSigned;

    @BeforeAll
    static void start() throws IOException, GeneralSecurityException {
        var certificates = new TestCertificates(folder);
        selfSigned = new TlsServer(TestCertificates.serverContext(
                certificates.selfSigned("self.p12", "localhost", "dns:localhost,ip:127.0.0.1", ISSUED, 100)));
        caFile = certificates.authority(ISSUED.minus(Duration.ofDays(365)), 3650);
        caSigned = new TlsServer(TestCertificates.serverContext(
                certificates.signed("leaf.p12", "service.test", "dns:service.test,dns:*.apps.test", ISSUED, 100)));
    }

    @AfterAll
    static void stop() throws IOException {
        selfSigned.close();
        caSigned.close();
    }

    private static ProbeResult run(Instant now, Target target, Map<String, Object> settings, Condition... expect) {
        var runner = ProbeHarness.runner(Clock.fixed(now, ZoneOffset.UTC), 1024);
        return runner.run(spec("tls", target, settings, Duration.ofSeconds(3), expect), target, KEY)
                .toCompletableFuture()
                .join();
    }

    private static Map<String, Object> trusting(String serverName, int port) {
        var settings = new HashMap<String, Object>(Map.of("port", port, "ca", caFile.toString()));
        settings.put("server_name", serverName);
        return settings;
    }

    @Test
    void selfSignedCertificateIsMeasuredToTheExactDay() {
        // Judging depends on Condition.evaluate (the checklist feature's condition language).
        ProbeResult result = run(
                MARCH,
                target("local", "localhost"),
                Map.of("port", selfSigned.port()),
                expect("cert_expiry", Operator.GT, new Literal.Time(Duration.ofDays(30), "30d")),
                expect("hostname_match", Operator.EQ, bool(true)));

        assertEquals(ProbeStatus.UP, result.status(), result.message());
        assertEquals(Duration.ofDays(40), result.values().get("cert_expiry"));
        assertEquals("2026-04-11T00:00:00Z", result.values().get("not_after"));
        assertEquals("CN=localhost", result.values().get("subject"));
        assertEquals("CN=localhost", result.values().get("issuer"));
        assertEquals(false, result.values().get("chain_valid"));
        assertTrue(selfSigned.requestedNames.contains("localhost"), selfSigned.requestedNames::toString);
    }

    @Test
    void selfSignedCertificateIsDownWithoutExpectBecauseNothingVouchesForIt() {
        ProbeResult result = run(MARCH, target("local", "127.0.0.1"), Map.of("port", selfSigned.port()));

        assertEquals(ProbeStatus.DOWN, result.status());
        assertTrue(
                result.message().startsWith("certificate of 127.0.0.1:" + selfSigned.port() + ": chain not trusted"),
                result.message());
        assertEquals(true, result.values().get("hostname_match"), "the IP address is in the certificate");
    }

    @Test
    void leafSignedByTheConfiguredCaIsValidAndUp() {
        ProbeResult result =
                run(MARCH, target("local", "127.0.0.1:" + caSigned.port()), trusting("service.test", caSigned.port()));

        assertEquals(ProbeStatus.UP, result.status(), result.message());
        assertEquals(true, result.values().get("chain_valid"));
        assertEquals(true, result.values().get("hostname_match"));
        assertEquals("CN=Rounds Test CA", result.values().get("issuer"));
        assertEquals(Duration.ofDays(40), result.values().get("cert_expiry"));
        assertTrue(caSigned.requestedNames.contains("service.test"), caSigned.requestedNames::toString);
    }

    @Test
    void wildcardCoversOneLabel() {
        ProbeResult result = run(MARCH, target("local", "127.0.0.1"), trusting("portal.apps.test", caSigned.port()));

        assertEquals(ProbeStatus.UP, result.status(), result.message());
    }

    @Test
    void wrongNameIsNoHostnameMatchAndDown() {
        ProbeResult result =
                run(MARCH, target("local", "127.0.0.1"), trusting("deep.portal.apps.test", caSigned.port()));

        assertEquals(ProbeStatus.DOWN, result.status());
        assertEquals(false, result.values().get("hostname_match"));
        assertEquals(true, result.values().get("chain_valid"));
        assertTrue(result.message().endsWith("certificate does not name 'deep.portal.apps.test'"), result.message());
    }

    @Test
    void expiredCertificateIsDownAndItsExpiryNegative() {
        ProbeResult result = run(MAY, target("local", "127.0.0.1"), trusting("service.test", caSigned.port()));

        assertEquals(ProbeStatus.DOWN, result.status());
        assertEquals(Duration.ofDays(-20), result.values().get("cert_expiry"));
        assertEquals(false, result.values().get("chain_valid"), "expired at the probe's clock");
        assertTrue(
                result.message()
                        .startsWith("certificate of 127.0.0.1:" + caSigned.port()
                                + ": expired 20d ago, on 2026-04-11T00:00:00Z"),
                result.message());
    }

    @Test
    void refusedPortIsDownAndNamed() throws IOException {
        int port;
        try (ServerSocket socket = new ServerSocket(0)) {
            port = socket.getLocalPort();
        }

        ProbeResult result = run(MARCH, target("local", "127.0.0.1"), Map.of("port", port));

        assertEquals(ProbeStatus.DOWN, result.status());
        assertEquals("connection refused by 127.0.0.1:" + port, result.message());
    }

    @Test
    void serverThatNeverAnswersTheHandshakeIsDownAtTheTimeout() throws IOException {
        try (SilentServer silent = new SilentServer()) {
            ProbeResult result = run(MARCH, target("local", "127.0.0.1"), Map.of("port", silent.port()));

            assertEquals(ProbeStatus.DOWN, result.status());
            assertEquals("no TLS handshake with 127.0.0.1:" + silent.port() + " within 3s", result.message());
        }
    }

    @Test
    void unreadableCaFileIsAnErrorNamingIt() {
        Map<String, Object> settings = Map.of(
                "port", caSigned.port(), "ca", folder.resolve("missing.pem").toString());

        ProbeResult result = run(MARCH, target("local", "127.0.0.1"), settings);

        assertEquals(ProbeStatus.ERROR, result.status());
        assertTrue(
                result.message().startsWith("ca file '" + folder.resolve("missing.pem") + "' cannot be read"),
                result.message());
    }
}
