package dev.rounds.probe.type;

import static dev.rounds.probe.Fixtures.expect;
import static dev.rounds.probe.Fixtures.millis;
import static dev.rounds.probe.Fixtures.spec;
import static dev.rounds.probe.Fixtures.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rounds.checklist.Condition;
import dev.rounds.checklist.Literal;
import dev.rounds.checklist.Operator;
import dev.rounds.checklist.Target;
import dev.rounds.probe.Observation;
import dev.rounds.probe.ProbeHarness;
import dev.rounds.probe.ProbeKey;
import dev.rounds.probe.ProbeResult;
import dev.rounds.probe.ProbeRunner;
import dev.rounds.probe.ProbeStatus;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The ping probe running the system's iputils ping against 127.0.0.1. */
class PingProbeTest {

    private static final ProbeKey KEY = new ProbeKey("daily", "network-reachable", 1, "local");

    private static ProbeRunner runner;

    @BeforeAll
    static void start() {
        runner = ProbeHarness.runner(Clock.systemUTC(), 1024);
    }

    private static ProbeResult run(Target target, Map<String, Object> settings, Duration timeout, Condition... expect) {
        return runner.run(spec("ping", target, settings, timeout, expect), target, KEY)
                .toCompletableFuture()
                .join();
    }

    private static Observation observe(PingProbe probe, Target target, Duration timeout) {
        return probe.observe(
                        spec("ping", target, Map.of(), timeout), target, ProbeHarness.context(Clock.systemUTC(), 1024))
                .toCompletableFuture()
                .join();
    }

    @Test
    void loopbackAnswersEveryPacket() {
        // Judging depends on Condition.evaluate (the checklist feature's condition language).
        ProbeResult result = run(
                target("local", "127.0.0.1"),
                Map.of("count", 3, "interval", Duration.ofMillis(200)),
                Duration.ofSeconds(3),
                expect("packet_loss", Operator.LT, new Literal.Percent(20, "20%")),
                expect("rtt", Operator.LT, millis(500)));

        assertEquals(ProbeStatus.UP, result.status(), result.message());
        assertEquals(3, result.values().get("transmitted"));
        assertEquals(3, result.values().get("received"));
        assertEquals(0.0, result.values().get("packet_loss"));
        Duration rtt = (Duration) result.values().get("rtt");
        Duration rttMax = (Duration) result.values().get("rtt_max");
        assertTrue(!rtt.isNegative() && !rtt.isZero() && rttMax.compareTo(rtt) >= 0, result.values()::toString);
        assertEquals("packet_loss (0%) < 20%", result.conditions().get(0).text());
        assertTrue(
                result.message()
                        .matches("3/3 replies from 127\\.0\\.0\\.1, 0% loss, rtt [0-9.]+ms \\(max [0-9.]+ms\\)"),
                result.message());
    }

    @Test
    void countAndHostNameAreHonoured() {
        ProbeResult result = run(target("local", "localhost:8080"), Map.of("count", 2), Duration.ofSeconds(3));

        assertEquals(ProbeStatus.UP, result.status(), result.message());
        assertEquals(2, result.values().get("transmitted"));
    }

    @Test
    void unresolvableHostIsDownWithWhatPingSaid() {
        ProbeResult result = run(target("local", "no-such-host.invalid"), Map.of(), Duration.ofSeconds(3));

        assertEquals(ProbeStatus.DOWN, result.status());
        assertTrue(
                result.message().startsWith("ping to no-such-host.invalid failed: no-such-host.invalid: "),
                result.message());
    }

    @Test
    void packetsThatDoNotFitInTheTimeoutAreAnError() {
        ProbeResult result = run(
                target("local", "127.0.0.1"),
                Map.of("count", 20, "interval", Duration.ofSeconds(1)),
                Duration.ofSeconds(3));

        assertEquals(ProbeStatus.ERROR, result.status());
        assertEquals(
                "20 packets 1s apart do not fit in the timeout of 3s: lower count or interval, or raise the "
                        + "timeout",
                result.message());
    }

    @Test
    void hostThatLooksLikeAnOptionIsRefused() {
        ProbeResult result = run(target("local", "-f"), Map.of(), Duration.ofSeconds(3));

        assertEquals(ProbeStatus.ERROR, result.status());
        assertEquals("'-f' is not a host name or address", result.message());
    }

    @Test
    void missingPingNamesThePackageToInstall(@TempDir Path folder) {
        Observation observation = observe(
                new PingProbe(folder.resolve("ping").toString()), target("local", "127.0.0.1"), Duration.ofSeconds(3));

        assertEquals(ProbeStatus.ERROR, observation.verdict());
        assertTrue(
                observation
                        .message()
                        .endsWith("the ping probe needs the system ping from the iputils-ping "
                                + "package (apt-get install iputils-ping)"),
                observation.message());
    }

    @Test
    void pingThatHangsIsKilledAtTheTimeout(@TempDir Path folder) throws Exception {
        // The real ping always ends within its -W wait; a stand-in that hangs exercises the kill.
        Path pidFile = folder.resolve("pid");
        Path hanging = folder.resolve("hanging-ping");
        Files.writeString(hanging, "#!/bin/sh\necho $$ > " + pidFile + "\nexec sleep 60\n");
        Files.setPosixFilePermissions(hanging, PosixFilePermissions.fromString("rwx------"));

        Observation observation =
                observe(new PingProbe(hanging.toString()), target("local", "127.0.0.1"), Duration.ofSeconds(1));

        assertEquals(ProbeStatus.DOWN, observation.verdict());
        assertEquals("ping to 127.0.0.1 did not finish within 1s", observation.message());
        ProcessHandle stopped = ProcessHandle.of(
                        Long.parseLong(Files.readString(pidFile).strip()))
                .orElse(null);
        if (stopped != null) stopped.onExit().get(5, TimeUnit.SECONDS);
        assertFalse(stopped != null && stopped.isAlive(), "the hanging process is gone");
    }
}
