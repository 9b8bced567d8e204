package dev.rounds.probe;

import dev.rounds.audit.AuditLog;
import dev.rounds.checklist.ProbeSpec;
import dev.rounds.checklist.Target;
import dev.rounds.report.rollup.RollupFold;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.vertx.core.Vertx;
import io.vertx.core.net.NetServer;
import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.net.InetSocketAddress;
import java.nio.channels.SelectionKey;
import java.nio.channels.Selector;
import java.nio.channels.SocketChannel;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import org.flywaydb.core.Flyway;

/**
 * Probe throughput benchmark, not a test: TCP probes through {@link ProbeRunner} and {@link ResultWriter} into a
 * file H2 database against 1,000 loopback listeners, next to a baseline in the same run: a bare Java NIO connect
 * loop (one selector thread, same concurrency, connect then close) against the same listeners.
 *
 * <p>Run from the project folder:
 * <pre>
 * ./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/test-classpath.txt -Dmdep.includeScope=test
 * java -cp target/classes:target/test-classes:$(cat target/test-classpath.txt) dev.rounds.probe.ProbeThroughputBenchmark [seconds] [listeners] [concurrency] [batch-size]
 * </pre>
 * Defaults: 10 seconds, 1,000 listeners, 512 probes in flight (the scheduler's default), batches of 1,000 results
 * ({@code rounds.probe.batch-size}). Each side first runs a
 * warm-up as long as its measurement, not counted (the JIT needs it for H2, Jackson and the digest). The baseline
 * runs again after the probes, so that a change in the machine's load during the run shows, and the ratio is taken
 * against the mean of both baselines.
 *
 * <p>Outside Quarkus there is no JTA, so the writer's transactions here are plain JDBC commits on one connection
 * (its Quarkus constructor wraps the same work in {@code QuarkusTransaction.requiringNew()}), and the audit log only
 * counts its appends: the real one adds one row per batch, about ten a second at this rate. Everything else
 * (queue, batching, id blocks, JSON, digest, probe_state) is the production code path. The listeners run in this
 * JVM on a Vert.x of their own, for the baseline too; 1,000 of them fit the default limit of open files here.
 */
public final class ProbeThroughputBenchmark {

    private ProbeThroughputBenchmark() {}

    public static void main(String[] args) throws Exception {
        int seconds = args.length > 0 ? Integer.parseInt(args[0]) : 10;
        int listenerCount = args.length > 1 ? Integer.parseInt(args[1]) : 1000;
        int concurrency = args.length > 2 ? Integer.parseInt(args[2]) : 512;
        int batchSize = args.length > 3 ? Integer.parseInt(args[3]) : 1000;
        // The targets get a Vert.x of their own, as they would be other processes: the probes' event loops then do
        // only the probes' work, as in the application. The baseline's selector thread likewise runs apart.
        Vertx targets = Vertx.vertx();
        Vertx vertx = Vertx.vertx();
        try {
            List<Integer> ports = listen(targets, listenerCount);
            System.out.printf(
                    Locale.ROOT,
                    "%d loopback listeners, %d in flight, batches of %d, %d s per side, %d cores, load average %.1f%n",
                    ports.size(),
                    concurrency,
                    batchSize,
                    seconds,
                    Runtime.getRuntime().availableProcessors(),
                    ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

            nioConnectLoop(ports, concurrency, Duration.ofSeconds(seconds));
            Rate before = nioConnectLoop(ports, concurrency, Duration.ofSeconds(seconds));
            System.out.println("baseline  bare NIO connect loop:   " + before);

            Path folder = Files.createTempDirectory("rounds-benchmark");
            String url = "jdbc:h2:file:" + folder.resolve("rounds") + ";DB_CLOSE_ON_EXIT=FALSE";
            // The application's H2 migrations, callback included: results are written as durably as Rounds writes them.
            Flyway.configure()
                    .dataSource(url, "rounds", "")
                    .locations("classpath:db/migration/common", "classpath:db/migration/h2")
                    .load()
                    .migrate();
            try (Connection connection = DriverManager.getConnection(url, "rounds", "")) {
                connection.setAutoCommit(false);
                roundsProbes(vertx, connection, url, ports, concurrency, batchSize, Duration.ofSeconds(seconds));
                Rate rounds = roundsProbes(
                        vertx, connection, url, ports, concurrency, batchSize, Duration.ofSeconds(seconds));
                System.out.println("rounds    tcp probes persisted:    " + rounds);
                // A second baseline after the probes shows how much the machine's load drifted meanwhile.
                Rate after = nioConnectLoop(ports, concurrency, Duration.ofSeconds(seconds));
                System.out.println("baseline  bare NIO connect loop:   " + after);
                System.out.printf(
                        Locale.ROOT,
                        "ratio     rounds / mean baseline:  %.2f per wall second, %.2f per CPU second%n",
                        rounds.perSecond() / ((before.perSecond() + after.perSecond()) / 2),
                        rounds.perCpuSecond() / ((before.perCpuSecond() + after.perCpuSecond()) / 2));
            }
        } finally {
            // Vert.x threads are not daemons: a failed run must close them, or the JVM never exits.
            vertx.close().toCompletionStage().toCompletableFuture().join();
            targets.close().toCompletionStage().toCompletableFuture().join();
        }
    }

    /**
     * What one side achieved. CPU seconds are this process's, listeners included: on a machine shared with other
     * work they show the cost of a probe even when the wall-clock rate is starved.
     */
    private record Rate(long count, double seconds, double cpuSeconds, String detail) {

        double perSecond() {
            return count / seconds;
        }

        double perCpuSecond() {
            return count / cpuSeconds;
        }

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "%,9.0f/s  %,9.0f per CPU second  (%,d in %.1f s, %.1f CPU s%s)",
                    perSecond(),
                    perCpuSecond(),
                    count,
                    seconds,
                    cpuSeconds,
                    detail);
        }
    }

    static double cpuSeconds() {
        return ((com.sun.management.OperatingSystemMXBean) ManagementFactory.getOperatingSystemMXBean())
                        .getProcessCpuTime()
                / 1e9;
    }

    static List<Integer> listen(Vertx vertx, int count) {
        var ports = new ArrayList<Integer>();
        for (int i = 0; i < count; i++) {
            try {
                NetServer server = vertx.createNetServer()
                        .connectHandler(socket -> {})
                        .listen(0, "127.0.0.1")
                        .toCompletionStage()
                        .toCompletableFuture()
                        .join();
                ports.add(server.actualPort());
            } catch (RuntimeException limit) {
                System.out.printf("stopped at %d listeners: %s%n", ports.size(), limit.getMessage());
                break;
            }
        }
        return ports;
    }

    /** Connects and closes as fast as one selector thread can, keeping {@code concurrency} connects in flight. */
    private static Rate nioConnectLoop(List<Integer> ports, int concurrency, Duration length) throws IOException {
        var addresses = ports.stream()
                .map(port -> new InetSocketAddress("127.0.0.1", port))
                .toList();
        long done = 0;
        int next = 0;
        var threadsBefore = ThreadCpu.ofThisProcess();
        double cpuStart = cpuSeconds();
        long start = System.nanoTime();
        long end = start + length.toNanos();
        try (Selector selector = Selector.open()) {
            int inFlight = 0;
            while (true) {
                boolean open = System.nanoTime() < end;
                while (open && inFlight < concurrency) {
                    SocketChannel channel = SocketChannel.open();
                    channel.configureBlocking(false);
                    if (channel.connect(addresses.get(next++ % addresses.size()))) {
                        channel.close();
                        done++;
                    } else {
                        channel.register(selector, SelectionKey.OP_CONNECT);
                        inFlight++;
                    }
                }
                if (!open && inFlight == 0) break;
                selector.select(100);
                for (SelectionKey key : selector.selectedKeys()) {
                    SocketChannel channel = (SocketChannel) key.channel();
                    try {
                        if (channel.finishConnect()) done++;
                    } catch (IOException refused) {
                        // counted as not done
                    }
                    key.cancel();
                    channel.close();
                    inFlight--;
                }
                selector.selectedKeys().clear();
            }
        }
        return new Rate(
                done,
                (System.nanoTime() - start) / 1e9,
                cpuSeconds() - cpuStart,
                "\n          CPU by thread: " + ThreadCpu.ofThisProcess().since(threadsBefore));
    }

    /**
     * Runs TCP probes through the runner into the writer, {@code concurrency} at a time, while the rollup fold keeps
     * up on a connection of its own every second, as in the application; rate of persisted rows, and how far the
     * fold lagged when the probes stopped.
     */
    private static Rate roundsProbes(
            Vertx vertx,
            Connection connection,
            String url,
            List<Integer> ports,
            int concurrency,
            int batchSize,
            Duration length)
            throws Exception {
        var registry = new SimpleMeterRegistry();
        var appends = new AtomicLong();
        AuditLog audit = (actor, action, subject, detail) -> appends.incrementAndGet();
        var writer =
                new ResultWriter(plainJdbc(connection), audit, batchSize, Duration.ofSeconds(1), 100_000, registry);
        var runner = new ProbeRunner(vertx, Clock.systemUTC(), registry, new ProbeTypes(), 1024 * 1024);
        var specs = new ArrayList<ProbeSpec>();
        var targets = new ArrayList<Target>();
        for (int port : ports) {
            Target target = Fixtures.target("t" + port, "127.0.0.1");
            targets.add(target);
            specs.add(Fixtures.spec("tcp", target, Map.of("port", port), Duration.ofSeconds(2)));
        }
        long rowsBefore = count(connection, "SELECT COUNT(*) FROM probe_result");
        long upBefore = count(connection, "SELECT COUNT(*) FROM probe_result WHERE status = 'up'");
        var folding = new Folding(url);
        writer.start();
        folding.start();
        var threadsBefore = ThreadCpu.ofThisProcess();
        double cpuStart = cpuSeconds();
        long start = System.nanoTime();
        long end = start + length.toNanos();
        var next = new AtomicInteger();
        var inFlight = new AtomicInteger();
        var finished = new CountDownLatch(1);
        Runnable[] launch = new Runnable[1];
        launch[0] = () -> {
            if (System.nanoTime() >= end) {
                if (inFlight.decrementAndGet() == 0) finished.countDown();
                return;
            }
            if (!writer.hasRoom(concurrency)) {
                vertx.setTimer(1, id -> launch[0].run());
                return;
            }
            int i = Math.floorMod(next.getAndIncrement(), specs.size());
            runner.run(
                            specs.get(i),
                            targets.get(i),
                            new ProbeKey("benchmark", "tcp", 0, targets.get(i).id()))
                    .thenAccept(result -> {
                        writer.submit(result);
                        launch[0].run();
                    });
        };
        inFlight.set(concurrency);
        for (int i = 0; i < concurrency; i++) vertx.runOnContext(ignored -> launch[0].run());
        finished.await();
        double writerCpu = threadCpuSeconds("rounds-result-writer");
        String threads = ThreadCpu.ofThisProcess().since(threadsBefore);
        writer.stop();
        double elapsed = (System.nanoTime() - start) / 1e9;
        double cpu = cpuSeconds() - cpuStart;
        double foldCpu = threadCpuSeconds(Folding.THREAD);
        long foldedWhileProbing = folding.stop();
        long persisted = count(connection, "SELECT COUNT(*) FROM probe_result") - rowsBefore;
        long up = count(connection, "SELECT COUNT(*) FROM probe_result WHERE status = 'up'") - upBefore;
        long dropped =
                (long) registry.get("rounds.probe.results.dropped").counter().count();
        return new Rate(
                persisted,
                elapsed,
                cpu,
                String.format(
                        Locale.ROOT,
                        "; writer thread %.1f CPU s; rollup fold %.1f CPU s, %,d folded meanwhile; %,d up, %,d dropped,"
                                + " %d digest entries%n          CPU by thread: %s",
                        writerCpu,
                        foldCpu,
                        foldedWhileProbing,
                        up,
                        dropped,
                        appends.get(),
                        threads));
    }

    /** The rollup fold as RollupJob runs it: a chunk per transaction, then a pause of a second when caught up. */
    private static final class Folding {

        static final String THREAD = "rounds-rollup-fold";
        private static final ProbeSpec EVERY_MINUTE = new ProbeSpec(
                0, "tcp", "t", List.of(), Map.of(), Duration.ofMinutes(1), Duration.ofSeconds(2), 2, List.of());

        private final Connection connection;
        private final RollupFold fold;
        private final AtomicLong folded = new AtomicLong();
        private volatile boolean running = true;
        private final Thread thread;

        Folding(String url) throws SQLException {
            connection = DriverManager.getConnection(url, "rounds", "");
            connection.setAutoCommit(false);
            fold = new RollupFold(20_000, ZoneOffset.UTC, key -> EVERY_MINUTE, Clock.systemUTC(), Duration.ZERO);
            thread = new Thread(this::loop, THREAD);
        }

        void start() {
            thread.start();
        }

        private void loop() {
            try {
                while (running) {
                    int chunk = fold.foldNextChunk(connection);
                    connection.commit();
                    folded.addAndGet(chunk);
                    if (chunk == 0) Thread.sleep(1000);
                }
            } catch (SQLException | InterruptedException e) {
                throw new IllegalStateException("the fold failed: " + e.getMessage(), e);
            }
        }

        /** Stops folding; returns how many results it folded while the probes ran. */
        long stop() throws Exception {
            running = false;
            thread.join();
            long meanwhile = folded.get();
            while (fold.foldNextChunk(connection) > 0) connection.commit();
            connection.commit();
            connection.close();
            return meanwhile;
        }
    }

    /** The writer's transactions outside Quarkus: plain commits and rollbacks on one connection. */
    static ResultWriter.Transactions plainJdbc(Connection connection) {
        return work -> {
            try {
                work.run(connection);
                connection.commit();
            } catch (SQLException | RuntimeException failure) {
                try {
                    connection.rollback();
                } catch (SQLException ignored) {
                    // the original failure is what matters
                }
                throw new IllegalStateException(failure.getMessage(), failure);
            }
        };
    }

    private static double threadCpuSeconds(String name) {
        var threads = ManagementFactory.getThreadMXBean();
        return Thread.getAllStackTraces().keySet().stream()
                        .filter(thread -> thread.getName().equals(name))
                        .mapToLong(thread -> threads.getThreadCpuTime(thread.getId()))
                        .sum()
                / 1e9;
    }

    private static long count(Connection connection, String sql) throws SQLException {
        try (var statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            long count = rows.getLong(1);
            connection.commit();
            return count;
        }
    }
}
