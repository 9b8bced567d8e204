package dev.rounds.probe;

import static dev.rounds.probe.Fixtures.activity;
import static dev.rounds.probe.Fixtures.checklist;
import static dev.rounds.probe.Fixtures.continuous;
import static dev.rounds.probe.Fixtures.target;
import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rounds.TestClock;
import dev.rounds.checklist.ChecklistSet;
import dev.rounds.checklist.Inventory;
import dev.rounds.checklist.ProbeSchema;
import dev.rounds.checklist.ProbeSpec;
import dev.rounds.checklist.Target;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Bounded concurrency and start lag, with probes that finish when the test says so. */
class ProbeSchedulerConcurrencyTest {

    private final List<CompletableFuture<Observation>> running = new CopyOnWriteArrayList<>();
    private final SimpleMeterRegistry registry = new SimpleMeterRegistry();
    private final TestClock clock = new TestClock();
    private Vertx vertx;
    private ProbeScheduler scheduler;

    /** A probe type that runs until the test completes it. */
    private final class Gate implements ProbeType {
        @Override
        public ProbeSchema schema() {
            return new ProbeSchema("gate", Map.of(), Set.of(), Set.of());
        }

        @Override
        public CompletionStage<Observation> observe(ProbeSpec spec, Target target, ProbeContext context) {
            var run = new CompletableFuture<Observation>();
            running.add(run);
            return run;
        }
    }

    @BeforeEach
    void start() {
        vertx = ProbeHarness.vertx();
        var runner = ProbeHarness.runner(clock, registry, new ProbeTypes(List.of(new Gate())), 1024);
        // This test is about starting probes; what the writer does with results is tested against a database.
        var writer = new ResultWriter(
                work -> {}, (actor, action, subject, detail) -> 0, 100, Duration.ofSeconds(1), 1000, registry);
        scheduler = new ProbeScheduler(runner, writer, clock, vertx, 2, Duration.ofMillis(100), registry);
        List<Target> targets = IntStream.range(0, 5)
                .mapToObj(i -> target("host" + i, "127.0.0.1"))
                .toList();
        scheduler.follow(new ChecklistSet(
                List.of(checklist(
                        "daily",
                        activity(
                                "gated",
                                true,
                                continuous(
                                        0, "gate", targets, Map.of(), Duration.ofMinutes(1), Duration.ofMinutes(5))))),
                new Inventory(Map.of(), List.of(), null, null)));
    }

    @AfterEach
    void stop() {
        running.forEach(run -> run.complete(Observation.measured(Map.of(), "released")));
    }

    @Test
    void dueProbesBeyondTheConcurrencyLimitWaitTheirTurn() {
        clock.advance(Duration.ofMinutes(1));

        scheduler.tick();
        assertEquals(2, running.size());
        assertEquals(2, scheduler.inFlight());

        running.get(0).complete(Observation.measured(Map.of(), "done"));
        clock.advance(Duration.ofSeconds(3));
        scheduler.tick();

        assertEquals(3, running.size(), "one more starts as soon as one finished");
        assertEquals(2, scheduler.inFlight());
    }

    @Test
    void startLagIsHowLateAProbeStartsAfterItsSlot() {
        var firstSlot = scheduler.nextRuns().values().stream()
                .min(java.util.Comparator.naturalOrder())
                .orElseThrow();
        clock.advance(Duration.between(clock.instant(), firstSlot).plusMillis(250));

        scheduler.tick();

        var lag = registry.get("rounds.probe.start.lag").timer();
        assertEquals(running.size(), lag.count());
        assertEquals(250, lag.max(java.util.concurrent.TimeUnit.MILLISECONDS), 0.001);
    }
}
