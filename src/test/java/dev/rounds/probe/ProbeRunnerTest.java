package dev.rounds.probe;

import static dev.rounds.probe.Fixtures.expect;
import static dev.rounds.probe.Fixtures.number;
import static dev.rounds.probe.Fixtures.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rounds.checklist.Condition;
import dev.rounds.checklist.Operator;
import dev.rounds.checklist.ProbeSchema;
import dev.rounds.checklist.ProbeSpec;
import dev.rounds.checklist.Target;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/** What the runner makes of whatever a probe type does. */
class ProbeRunnerTest {

    private static final Instant NOW = Instant.parse("2026-11-26T08:19:19.123456Z");
    private static final ProbeKey KEY = new ProbeKey("daily", "services-up", 0, "host01");
    private static final Target HOST = target("host01", "host01.example.internal");

    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();

    /** A probe type whose behaviour each test chooses. */
    private record Scripted(String name, Supplier<CompletionStage<Observation>> behaviour) implements ProbeType {
        @Override
        public ProbeSchema schema() {
            return new ProbeSchema(name, Map.of(), Set.of(), Set.of("x"));
        }

        @Override
        public CompletionStage<Observation> observe(ProbeSpec spec, Target target, ProbeContext context) {
            return behaviour.get();
        }
    }

    private ProbeResult run(
            Supplier<CompletionStage<Observation>> behaviour, Duration timeout, Target target, Condition... expect) {
        var runner = ProbeHarness.runner(
                Clock.fixed(NOW, ZoneOffset.UTC),
                registry,
                new ProbeTypes(List.of(new Scripted("scripted", behaviour))),
                1024);
        var spec =
                new ProbeSpec(0, "scripted", target.id(), List.of(target), Map.of(), null, timeout, 2, List.of(expect));
        return runner.run(spec, target, KEY).toCompletableFuture().join();
    }

    private static Supplier<CompletionStage<Observation>> measuring(Map<String, Object> values) {
        return () -> CompletableFuture.completedFuture(Observation.measured(values, "measured"));
    }

    @Test
    void typeThatThrowsIsAnErrorWithTheExceptionMessage() {
        ProbeResult result = run(
                () -> {
                    throw new IllegalStateException("secret ROUNDS_TOKEN is not set");
                },
                Duration.ofSeconds(1),
                HOST);

        assertEquals(ProbeStatus.ERROR, result.status());
        assertEquals("secret ROUNDS_TOKEN is not set", result.message());
    }

    @Test
    void typeWhoseStageFailsIsAnError() {
        ProbeResult result = run(
                () -> CompletableFuture.failedFuture(new IllegalArgumentException("bad feed URL")),
                Duration.ofSeconds(1),
                HOST);

        assertEquals(ProbeStatus.ERROR, result.status());
        assertEquals("bad feed URL", result.message());
    }

    @Test
    void typeThatNeverFinishesIsDownShortlyAfterItsTimeout() {
        ProbeResult result = run(CompletableFuture::new, Duration.ofMillis(300), HOST);

        assertEquals(ProbeStatus.DOWN, result.status());
        assertEquals("scripted probe did not finish within 300ms", result.message());
        assertTrue(result.duration().compareTo(Duration.ofMillis(300)) >= 0, result.duration()::toString);
        assertTrue(result.duration().compareTo(Duration.ofMillis(1000)) < 0, result.duration()::toString);
    }

    @Test
    void withoutItsOwnTimeoutAProbeUsesTheTargetsInheritedOne() {
        Target slowGroup = new Target(
                "host02",
                "host02",
                List.of("hyperv-hosts"),
                null,
                Map.of(),
                List.of(),
                Map.of("timeout", Duration.ofMillis(200)),
                true,
                null);

        ProbeResult result = run(CompletableFuture::new, null, slowGroup);

        assertEquals("scripted probe did not finish within 200ms", result.message());
    }

    @Test
    void fixedVerdictStandsWhateverTheConditionsSay() {
        ProbeResult result = run(
                () -> CompletableFuture.completedFuture(
                        Observation.down(Map.of("x", 1), "connection refused by host01:443")),
                Duration.ofSeconds(1),
                HOST,
                expect("x", Operator.EQ, number(1)));

        assertEquals(ProbeStatus.DOWN, result.status());
        assertEquals("connection refused by host01:443", result.message());
        assertEquals(List.of(), result.conditions());
    }

    @Test
    void allConditionsHoldingIsUp() {
        // Judging depends on Condition.evaluate (the checklist feature's condition language).
        ProbeResult result = run(
                measuring(Map.of("x", 1)),
                Duration.ofSeconds(1),
                HOST,
                expect("x", Operator.EQ, number(1)),
                expect("x", Operator.LT, number(5)));

        assertEquals(ProbeStatus.UP, result.status());
        assertEquals("measured", result.message());
        assertEquals(2, result.conditions().size());
    }

    @Test
    void aFailingConditionIsDownAndNamedInTheMessage() {
        // Judging depends on Condition.evaluate (the checklist feature's condition language).
        ProbeResult result = run(
                measuring(Map.of("x", 7)),
                Duration.ofSeconds(1),
                HOST,
                expect("x", Operator.LT, number(5)),
                expect("x", Operator.GT, number(1)));

        assertEquals(ProbeStatus.DOWN, result.status());
        assertTrue(result.message().startsWith(result.conditions().get(0).text()), result.message());
        assertTrue(result.message().contains("7"), result.message());
        assertEquals(
                List.of(false, true),
                result.conditions().stream().map(c -> c.holds()).toList());
    }

    @Test
    void unknownTypeIsAnErrorListingTheKnownOnes() {
        var runner = ProbeHarness.runner(Clock.fixed(NOW, ZoneOffset.UTC), registry, new ProbeTypes(), 1024);
        var spec =
                new ProbeSpec(0, "snmp", "host01", List.of(HOST), Map.of(), null, Duration.ofSeconds(1), 2, List.of());

        ProbeResult result = runner.run(spec, HOST, KEY).toCompletableFuture().join();

        assertEquals(ProbeStatus.ERROR, result.status());
        // Every type in the service file is listed; the catalogue grows, so the list is not spelled out here.
        assertEquals(
                "unknown probe type 'snmp'; known types: " + String.join(", ", new ProbeTypes().types()),
                result.message());
        assertTrue(result.message().contains("ping, tcp, tls"), result.message());
    }

    @Test
    void resultCarriesTheClocksStartAndIsCountedByChecklistTypeAndStatus() {
        ProbeResult result = run(measuring(Map.of("x", 1)), Duration.ofSeconds(1), HOST);

        assertEquals(NOW, result.startedAt());
        assertEquals(KEY, result.key());
        assertEquals(
                1.0,
                registry.get("rounds.probe.results")
                        .tags("checklist", "daily", "type", "scripted", "status", "up")
                        .counter()
                        .count());
        assertEquals(
                1,
                registry.get("rounds.probe.duration")
                        .tags("checklist", "daily", "type", "scripted", "status", "up")
                        .timer()
                        .count());
    }

    @Test
    void longTextValuesAreShortenedInTheResult() {
        ProbeResult result = run(measuring(Map.of("body", "y".repeat(5000))), Duration.ofSeconds(1), HOST);

        assertEquals(ProbeRunner.KEPT_CHARS + 3, ((String) result.values().get("body")).length());
    }
}
