package dev.rounds.probe;

import dev.rounds.audit.AuditLog;
import dev.rounds.checklist.Checklist;
import dev.rounds.checklist.ChecklistSet;
import dev.rounds.checklist.Inventory;
import dev.rounds.checklist.ProbeSpec;
import dev.rounds.checklist.Target;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import org.flywaydb.core.Flyway;

/**
 * Sustained schedule benchmark, not a test: the real {@link ProbeScheduler} runs 10,000 continuous TCP probes
 * (1,000 probes over 10 targets each, against 1,000 loopback listeners) at {@code every: 1m}, their results going
 * through the {@link ResultWriter} into a file H2 database, and reports the start lag (the instant the runner is
 * called minus the probe's slot) as p50, p99 and max. The baseline in the same run is a bare
 * {@code ScheduledExecutorService} firing the same slots and doing nothing else.
 *
 * <p>Run from the project folder:
 * <pre>
 * ./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
 * java -cp target/classes:target/test-classes:$(cat target/test-classpath.txt) dev.rounds.probe.ScheduleLagBenchmark [every-seconds] [seconds-per-side] [probes]
 * </pre>
 * Defaults: every 60 s, 70 s per side (every probe starts at least once), 10,000 probes: about two and a half
 * minutes in all. A shorter interval keeps the rate if the probe count shrinks with it, e.g. {@code 10 20 1667}.
 * The slots come from {@link ProbeSlots#firstRun}, so both sides fire exactly the same instants.
 */
public final class ScheduleLagBenchmark {

    private static final int TARGETS_PER_PROBE = 10;

    private ScheduleLagBenchmark() {}

    public static void main(String[] args) throws Exception {
        Duration every = Duration.ofSeconds(args.length > 0 ? Integer.parseInt(args[0]) : 60);
        Duration length = Duration.ofSeconds(args.length > 1 ? Integer.parseInt(args[1]) : 70);
        int probes = args.length > 2 ? Integer.parseInt(args[2]) : 10_000;
        Vertx targets = Vertx.vertx();
        Vertx vertx = Vertx.vertx();
        List<Integer> ports =
                ProbeThroughputBenchmark.listen(targets, (probes + TARGETS_PER_PROBE - 1) / TARGETS_PER_PROBE);
        ChecklistSet configuration = configuration(ports, every, probes);
        List<ProbeKey> keys = new ArrayList<>();
        for (ProbeSpec spec :
                configuration.checklists().get(0).activities().get(0).probes()) {
            for (Target target : spec.targets()) keys.add(new ProbeKey("lag", "probes", spec.index(), target.id()));
        }
        System.out.printf(
                "%,d continuous tcp probes every %s against %d loopback listeners, %d s per side%n",
                keys.size(), every, ports.size(), length.toSeconds());

        System.out.println("baseline  ScheduledExecutorService: " + executorLags(keys, every, length));

        var folder = Files.createTempDirectory("rounds-schedule-benchmark");
        String url = "jdbc:h2:file:" + folder.resolve("rounds") + ";DB_CLOSE_ON_EXIT=FALSE";
        Flyway.configure()
                .dataSource(url, "rounds", "")
                .locations("classpath:db/migration/common")
                .load()
                .migrate();
        try (Connection connection = DriverManager.getConnection(url, "rounds", "")) {
            connection.setAutoCommit(false);
            System.out.println("rounds    ProbeScheduler:           "
                    + schedulerLags(vertx, connection, configuration, every, length));
        }
        vertx.close().toCompletionStage().toCompletableFuture().join();
        targets.close().toCompletionStage().toCompletableFuture().join();
    }

    private static ChecklistSet configuration(List<Integer> ports, Duration every, int probes) {
        var specs = new ArrayList<ProbeSpec>();
        for (int i = 0; i < ports.size(); i++) {
            var targets = new ArrayList<Target>();
            for (int t = 0; t < TARGETS_PER_PROBE && i * TARGETS_PER_PROBE + t < probes; t++) {
                targets.add(Fixtures.target("host" + t, "127.0.0.1"));
            }
            specs.add(
                    Fixtures.continuous(i, "tcp", targets, Map.of("port", ports.get(i)), every, Duration.ofSeconds(2)));
        }
        Checklist checklist =
                Fixtures.checklist("lag", Fixtures.activity("probes", true, specs.toArray(ProbeSpec[]::new)));
        return new ChecklistSet(List.of(checklist), new Inventory(Map.of(), List.of(), null, null));
    }

    /** Start lags in nanoseconds as a sorted array, summarised. */
    private record Lags(long[] sorted, String detail) {

        static Lags of(ConcurrentLinkedQueue<Long> lags, String detail) {
            long[] sorted = lags.stream().mapToLong(Long::longValue).toArray();
            Arrays.sort(sorted);
            return new Lags(sorted, detail);
        }

        private double millis(double quantile) {
            if (sorted.length == 0) return Double.NaN;
            return sorted[Math.min(sorted.length - 1, (int) Math.ceil(quantile * sorted.length) - 1)] / 1e6;
        }

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "start lag p50 %7.1f ms  p99 %7.1f ms  max %7.1f ms  (%,d starts%s)",
                    millis(0.5),
                    millis(0.99),
                    sorted.length == 0 ? Double.NaN : sorted[sorted.length - 1] / 1e6,
                    sorted.length,
                    detail);
        }
    }

    /** Each probe's slots fired by one scheduled-executor thread at a fixed rate, recording only the lag. */
    private static Lags executorLags(List<ProbeKey> keys, Duration every, Duration length) throws Exception {
        var lags = new ConcurrentLinkedQueue<Long>();
        var executor = Executors.newSingleThreadScheduledExecutor();
        Clock clock = Clock.systemUTC();
        Instant now = clock.instant();
        long nanosAtNow = System.nanoTime();
        for (ProbeKey key : keys) {
            long firstSlot = nanosAtNow
                    + Duration.between(now, ProbeSlots.firstRun(key, every, now))
                            .toNanos();
            long[] slot = {firstSlot};
            executor.scheduleAtFixedRate(
                    () -> {
                        lags.add(System.nanoTime() - slot[0]);
                        slot[0] += every.toNanos();
                    },
                    firstSlot - System.nanoTime(),
                    every.toNanos(),
                    TimeUnit.NANOSECONDS);
        }
        Thread.sleep(length.toMillis());
        executor.shutdownNow();
        return Lags.of(lags, "");
    }

    /** The real scheduler, runner and writer; the lag is taken where the scheduler hands a probe to the runner. */
    private static Lags schedulerLags(
            Vertx vertx, Connection connection, ChecklistSet configuration, Duration every, Duration length)
            throws Exception {
        var registry = new SimpleMeterRegistry();
        Clock clock = Clock.systemUTC();
        var lags = new ConcurrentLinkedQueue<Long>();
        AuditLog audit = (actor, action, subject, detail) -> 0;
        var writer = new ResultWriter(
                ProbeThroughputBenchmark.plainJdbc(connection), audit, 1000, Duration.ofSeconds(1), 100_000, registry);
        var runner = new ProbeRunner(vertx, clock, registry, new ProbeTypes(), 1024 * 1024) {
            @Override
            public CompletionStage<ProbeResult> run(ProbeSpec spec, Target target, ProbeKey key) {
                Instant started = clock.instant();
                Instant next = ProbeSlots.firstRun(key, every, started);
                // firstRun rounds down to the millisecond, so a slot started within its millisecond comes back.
                Instant slot = next.isAfter(started) ? next.minus(every) : next;
                lags.add(Duration.between(slot, started).toNanos());
                return super.run(spec, target, key);
            }
        };
        var scheduler = new ProbeScheduler(runner, writer, clock, vertx, 512, Duration.ofMillis(100), registry);
        writer.start();
        double cpuStart = ProbeThroughputBenchmark.cpuSeconds();
        scheduler.follow(configuration);
        scheduler.start();
        Thread.sleep(length.toMillis());
        scheduler.stop();
        double cpu = ProbeThroughputBenchmark.cpuSeconds() - cpuStart;
        writer.stop();
        long up = (long) registry.get("rounds.probe.results")
                .tag("status", "up")
                .counter()
                .count();
        return Lags.of(
                lags,
                String.format(
                        Locale.ROOT,
                        "; %,d up, %d skipped, %,.0f written, %.1f CPU s",
                        up,
                        scheduler.skipped(),
                        registry.get("rounds.probe.results.written").counter().count(),
                        cpu));
    }
}
