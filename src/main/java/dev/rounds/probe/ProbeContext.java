package dev.rounds.probe;

import io.vertx.core.Vertx;
import java.time.Clock;
import java.util.List;
import java.util.concurrent.Callable;
import java.util.concurrent.CompletionStage;

/**
 * The facilities a probe run may use.
 *
 * @param maxBytes the most a probe may read from a target
 * @param facilities the application services probes may need, see {@link ProbeFacility}
 */
public record ProbeContext(Vertx vertx, Clock clock, long maxBytes, List<ProbeFacility> facilities) {

    public ProbeContext {
        facilities = List.copyOf(facilities);
    }

    /** A context without application services: enough for the network probes. */
    public ProbeContext(Vertx vertx, Clock clock, long maxBytes) {
        this(vertx, clock, maxBytes, List.of());
    }

    /**
     * The facility of the given kind.
     *
     * @throws IllegalStateException when this context has none, which the runner books as an {@code error}
     */
    public <T extends ProbeFacility> T facility(Class<T> kind) {
        return facilities.stream()
                .filter(kind::isInstance)
                .map(kind::cast)
                .findFirst()
                .orElseThrow(() -> new IllegalStateException("no " + kind.getSimpleName() + " is available here"));
    }

    /**
     * Runs work that must block (a file system walk, a child process, the system resolver) on a Vert.x worker
     * thread, never on the event loop. Unordered: blocking probes do not wait for each other.
     */
    public <T> CompletionStage<T> blocking(Callable<T> work) {
        return vertx.executeBlocking(work, false).toCompletionStage();
    }
}
