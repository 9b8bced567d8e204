package dev.rounds.probe.type;

import static dev.rounds.probe.Fixtures.bool;
import static dev.rounds.probe.Fixtures.expect;
import static dev.rounds.probe.Fixtures.number;
import static dev.rounds.probe.Fixtures.spec;
import static dev.rounds.probe.Fixtures.target;
import static dev.rounds.probe.Fixtures.text;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rounds.checklist.Condition;
import dev.rounds.checklist.Operator;
import dev.rounds.checklist.Target;
import dev.rounds.probe.ProbeHarness;
import dev.rounds.probe.ProbeKey;
import dev.rounds.probe.ProbeResult;
import dev.rounds.probe.ProbeRunner;
import dev.rounds.probe.ProbeStatus;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** The dns probe through the machine's own resolver: {@code localhost} and the reserved {@code .invalid} TLD. */
class DnsProbeTest {

    private static final ProbeKey KEY = new ProbeKey("daily", "network-reachable", 1, "local");

    private static ProbeRunner runner;

    @BeforeAll
    static void start() {
        runner = ProbeHarness.runner(Clock.systemUTC(), 1024);
    }

    private static ProbeResult run(Target target, Map<String, Object> settings, Condition... expect) {
        return runner.run(spec("dns", target, settings, Duration.ofSeconds(5), expect), target, KEY)
                .toCompletableFuture()
                .join();
    }

    @Test
    void localhostResolvesToLoopbackWithItsAnswersAndLookupTime() {
        // Judging depends on Condition.evaluate (the checklist feature's condition language).
        ProbeResult result = run(
                target("local", "127.0.0.1"),
                Map.of("name", "localhost", "family", "ipv4"),
                expect("answers", Operator.CONTAINS, text("127.0.0.1")),
                expect("answer_count", Operator.GE, number(1)));

        assertEquals(ProbeStatus.UP, result.status(), result.message());
        assertEquals(true, result.values().get("resolved"));
        assertTrue(
                Arrays.asList(((String) result.values().get("answers")).split(","))
                        .contains("127.0.0.1"),
                result.values()::toString);
        assertInstanceOf(Duration.class, result.values().get("lookup_time"));
        assertTrue(result.message().startsWith("'localhost' resolved to "), result.message());
    }

    @Test
    void nameDefaultsToTheTargetsHost() {
        ProbeResult result = run(target("local", "localhost:8080"), Map.of("family", "ipv4"));

        assertEquals(ProbeStatus.UP, result.status(), result.message());
        assertTrue(((String) result.values().get("answers")).contains("127.0.0.1"), result.values()::toString);
    }

    @Test
    void unresolvableNameIsDownAndNamed() {
        ProbeResult result = run(target("local", "no-such-host.invalid"), Map.of());

        assertEquals(ProbeStatus.DOWN, result.status());
        assertEquals("cannot resolve 'no-such-host.invalid'", result.message());
        assertEquals(false, result.values().get("resolved"));
        assertEquals(0, result.values().get("answer_count"));
    }

    @Test
    void unresolvableNameCanBeExpected() {
        // Judging depends on Condition.evaluate (the checklist feature's condition language).
        ProbeResult result = run(
                target("local", "127.0.0.1"),
                Map.of("name", "retired.invalid"),
                expect("resolved", Operator.EQ, bool(false)));

        assertEquals(ProbeStatus.UP, result.status(), result.message());
    }

    @Test
    void familyKeepsOnlyAddressesOfThatFamily() {
        ProbeResult result = run(target("local", "127.0.0.1"), Map.of("family", "ipv6"));

        assertEquals(ProbeStatus.DOWN, result.status());
        assertEquals("'127.0.0.1' has no IPv6 address", result.message());
        assertEquals(0, result.values().get("answer_count"));
    }

    @Test
    void unknownFamilyIsAnError() {
        ProbeResult result = run(target("local", "127.0.0.1"), Map.of("family", "ipx"));

        assertEquals(ProbeStatus.ERROR, result.status());
        assertEquals("family must be ipv4, ipv6 or any, got 'ipx'", result.message());
    }
}
