package dev.rounds.probe;

import dev.rounds.checklist.Condition;
import dev.rounds.checklist.ConditionOutcome;
import dev.rounds.checklist.Durations;
import dev.rounds.checklist.ProbeSpec;
import dev.rounds.checklist.Target;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.vertx.core.Vertx;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Any;
import jakarta.enterprise.inject.Instance;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.stream.Collectors;

/**
 * Runs one probe against one target and turns what it observed into a {@link ProbeResult}: it enforces the
 * timeout whatever the probe type does, books anything the type throws as {@code error}, judges the conditions
 * and measures the run. It never blocks and its stage never fails.
 *
 * <p>String values longer than {@value #KEPT_CHARS} characters are shortened in the result (conditions judged
 * them whole), so that a response body does not end up in every stored row.
 */
@ApplicationScoped
public class ProbeRunner {

    static final int KEPT_CHARS = 1000;

    private final Vertx vertx;
    private final Clock clock;
    private final MeterRegistry registry;
    private final ProbeTypes types;
    private final long maxBytes;
    private final List<ProbeFacility> facilities;
    private final Map<List<String>, Meters> meters = new ConcurrentHashMap<>();

    private record Meters(Timer duration, Counter results) {}

    @Inject
    public ProbeRunner(
            Vertx vertx,
            Clock clock,
            MeterRegistry registry,
            ProbeTypes types,
            ProbeConfig config,
            @Any Instance<ProbeFacility> facilities) {
        this(
                vertx,
                clock,
                registry,
                types,
                config.maxBytes(),
                facilities.stream().toList());
    }

    public ProbeRunner(Vertx vertx, Clock clock, MeterRegistry registry, ProbeTypes types, long maxBytes) {
        this(vertx, clock, registry, types, maxBytes, List.of());
    }

    public ProbeRunner(
            Vertx vertx,
            Clock clock,
            MeterRegistry registry,
            ProbeTypes types,
            long maxBytes,
            List<ProbeFacility> facilities) {
        this.facilities = List.copyOf(facilities);
        this.vertx = vertx;
        this.clock = clock;
        this.registry = registry;
        this.types = types;
        this.maxBytes = maxBytes;
    }

    public CompletionStage<ProbeResult> run(ProbeSpec spec, Target target, ProbeKey key) {
        Instant startedAt = clock.instant();
        long startNanos = System.nanoTime();
        Duration timeout = spec.timeoutFor(target);
        var observed = new CompletableFuture<Observation>();
        // The type should honour the timeout itself; the grace lets its own, more precise message win.
        long guard = vertx.setTimer(
                timeout.toMillis() + Math.max(100, timeout.toMillis() / 10),
                id -> observed.complete(Observation.down(
                        Map.of(), spec.type() + " probe did not finish within " + Durations.format(timeout))));
        try {
            var type = types.type(spec.type());
            if (type.isEmpty()) {
                observed.complete(Observation.error(
                        "unknown probe type '" + spec.type() + "'; known types: " + String.join(", ", types.types())));
            } else {
                var context = new ProbeContext(vertx, clock, maxBytes, facilities);
                type.get()
                        .observe(spec, ownAddressed(target, context), context)
                        .whenComplete((observation, failure) ->
                                observed.complete(failure == null ? observation : failed(failure)));
            }
        } catch (RuntimeException | LinkageError failure) {
            observed.complete(failed(failure));
        }
        return observed.handle((observation, impossible) -> {
            vertx.cancelTimer(guard);
            ProbeResult result;
            try {
                result = judge(spec, key, startedAt, Duration.ofNanos(System.nanoTime() - startNanos), observation);
            } catch (RuntimeException failure) {
                result = new ProbeResult(
                        key,
                        spec.type(),
                        startedAt,
                        Duration.ofNanos(System.nanoTime() - startNanos),
                        ProbeStatus.ERROR,
                        Map.of(),
                        List.of(),
                        "cannot judge the result: " + describe(failure));
            }
            record(result);
            return result;
        });
    }

    private ProbeResult judge(ProbeSpec spec, ProbeKey key, Instant startedAt, Duration duration, Observation seen) {
        Map<String, Object> kept = kept(seen.values());
        if (seen.verdict() != null) {
            return new ProbeResult(
                    key,
                    spec.type(),
                    startedAt,
                    duration,
                    seen.verdict(),
                    kept,
                    List.of(),
                    seen.message(),
                    seen.setup());
        }
        var outcomes = new ArrayList<ConditionOutcome>();
        for (Condition condition : spec.expect()) {
            outcomes.add(
                    condition.evaluate(seen.values().get(condition.operand().key())));
        }
        String failing = outcomes.stream()
                .filter(o -> !o.holds())
                .map(ConditionOutcome::text)
                .collect(Collectors.joining("; "));
        if (failing.isEmpty()) {
            return new ProbeResult(
                    key, spec.type(), startedAt, duration, ProbeStatus.UP, kept, outcomes, seen.message());
        }
        String message = seen.message() == null || seen.message().isBlank() ? failing : failing + "; " + seen.message();
        return new ProbeResult(key, spec.type(), startedAt, duration, ProbeStatus.DOWN, kept, outcomes, message);
    }

    private static Map<String, Object> kept(Map<String, Object> values) {
        Map<String, Object> kept = new LinkedHashMap<>(values);
        kept.replaceAll((name, value) -> value instanceof String text && text.length() > KEPT_CHARS
                ? text.substring(0, KEPT_CHARS) + "..."
                : value);
        return kept;
    }

    private void record(ProbeResult result) {
        Meters meters = this.meters.computeIfAbsent(
                List.of(
                        result.key().checklistId(),
                        result.type(),
                        result.status().label()),
                tags -> new Meters(
                        Timer.builder("rounds.probe.duration")
                                .description("How long probe runs take")
                                .tags("checklist", tags.get(0), "type", tags.get(1), "status", tags.get(2))
                                .register(registry),
                        Counter.builder("rounds.probe.results")
                                .description("Probe results by outcome")
                                .tags("checklist", tags.get(0), "type", tags.get(1), "status", tags.get(2))
                                .register(registry)));
        meters.duration().record(result.duration());
        meters.results().increment();
    }

    /** The target with Rounds' own port in its address where the inventory asks for it ({@link OwnPort}). */
    private Target ownAddressed(Target target, ProbeContext context) {
        if (target.address() == null || !target.address().contains(OwnPort.PLACEHOLDER)) return target;
        return context.facility(OwnPort.class).resolve(target);
    }

    /** What a type threw, booked as {@code error}: with its setup need when it says Rounds lacks something. */
    private static Observation failed(Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause instanceof SetupMissing missing
                ? Observation.misconfigured(missing)
                : Observation.error(describe(cause));
    }

    private static String describe(Throwable failure) {
        Throwable cause =
                failure instanceof CompletionException && failure.getCause() != null ? failure.getCause() : failure;
        return cause.getMessage() != null
                ? cause.getMessage()
                : cause.getClass().getName();
    }
}
