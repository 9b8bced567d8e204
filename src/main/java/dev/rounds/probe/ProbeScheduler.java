package dev.rounds.probe;

import dev.rounds.checklist.Activity;
import dev.rounds.checklist.Checklist;
import dev.rounds.checklist.ChecklistSet;
import dev.rounds.checklist.ChecklistsLoaded;
import dev.rounds.checklist.ProbeSpec;
import dev.rounds.checklist.Target;
import dev.rounds.cluster.ClusterView;
import dev.rounds.cluster.Holdings;
import dev.rounds.cluster.Rendezvous;
import dev.rounds.cluster.SlotOwner;
import dev.rounds.core.CommandMode;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.quarkus.runtime.ShutdownEvent;
import io.quarkus.runtime.StartupEvent;
import io.vertx.core.Vertx;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicBoolean;
import java.util.concurrent.atomic.AtomicInteger;
import org.jboss.logging.Logger;

/**
 * Runs the continuous probes ({@code every:}) of the checklists in force against each of their targets, and
 * the once-per-occurrence probes on request.
 *
 * <p>Built for ten thousand probes a minute with a sub-second start lag: no job or thread per probe, but one
 * queue of next-run instants that a Vert.x timer looks at every {@code rounds.probe.tick}. Each probe's first
 * run is offset by a stable jitter (a hash of its {@link ProbeKey}) within its interval, so probes sharing an
 * interval spread over it and keep their slot across restarts and reloads. At most
 * {@code rounds.probe.max-concurrency} probes run at once; further due probes wait in the queue. A probe whose
 * previous run is still going is not started again: that run is counted in {@code rounds.probe.skipped}.
 *
 * <p>With several instances on one database, every instance keeps the whole schedule and runs the slots it owns
 * ({@link SlotOwner}, rendezvous hashing over the live members); each result is stored with its slot, which the
 * database accepts once per probe.
 */
@ApplicationScoped
public class ProbeScheduler implements Holdings {

    private static final Logger LOG = Logger.getLogger(ProbeScheduler.class);

    private final ProbeRunner runner;
    private final ResultWriter writer;
    private final SlotOwner owner;
    private final Clock clock;
    private final Vertx vertx;
    private final int maxConcurrency;
    private final Duration tick;
    private final PriorityQueue<Entry> queue = new PriorityQueue<>(Comparator.comparing(entry -> entry.due));
    private final Map<ProbeKey, Entry> entries = new HashMap<>();
    private final AtomicInteger inFlight = new AtomicInteger();
    private final RunsInFlight unhanded = new RunsInFlight();
    /** The latest {@link #runOnce} of each activity, by {@code checklist/activity}: see {@link #lastRunOnce}. */
    private final Map<String, CompletionStage<List<ProbeResult>>> lastOnce = new ConcurrentHashMap<>();

    private final Timer startLag;
    private final Counter skipped;
    private long timerId = -1;

    /** One scheduled probe against one target. Fields other than the flags are guarded by the scheduler. */
    private static final class Entry {
        final ProbeKey key;
        final long hash;
        ProbeSpec spec;
        Target target;
        Instant due;
        final AtomicBoolean running = new AtomicBoolean();
        volatile boolean retired;

        Entry(ProbeKey key, ProbeSpec spec, Target target, Instant due) {
            this.key = key;
            this.hash = Rendezvous.hash(key.toString());
            this.spec = spec;
            this.target = target;
            this.due = due;
        }
    }

    @Inject
    public ProbeScheduler(
            ProbeRunner runner,
            ResultWriter writer,
            SlotOwner owner,
            Clock clock,
            Vertx vertx,
            ProbeConfig config,
            MeterRegistry registry) {
        this(runner, writer, owner, clock, vertx, config.maxConcurrency(), config.tick(), registry);
    }

    /** A scheduler that runs every slot itself, as an instance alone does. */
    public ProbeScheduler(
            ProbeRunner runner,
            ResultWriter writer,
            Clock clock,
            Vertx vertx,
            int maxConcurrency,
            Duration tick,
            MeterRegistry registry) {
        this(runner, writer, SlotOwner.ALONE, clock, vertx, maxConcurrency, tick, registry);
    }

    public ProbeScheduler(
            ProbeRunner runner,
            ResultWriter writer,
            SlotOwner owner,
            Clock clock,
            Vertx vertx,
            int maxConcurrency,
            Duration tick,
            MeterRegistry registry) {
        this.runner = runner;
        this.writer = writer;
        this.owner = owner;
        this.clock = clock;
        this.vertx = vertx;
        this.maxConcurrency = maxConcurrency;
        this.tick = tick;
        this.startLag = Timer.builder("rounds.probe.start.lag")
                .description("How late continuous probes start after their scheduled instant")
                .publishPercentiles(0.5, 0.99)
                .publishPercentileHistogram()
                .register(registry);
        this.skipped = Counter.builder("rounds.probe.skipped")
                .description("Continuous probe runs not started because the previous run had not finished")
                .register(registry);
        Gauge.builder("rounds.probe.in.flight", inFlight, AtomicInteger::get)
                .description("Probes running now")
                .register(registry);
        Gauge.builder("rounds.probe.scheduled", this, ProbeScheduler::scheduled)
                .description("Continuous probes × targets on the schedule")
                .register(registry);
    }

    void onStart(@Observes StartupEvent event, CommandMode command) {
        if (!command.active()) start();
    }

    /** Before the writer's final flush (a later priority): no new runs, and the runs in flight hand over. */
    void onShutdown(@Observes @Priority(Interceptor.Priority.APPLICATION) ShutdownEvent event, ProbeConfig config) {
        stop();
        long started = System.nanoTime();
        int waitingFor = unhanded.count();
        boolean all = awaitHandedOver(config.stopGrace());
        LOG.infof(
                "probe scheduler stopped: waited %dms for %d probe runs in flight%s",
                Duration.ofNanos(System.nanoTime() - started).toMillis(),
                waitingFor,
                all
                        ? ""
                        : "; " + unhanded.count() + " did not finish within their timeouts or rounds.probe.stop-grace ("
                                + config.stopGrace().toSeconds() + " s) and are not written");
    }

    /**
     * Waits until every run started so far has handed its result to the writer, until the latest of their deadlines
     * (the runner ends a run at its timeout and a grace), or at most {@code grace}; returns whether all of them did.
     */
    public boolean awaitHandedOver(Duration grace) {
        return unhanded.await(grace);
    }

    /** Starts looking for due probes every tick. */
    public synchronized void start() {
        if (timerId < 0) timerId = vertx.setPeriodic(Math.max(1, tick.toMillis()), id -> tick());
    }

    /** Stops starting probes; runs in flight finish and hand their results to the writer. */
    public synchronized void stop() {
        if (timerId >= 0) vertx.cancelTimer(timerId);
        timerId = -1;
    }

    /** Follows a new configuration: unchanged probes keep their slot; new ones get their jittered one. */
    void onChecklistsLoaded(@Observes ChecklistsLoaded loaded) {
        follow(loaded.current());
    }

    /** Replaces the schedule with the continuous probes of this configuration. */
    public synchronized void follow(ChecklistSet configuration) {
        Instant now = clock.instant();
        record Wanted(ProbeSpec spec, Target target) {}
        var wanted = new HashMap<ProbeKey, Wanted>();
        for (Checklist checklist : configuration.checklists()) {
            for (Activity activity : checklist.activities()) {
                if (!activity.enabled()) continue;
                for (ProbeSpec spec : activity.probes()) {
                    if (!spec.isContinuous()) continue;
                    for (Target target : spec.targets()) {
                        if (!target.enabled()) continue;
                        wanted.put(
                                new ProbeKey(checklist.id(), activity.id(), spec.index(), target.id()),
                                new Wanted(spec, target));
                    }
                }
            }
        }
        entries.values().removeIf(entry -> {
            Wanted next = wanted.get(entry.key);
            boolean gone = next == null || !next.spec().every().equals(entry.spec.every());
            if (gone) entry.retired = true;
            return gone;
        });
        wanted.forEach((key, next) -> {
            Entry kept = entries.get(key);
            if (kept != null) {
                kept.spec = next.spec();
                kept.target = next.target();
            } else {
                Entry added = new Entry(
                        key,
                        next.spec(),
                        next.target(),
                        ProbeSlots.firstRun(key, next.spec().every(), now));
                entries.put(key, added);
                queue.add(added);
            }
        });
        queue.removeIf(entry -> entry.retired);
        LOG.infof("scheduled=%d continuous probes x targets", entries.size());
    }

    /** Starts every due probe that concurrency and the writer allow; the rest wait for a later tick. */
    public synchronized void tick() {
        Instant now = clock.instant();
        while (!queue.isEmpty()) {
            Entry entry = queue.peek();
            if (entry.retired) {
                queue.poll();
                continue;
            }
            if (entry.due.isAfter(now)) return;
            if (!owner.owns(entry.hash, entry.due)) {
                queue.poll();
                entry.due = slotAfter(entry.due, entry.spec.every(), now);
                queue.add(entry);
                continue;
            }
            if (entry.running.get()) {
                queue.poll();
                skipped.increment();
                entry.due = next(entry, now);
                queue.add(entry);
                continue;
            }
            if (inFlight.get() >= maxConcurrency || !writer.hasRoom(inFlight.get() + 1)) return;
            queue.poll();
            Instant due = entry.due;
            entry.due = next(entry, now);
            queue.add(entry);
            startLag.record(Duration.between(due, now));
            launch(entry, due);
        }
    }

    /** The slot after {@code entry.due} that is still ahead of {@code now}; slots passed over count as skipped. */
    private Instant next(Entry entry, Instant now) {
        Instant next = slotAfter(entry.due, entry.spec.every(), now);
        long passedOver = Duration.between(entry.due, next).toMillis()
                        / Math.max(1, entry.spec.every().toMillis())
                - 1;
        if (passedOver > 0) skipped.increment(passedOver);
        return next;
    }

    /** The first slot after {@code due} (slots are {@code every} apart) that is still ahead of {@code now}. */
    private static Instant slotAfter(Instant due, Duration every, Instant now) {
        Instant next = due.plus(every);
        if (!next.isAfter(now)) {
            long behind = Duration.between(next, now).toMillis() / Math.max(1, every.toMillis()) + 1;
            next = next.plus(every.multipliedBy(behind));
        }
        return next;
    }

    private void launch(Entry entry, Instant slot) {
        entry.running.set(true);
        inFlight.incrementAndGet();
        unhanded.started(entry.spec.timeoutFor(entry.target));
        CompletionStage<ProbeResult> run;
        try {
            run = runner.run(entry.spec, entry.target, entry.key);
        } catch (RuntimeException bug) {
            run = CompletableFuture.failedFuture(bug);
        }
        run.whenComplete((result, failure) -> {
            inFlight.decrementAndGet();
            entry.running.set(false);
            try {
                if (result != null) {
                    writer.submit(result, slot);
                } else {
                    LOG.errorf(failure, "probe=%s the runner failed without a result", entry.key);
                }
            } finally {
                unhanded.handedOver();
            }
        });
    }

    /**
     * Runs an activity's probes that have no {@code every} against each enabled target, once, for an occurrence
     * that opened or is retried. The results also go to the writer.
     */
    public CompletionStage<List<ProbeResult>> runOnce(Checklist checklist, Activity activity) {
        var runs = new ArrayList<CompletableFuture<ProbeResult>>();
        if (activity.enabled()) {
            for (ProbeSpec spec : activity.probes()) {
                if (spec.isContinuous()) continue;
                for (Target target : spec.targets()) {
                    if (!target.enabled()) continue;
                    var key = new ProbeKey(checklist.id(), activity.id(), spec.index(), target.id());
                    unhanded.started(spec.timeoutFor(target));
                    CompletableFuture<ProbeResult> run;
                    try {
                        run = runner.run(spec, target, key).toCompletableFuture();
                    } catch (RuntimeException bug) {
                        unhanded.handedOver();
                        throw bug;
                    }
                    runs.add(run.whenComplete((result, failure) -> {
                        try {
                            if (result != null) writer.submit(result);
                        } finally {
                            unhanded.handedOver();
                        }
                    }));
                }
            }
        }
        CompletionStage<List<ProbeResult>> all = CompletableFuture.allOf(runs.toArray(CompletableFuture[]::new))
                .thenApply(done -> runs.stream().map(CompletableFuture::join).toList());
        lastOnce.put(checklist.id() + "/" + activity.id(), all);
        return all;
    }

    /**
     * The latest {@link #runOnce} of an activity's probes, complete once their results are with the writer; complete
     * at once if there was none. The schedule starts these runs as occurrences open and are retried, without waiting
     * for them: this is how whoever drove the schedule (a test, say) waits for their results instead of polling.
     */
    public CompletionStage<List<ProbeResult>> lastRunOnce(String checklistId, String activityId) {
        return lastOnce.getOrDefault(checklistId + "/" + activityId, CompletableFuture.completedFuture(List.of()));
    }

    /** When each scheduled probe runs next. */
    public synchronized Map<ProbeKey, Instant> nextRuns() {
        var next = new HashMap<ProbeKey, Instant>();
        entries.forEach((key, entry) -> next.put(key, entry.due));
        return next;
    }

    /** Probes running now. */
    public int inFlight() {
        return inFlight.get();
    }

    /** Runs not started because the previous one had not finished or the schedule was behind. */
    public long skipped() {
        return (long) skipped.count();
    }

    /** How many probe × target pairs this instance runs now under {@code view}. */
    @Override
    public synchronized int held(ClusterView view) {
        Instant now = clock.instant();
        int held = 0;
        for (Entry entry : entries.values()) {
            if (view.owns(entry.hash, now)) held++;
        }
        return held;
    }

    private synchronized int scheduled() {
        return entries.size();
    }
}
