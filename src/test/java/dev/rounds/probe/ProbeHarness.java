package dev.rounds.probe;

import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.List;

/**
 * Where probe tests run probes outside the application: one Vert.x for the whole test run, started at first use and
 * closed when the JVM ends, instead of one per test class, and the runners and contexts the tests build on it.
 * Tests run one class at a time, and nothing a probe leaves on Vert.x outlives its timeout.
 */
public final class ProbeHarness {

    private static Vertx vertx;

    private ProbeHarness() {}

    /** The test run's Vert.x. */
    public static synchronized Vertx vertx() {
        if (vertx == null) {
            Vertx started = Vertx.vertx();
            Runtime.getRuntime()
                    .addShutdownHook(new Thread(
                            () -> started.close()
                                    .toCompletionStage()
                                    .toCompletableFuture()
                                    .join(),
                            "probe-harness-vertx-close"));
            vertx = started;
        }
        return vertx;
    }

    /** A runner of every probe type, with meters of its own. */
    public static ProbeRunner runner(Clock clock, long maxBytes) {
        return runner(clock, new SimpleMeterRegistry(), new ProbeTypes(), maxBytes);
    }

    /** A runner of these probe types, counting into this registry. */
    public static ProbeRunner runner(Clock clock, MeterRegistry registry, ProbeTypes types, long maxBytes) {
        return new ProbeRunner(vertx(), clock, registry, types, maxBytes);
    }

    /** What a probe type is handed when it runs, with these facilities. */
    public static ProbeContext context(Clock clock, long maxBytes, ProbeFacility... facilities) {
        return new ProbeContext(vertx(), clock, maxBytes, List.of(facilities));
    }
}
