package dev.rounds.probe;

import dev.rounds.audit.AuditLog;
import dev.rounds.audit.ResultDigest;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Event;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.sql.Connection;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.function.Consumer;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Persists probe results in batches: one transaction per batch, written when {@code rounds.probe.batch-size}
 * results wait or at least every {@code rounds.probe.flush-interval}, with plain JDBC batch inserts
 * ({@link ResultStore}). The same transaction appends the batch's {@link ResultDigest} to the audit log and brings
 * {@code probe_state} up to date, so a batch is written whole or not at all, in the stored form
 * {@link StoredResult} describes. A batch that fails is retried once, then counted as lost.
 *
 * <p>Results wait in a bounded queue. The scheduler asks {@link #hasRoom(int)} before it starts probes, which holds
 * probes back while the database lags; a result that still finds the queue full is dropped, counted in
 * {@code rounds.probe.results.dropped} and logged, never silently.
 */
@ApplicationScoped
public class ResultWriter {

    /** Ids a batch takes from {@code probe_result_id_seq} (its increment), so also the largest batch. */
    public static final int ID_BLOCK = 10_000;

    private static final Logger LOG = Logger.getLogger(ResultWriter.class);

    /** Runs a unit of JDBC work as one new transaction, committed when it returns, rolled back if it throws. */
    @FunctionalInterface
    public interface Transactions {
        void inNewTransaction(SqlWork work);
    }

    /** JDBC work on the transaction's connection. */
    @FunctionalInterface
    public interface SqlWork {
        void run(Connection connection) throws SQLException;
    }

    private final Transactions transactions;
    private final AuditLog audit;
    private final Consumer<DownsWritten> downsWritten;
    private final ResultStore store = new ResultStore();
    private final int batchSize;
    private final long flushNanos;
    private final ArrayBlockingQueue<StoredResult> queue;
    private final ReentrantLock writing = new ReentrantLock();
    private final Counter dropped;
    private final Counter lost;
    private final Counter written;
    private final Counter duplicates;
    private final AtomicLong droppedSinceLog = new AtomicLong();
    private volatile boolean running;
    private volatile boolean stopped;
    private volatile long lastFlush = System.nanoTime();
    private volatile Thread thread;

    @Inject
    public ResultWriter(
            DataSource dataSource,
            AuditLog audit,
            ProbeConfig config,
            MeterRegistry registry,
            Event<DownsWritten> downsWritten) {
        this(
                work -> QuarkusTransaction.requiringNew().run(() -> {
                    try (Connection connection = dataSource.getConnection()) {
                        work.run(connection);
                    } catch (SQLException e) {
                        throw new IllegalStateException(e.getMessage(), e);
                    }
                }),
                audit,
                config.batchSize(),
                config.flushInterval(),
                config.queueCapacity(),
                registry,
                downsWritten::fireAsync);
    }

    public ResultWriter(
            Transactions transactions,
            AuditLog audit,
            int batchSize,
            Duration flushInterval,
            int queueCapacity,
            MeterRegistry registry) {
        this(transactions, audit, batchSize, flushInterval, queueCapacity, registry, written -> {});
    }

    /** @param downsWritten told after each committed batch that holds a down result */
    public ResultWriter(
            Transactions transactions,
            AuditLog audit,
            int batchSize,
            Duration flushInterval,
            int queueCapacity,
            MeterRegistry registry,
            Consumer<DownsWritten> downsWritten) {
        if (batchSize < 1 || batchSize > ID_BLOCK) {
            throw new IllegalArgumentException(
                    "rounds.probe.batch-size must be between 1 and " + ID_BLOCK + ", got " + batchSize);
        }
        this.transactions = transactions;
        this.audit = audit;
        this.downsWritten = downsWritten;
        this.batchSize = batchSize;
        this.flushNanos = flushInterval.toNanos();
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.dropped = Counter.builder("rounds.probe.results.dropped")
                .description("Probe results dropped because the writer's queue was full")
                .register(registry);
        this.lost = Counter.builder("rounds.probe.results.lost")
                .description("Probe results whose batch failed to write twice")
                .register(registry);
        this.written = Counter.builder("rounds.probe.results.written")
                .description("Probe results persisted")
                .register(registry);
        this.duplicates = Counter.builder("rounds.probe.results.duplicate")
                .description("Probe results not stored because another instance had stored their probe's slot")
                .register(registry);
        Gauge.builder("rounds.probe.results.queued", queue, Collection::size)
                .description("Probe results waiting for the writer")
                .register(registry);
    }

    /** Starts the thread that writes batches in the background. */
    @PostConstruct
    public synchronized void start() {
        if (running) return;
        running = true;
        stopped = false;
        thread = new Thread(this::loop, "rounds-result-writer");
        thread.setDaemon(true);
        thread.start();
    }

    /**
     * Stops the background thread and writes whatever is still queued. A result submitted afterwards is written at
     * once by the thread that submits it.
     */
    public void stop() {
        Thread stopping;
        synchronized (this) {
            running = false;
            stopped = true;
            stopping = thread;
        }
        if (stopping != null) {
            LockSupport.unpark(stopping);
            try {
                stopping.join(Duration.ofSeconds(30).toMillis());
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
        flush();
    }

    /**
     * After the probe scheduler has stopped and its runs have handed over their results (its observer's priority
     * is lower, so it runs first), and before the datasource closes (Agroal closes its pool when the container
     * shuts down, after every {@code ShutdownEvent} observer).
     */
    void onShutdown(@Observes @Priority(Interceptor.Priority.APPLICATION + 1000) ShutdownEvent event) {
        stop();
        LOG.infof(
                "result writer stopped: written=%d lost=%d dropped=%d waiting=%d",
                (long) written.count(), (long) lost.count(), (long) dropped.count(), queue.size());
    }

    /** Queues a result of no particular slot (a run once per occurrence, a test's result); see {@link #submit(ProbeResult, Instant)}. */
    public boolean submit(ProbeResult result) {
        return submit(result, null);
    }

    /**
     * Queues a continuous probe's result for its scheduled {@code slot}; returns {@code false}, counted and logged, if
     * the queue was full and it was dropped. A result whose probe and slot are already stored (another instance ran
     * the same slot) is not stored again.
     */
    public boolean submit(ProbeResult result, Instant slot) {
        if (!queue.offer(StoredResult.of(result, slot))) {
            dropped.increment();
            if (droppedSinceLog.getAndIncrement() % 1000 == 0) {
                LOG.warnf(
                        "probe=%s status=%s result dropped: the writer's queue of %d results is full;"
                                + " the database cannot keep up (see rounds.probe.results.dropped)",
                        result.key(), result.status().label(), queue.size());
            }
            return false;
        }
        if (stopped) {
            flush();
        } else if (queue.size() >= batchSize && thread != null) {
            LockSupport.unpark(thread);
        }
        return true;
    }

    /** Whether this many more results would fit in the queue now. */
    public boolean hasRoom(int results) {
        return queue.remainingCapacity() >= results;
    }

    /** Writes everything queued now, in as many batches as it takes, before returning. */
    public void flush() {
        writing.lock();
        try {
            var batch = new ArrayList<StoredResult>(batchSize);
            while (queue.drainTo(batch, batchSize) > 0) {
                write(batch);
                batch.clear();
            }
            lastFlush = System.nanoTime();
        } finally {
            writing.unlock();
        }
    }

    private void loop() {
        while (running) {
            long due = lastFlush + flushNanos;
            while (running && queue.size() < batchSize) {
                long wait = due - System.nanoTime();
                if (wait <= 0) {
                    if (!queue.isEmpty()) break;
                    due = System.nanoTime() + flushNanos;
                    continue;
                }
                LockSupport.parkNanos(this, wait);
            }
            try {
                flush();
            } catch (RuntimeException unexpected) {
                LOG.error("the result writer failed outside a batch; it carries on", unexpected);
            }
        }
    }

    private void write(List<StoredResult> batch) {
        for (int attempt = 1; ; attempt++) {
            List<StoredResult> writing = batch;
            try {
                if (attempt > 1) writing = withoutStored(batch);
                List<StoredResult> rows = writing;
                if (!rows.isEmpty()) transactions.inNewTransaction(connection -> insert(connection, rows));
                written.increment(rows.size());
                duplicates.increment(batch.size() - rows.size());
                int downs = (int) rows.stream()
                        .filter(row -> row.status() == ProbeStatus.DOWN)
                        .count();
                if (downs > 0) downsWritten.accept(new DownsWritten(downs));
                return;
            } catch (RuntimeException failure) {
                if (attempt == 1) {
                    LOG.warnf(
                            "writing %d probe results failed (%s), retrying once without any already stored: %s",
                            batch.size(), keys(batch), failure.getMessage());
                } else {
                    lost.increment(writing.size());
                    LOG.errorf(
                            failure,
                            "writing %d probe results failed twice, they are lost (%s)",
                            writing.size(),
                            keys(writing));
                    return;
                }
            }
        }
    }

    /**
     * The batch without the results whose probe and slot the database already holds: another instance ran the same
     * slot while the members' views of each other settled, and the unique key on (probe_key, slot_at) refused this
     * batch for it.
     */
    private List<StoredResult> withoutStored(List<StoredResult> batch) {
        var kept = new ArrayList<StoredResult>(batch.size());
        transactions.inNewTransaction(connection -> kept.addAll(store.notYetStored(connection, batch)));
        if (kept.size() < batch.size()) {
            LOG.infof(
                    "%d of %d probe results were already stored for their slot by another instance; not stored twice",
                    batch.size() - kept.size(), batch.size());
        }
        return kept;
    }

    /** One batch's work in its transaction: the results, their digest in the audit log, and probe_state. */
    private void insert(Connection connection, List<StoredResult> stored) throws SQLException {
        long firstId = store.nextBlock(connection);
        store.insert(connection, firstId, stored);
        audit.append(
                AuditLog.SYSTEM,
                ResultDigest.ACTION,
                ResultDigest.SUBJECT,
                StoredResult.digest(firstId, stored).detail());
        store.updateStates(connection, ProbeStateChange.of(firstId, stored));
    }

    private static String keys(List<StoredResult> batch) {
        var distinct = new HashMap<String, Boolean>();
        batch.forEach(result -> distinct.putIfAbsent(result.key().toString(), Boolean.TRUE));
        String shown = distinct.keySet().stream()
                .sorted()
                .limit(5)
                .map(key -> "probe=" + key)
                .collect(Collectors.joining(" "));
        return distinct.size() > 5 ? shown + " and " + (distinct.size() - 5) + " more" : shown;
    }
}
