package dev.rounds.probe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rounds.audit.AuditLog;
import dev.rounds.audit.ResultDigest;
import dev.rounds.checklist.ConditionOutcome;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.Gauge;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.runtime.ShutdownEvent;
import jakarta.annotation.PostConstruct;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.interceptor.Interceptor;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ArrayBlockingQueue;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.locks.LockSupport;
import java.util.concurrent.locks.ReentrantLock;
import java.util.stream.Collectors;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Persists probe results in batches: one transaction per batch, written when {@code rounds.probe.batch-size}
 * results wait or at least every {@code rounds.probe.flush-interval}, with plain JDBC batch inserts. The same
 * transaction appends the batch's {@link ResultDigest} to the audit log and brings {@code probe_state} up to
 * date, so a batch is written whole or not at all.
 *
 * <p>Stored {@code values_json} follows one convention: durations are milliseconds as JSON numbers (so
 * {@code response_time} of 812.5 µs is {@code 0.8125}), instants are ISO-8601 strings, and numbers, booleans,
 * strings, lists and maps are themselves. The digest is computed over exactly these stored forms.
 *
 * <p>Results wait in a bounded queue. The scheduler asks {@link #hasRoom(int)} before it starts probes, which holds
 * probes back while the database lags; a result that still finds the queue full is dropped, counted in
 * {@code rounds.probe.results.dropped} and logged, never silently.
 */
@ApplicationScoped
public class ResultWriter {

    /** Ids a batch takes from {@code probe_result_id_seq} (its increment), so also the largest batch. */
    public static final int ID_BLOCK = 10_000;

    static final int MESSAGE_CHARS = 2000;

    private static final Logger LOG = Logger.getLogger(ResultWriter.class);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String INSERT_RESULT = "INSERT INTO probe_result (id, probe_key, checklist_id, activity_id,"
            + " probe_index, target_id, type, started_at, duration_us, status, values_json, conditions_json, message)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_STATE = "INSERT INTO probe_state (last_status, last_result_id,"
            + " last_started_at, consecutive_down, first_down_at, last_message, probe_key, checklist_id, activity_id,"
            + " probe_index, target_id) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /**
     * Folds a batch's results for one probe into its row in one statement, so that no read or row lock comes
     * first: the right-hand sides see the row as it was. Parameters 4 and 6 say whether an up or warn result ended
     * the run of downs; 5 is the first down of the run the batch ends with, 7 how many downs that run has.
     */
    private static final String UPDATE_STATE = "UPDATE probe_state SET last_status = ?, last_result_id = ?,"
            + " last_started_at = ?,"
            + " first_down_at = CASE WHEN ? OR consecutive_down = 0 THEN CAST(? AS TIMESTAMP(6) WITH TIME ZONE)"
            + " ELSE first_down_at END,"
            + " consecutive_down = CASE WHEN ? THEN 0 ELSE consecutive_down END + ?,"
            + " last_message = ? WHERE probe_key = ?";

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
    private final int batchSize;
    private final long flushNanos;
    private final ArrayBlockingQueue<ProbeResult> queue;
    private final ReentrantLock writing = new ReentrantLock();
    private final Counter dropped;
    private final Counter lost;
    private final Counter written;
    private final AtomicLong droppedSinceLog = new AtomicLong();
    private volatile String nextIdSql;
    private volatile boolean running;
    private volatile boolean stopped;
    private volatile long lastFlush = System.nanoTime();
    private volatile Thread thread;

    @Inject
    public ResultWriter(DataSource dataSource, AuditLog audit, ProbeConfig config, MeterRegistry registry) {
        this(work -> QuarkusTransaction.requiringNew().run(() -> {
            try (Connection connection = dataSource.getConnection()) {
                work.run(connection);
            } catch (SQLException e) {
                throw new IllegalStateException(e.getMessage(), e);
            }
        }), audit, config.batchSize(), config.flushInterval(), config.queueCapacity(), registry);
    }

    public ResultWriter(Transactions transactions, AuditLog audit, int batchSize, Duration flushInterval,
            int queueCapacity, MeterRegistry registry) {
        if (batchSize < 1 || batchSize > ID_BLOCK) {
            throw new IllegalArgumentException(
                    "rounds.probe.batch-size must be between 1 and " + ID_BLOCK + ", got " + batchSize);
        }
        this.transactions = transactions;
        this.audit = audit;
        this.batchSize = batchSize;
        this.flushNanos = flushInterval.toNanos();
        this.queue = new ArrayBlockingQueue<>(queueCapacity);
        this.dropped = Counter.builder("rounds.probe.results.dropped")
                .description("Probe results dropped because the writer's queue was full").register(registry);
        this.lost = Counter.builder("rounds.probe.results.lost")
                .description("Probe results whose batch failed to write twice").register(registry);
        this.written = Counter.builder("rounds.probe.results.written")
                .description("Probe results persisted").register(registry);
        Gauge.builder("rounds.probe.results.queued", queue, Collection::size)
                .description("Probe results waiting for the writer").register(registry);
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
        LOG.infof("result writer stopped: written=%d lost=%d dropped=%d waiting=%d", (long) written.count(),
                (long) lost.count(), (long) dropped.count(), queue.size());
    }

    /** Queues a result; returns {@code false}, counted and logged, if the queue was full and it was dropped. */
    public boolean submit(ProbeResult result) {
        if (!queue.offer(result)) {
            dropped.increment();
            if (droppedSinceLog.getAndIncrement() % 1000 == 0) {
                LOG.warnf("probe=%s status=%s result dropped: the writer's queue of %d results is full;"
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
            var batch = new ArrayList<ProbeResult>(batchSize);
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

    private void write(List<ProbeResult> batch) {
        for (int attempt = 1; ; attempt++) {
            try {
                transactions.inNewTransaction(connection -> insert(connection, batch));
                written.increment(batch.size());
                return;
            } catch (RuntimeException failure) {
                if (attempt == 1) {
                    LOG.warnf("writing %d probe results failed (%s), retrying once: %s", batch.size(), keys(batch),
                            failure.getMessage());
                } else {
                    lost.increment(batch.size());
                    LOG.errorf(failure, "writing %d probe results failed twice, they are lost (%s)", batch.size(),
                            keys(batch));
                    return;
                }
            }
        }
    }

    private void insert(Connection connection, List<ProbeResult> batch) throws SQLException {
        long firstId = nextBlock(connection);
        List<String> probeKeys = batch.stream().map(result -> result.key().toString()).toList();
        var digest = new ResultDigest();
        try (PreparedStatement insert = connection.prepareStatement(INSERT_RESULT)) {
            long id = firstId;
            for (int i = 0; i < batch.size(); i++) {
                ProbeResult result = batch.get(i);
                String probe = probeKeys.get(i);
                Instant startedAt = result.startedAt().truncatedTo(ChronoUnit.MICROS);
                long durationUs = result.duration().toNanos() / 1000;
                Map<String, Object> values = jsonValues(result.values());
                List<Map<String, Object>> conditions = result.conditions().stream().map(ResultWriter::condition)
                        .toList();
                String message = shortened(result.message());
                ProbeKey key = result.key();
                insert.setLong(1, id);
                insert.setString(2, probe);
                insert.setString(3, key.checklistId());
                insert.setString(4, key.activityId());
                insert.setInt(5, key.probeIndex());
                insert.setString(6, key.targetId());
                insert.setString(7, result.type());
                insert.setObject(8, OffsetDateTime.ofInstant(startedAt, ZoneOffset.UTC));
                insert.setLong(9, durationUs);
                insert.setString(10, result.status().label());
                insert.setString(11, json(values));
                insert.setString(12, json(conditions));
                insert.setString(13, message);
                insert.addBatch();
                digest.addCanonical(id, CanonicalRows.of(ResultDigest.row(id, probe, startedAt, durationUs,
                        result.status().label(), values, conditions, message)));
                id++;
            }
            insert.executeBatch();
        }
        audit.append(AuditLog.SYSTEM, ResultDigest.ACTION, ResultDigest.SUBJECT, digest.detail());
        updateStates(connection, batch, probeKeys, firstId);
    }

    /** A condition's outcome as stored: {@code {"text": ..., "holds": ...}}, in that order for readers of the column. */
    private static Map<String, Object> condition(ConditionOutcome outcome) {
        var stored = new LinkedHashMap<String, Object>();
        stored.put("text", outcome.text());
        stored.put("holds", outcome.holds());
        return stored;
    }

    private long nextBlock(Connection connection) throws SQLException {
        if (nextIdSql == null) {
            nextIdSql = connection.getMetaData().getDatabaseProductName().toLowerCase(java.util.Locale.ROOT).contains("postgres")
                    ? "SELECT nextval('probe_result_id_seq')" : "SELECT NEXT VALUE FOR probe_result_id_seq";
        }
        try (var statement = connection.createStatement(); ResultSet next = statement.executeQuery(nextIdSql)) {
            next.next();
            return next.getLong(1);
        }
    }

    /** What a batch's results say about one probe key, folded in id order. */
    private static final class State {
        final ProbeKey key;
        final String probeKey;
        final DownRun run = new DownRun();
        ProbeResult last;
        long lastId;

        State(ProbeKey key, String probeKey) {
            this.key = key;
            this.probeKey = probeKey;
        }

        void add(ProbeResult result, long id) {
            run.add(result.status(), result.startedAt().truncatedTo(ChronoUnit.MICROS));
            last = result;
            lastId = id;
        }
    }

    /** Updates each probe's row in one batch, then inserts the rows that the update did not find. */
    private void updateStates(Connection connection, List<ProbeResult> batch, List<String> probeKeys, long firstId)
            throws SQLException {
        Map<String, State> states = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            ProbeKey key = batch.get(i).key();
            states.computeIfAbsent(probeKeys.get(i), probe -> new State(key, probe)).add(batch.get(i), firstId + i);
        }
        var missing = new ArrayList<State>();
        try (PreparedStatement update = connection.prepareStatement(UPDATE_STATE)) {
            for (State state : states.values()) {
                update.setString(1, state.last.status().label());
                update.setLong(2, state.lastId);
                update.setObject(3, lastStartedAt(state));
                update.setBoolean(4, state.run.ended());
                setTimestamp(update, 5, state.run.firstDownAt());
                update.setBoolean(6, state.run.ended());
                update.setInt(7, state.run.downs());
                update.setString(8, shortened(state.last.message()));
                update.setString(9, state.probeKey);
                update.addBatch();
            }
            int[] updated = update.executeBatch();
            int i = 0;
            for (State state : states.values()) {
                if (updated[i++] == 0) missing.add(state);
            }
        }
        if (missing.isEmpty()) return;
        try (PreparedStatement insert = connection.prepareStatement(INSERT_STATE)) {
            for (State state : missing) {
                insert.setString(1, state.last.status().label());
                insert.setLong(2, state.lastId);
                insert.setObject(3, lastStartedAt(state));
                insert.setInt(4, state.run.downs());
                setTimestamp(insert, 5, state.run.firstDownAt());
                insert.setString(6, shortened(state.last.message()));
                insert.setString(7, state.probeKey);
                insert.setString(8, state.key.checklistId());
                insert.setString(9, state.key.activityId());
                insert.setInt(10, state.key.probeIndex());
                insert.setString(11, state.key.targetId());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static OffsetDateTime lastStartedAt(State state) {
        return OffsetDateTime.ofInstant(state.last.startedAt().truncatedTo(ChronoUnit.MICROS), ZoneOffset.UTC);
    }

    private static void setTimestamp(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, OffsetDateTime.ofInstant(instant, ZoneOffset.UTC));
        }
    }

    /** The stored form of measured values; see the class comment for the convention. */
    static Map<String, Object> jsonValues(Map<String, Object> values) {
        var stored = new LinkedHashMap<String, Object>();
        values.forEach((name, value) -> stored.put(name, jsonValue(value)));
        return stored;
    }

    private static Object jsonValue(Object value) {
        if (value instanceof Duration duration) return duration.toNanos() / 1e6;
        if (value instanceof Instant instant) return instant.toString();
        if (value instanceof Double number && !Double.isFinite(number)) return number.toString();
        if (value instanceof Float number && !Float.isFinite(number)) return number.toString();
        if (value instanceof Number || value instanceof Boolean || value instanceof String || value == null) {
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            var stored = new LinkedHashMap<String, Object>();
            map.forEach((name, item) -> stored.put(String.valueOf(name), jsonValue(item)));
            return stored;
        }
        if (value instanceof Collection<?> items) return items.stream().map(ResultWriter::jsonValue).toList();
        return value.toString();
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String shortened(String message) {
        return message == null || message.length() <= MESSAGE_CHARS ? message
                : message.substring(0, MESSAGE_CHARS - 3) + "...";
    }

    private static String keys(List<ProbeResult> batch) {
        var distinct = new HashMap<String, Boolean>();
        batch.forEach(result -> distinct.putIfAbsent(result.key().toString(), Boolean.TRUE));
        String shown = distinct.keySet().stream().sorted().limit(5).map(key -> "probe=" + key)
                .collect(Collectors.joining(" "));
        return distinct.size() > 5 ? shown + " and " + (distinct.size() - 5) + " more" : shown;
    }
}
