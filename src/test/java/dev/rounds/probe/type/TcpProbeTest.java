package dev.rounds.probe.type;

import static dev.rounds.probe.Fixtures.bool;
import static dev.rounds.probe.Fixtures.expect;
import static dev.rounds.probe.Fixtures.spec;
import static dev.rounds.probe.Fixtures.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rounds.checklist.Operator;
import dev.rounds.checklist.Target;
import dev.rounds.probe.ProbeHarness;
import dev.rounds.probe.ProbeKey;
import dev.rounds.probe.ProbeResult;
import dev.rounds.probe.ProbeRunner;
import dev.rounds.probe.ProbeStatus;
import dev.rounds.probe.ResettingServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The tcp probe against real sockets on 127.0.0.1. */
class TcpProbeTest {

    private static final ProbeKey KEY = new ProbeKey("daily", "network", 0, "local");

    private static ProbeRunner runner;

    @BeforeAll
    static void start() {
        runner = ProbeHarness.runner(Clock.systemUTC(), 1024);
    }

    private static int unusedPort() throws IOException {
        try (ServerSocket socket = new ServerSocket(0)) {
            return socket.getLocalPort();
        }
    }

    private static ProbeResult run(Target target, int port, dev.rounds.checklist.Condition... expect) {
        return runner.run(spec("tcp", target, Map.of("port", port), Duration.ofSeconds(2), expect), target, KEY)
                .toCompletableFuture()
                .join();
    }

    @Test
    void listeningPortIsUpWithItsConnectTime() throws IOException {
        try (ServerSocket listening = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            ProbeResult result = run(target("local", "127.0.0.1"), listening.getLocalPort());

            assertEquals(ProbeStatus.UP, result.status(), result.message());
            assertEquals(true, result.values().get("connected"));
            Duration connectTime = (Duration) result.values().get("connect_time");
            assertTrue(!connectTime.isNegative() && connectTime.compareTo(Duration.ofSeconds(2)) < 0);
        }
    }

    @Test
    void refusedPortIsDownAndNotConnected() throws IOException {
        int port = unusedPort();

        ProbeResult result = run(target("local", "127.0.0.1"), port);

        assertEquals(ProbeStatus.DOWN, result.status());
        assertEquals("connection refused by 127.0.0.1:" + port, result.message());
        assertEquals(false, result.values().get("connected"));
    }

    @Test
    void peerThatResetsAtOnceIsDownInPlainWords() throws IOException {
        try (ResettingServer resetting = new ResettingServer(false)) {
            // The reset races the connect's completion: a connect seen complete first is up, as it should be.
            ProbeResult result = null;
            for (int attempt = 0; attempt < 50 && (result == null || result.status() == ProbeStatus.UP); attempt++) {
                result = run(target("local", "127.0.0.1"), resetting.port());
            }

            assertEquals(ProbeStatus.DOWN, result.status(), result.message());
            assertEquals("connection reset by 127.0.0.1:" + resetting.port(), result.message());
            assertFalse(
                    result.message().contains("Exception") || result.message().contains("java."));
        }
    }

    @Test
    void closedPortCanBeExpected() throws IOException {
        // Judging depends on Condition.evaluate (the checklist feature's condition language).
        ProbeResult result =
                run(target("local", "127.0.0.1"), unusedPort(), expect("connected", Operator.EQ, bool(false)));

        assertEquals(ProbeStatus.UP, result.status(), result.message());
    }

    @Test
    void hostNameIsResolvedBeforeConnecting() throws IOException {
        try (ServerSocket listening = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            ProbeResult result = run(target("local", "localhost"), listening.getLocalPort());

            assertEquals(ProbeStatus.UP, result.status(), result.message());
        }
    }

    @Test
    void unknownHostNameIsDownAndNamed() {
        ProbeResult result = run(target("local", "no-such-host.invalid"), 80);

        assertEquals(ProbeStatus.DOWN, result.status());
        assertEquals("cannot resolve host name 'no-such-host.invalid'", result.message());
    }

    @Test
    void portThatNeverCompletesTheHandshakeIsDownAtTheTimeout() throws IOException {
        // A backlog of one that is never accepted: once it is full, the kernel drops further connection attempts.
        try (ServerSocket full = new ServerSocket(0, 1, InetAddress.getByName("127.0.0.1"))) {
            var fillers = new java.util.ArrayList<java.net.Socket>();
            try {
                for (int i = 0; i < 8; i++) {
                    var filler = new java.net.Socket();
                    filler.connect(full.getLocalSocketAddress(), 200);
                    fillers.add(filler);
                }
            } catch (IOException backlogFull) {
                // the backlog is full: exactly what this test needs
            }
            ProbeResult result = run(target("local", "127.0.0.1"), full.getLocalPort());

            assertEquals(ProbeStatus.DOWN, result.status());
            assertEquals("could not connect to 127.0.0.1:" + full.getLocalPort() + " within 2s", result.message());
            assertTrue(result.duration().compareTo(Duration.ofMillis(1900)) >= 0, result.duration()::toString);
            assertTrue(result.duration().compareTo(Duration.ofMillis(3000)) < 0, result.duration()::toString);
            for (var filler : fillers) filler.close();
        }
    }
}
