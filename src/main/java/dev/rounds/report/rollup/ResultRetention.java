package dev.rounds.report.rollup;

import dev.rounds.audit.AuditLog;
import dev.rounds.audit.ResultDigest;
import dev.rounds.core.SqlTimestamps;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.scheduler.Scheduled;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;
import javax.sql.DataSource;
import org.jboss.logging.Logger;

/**
 * Deletes raw probe results older than {@code rounds.results.retention} once they are rolled up, a chunk per
 * transaction, and records it in the audit log so that {@code verify} knows those results' digests cannot be
 * checked. Never touches the audit log's rows, incidents or rollups.
 */
@ApplicationScoped
public class ResultRetention {

    private static final Logger LOG = Logger.getLogger(ResultRetention.class);
    private static final String PRUNABLE = "SELECT COUNT(*), MAX(id) FROM probe_result WHERE started_at < ?"
            + " AND id <= (SELECT last_result_id FROM rollup_watermark WHERE id = 1)";
    private static final String CHUNK_END =
            "SELECT MAX(id) FROM (SELECT id FROM probe_result WHERE id > ?" + " AND id <= ? ORDER BY id LIMIT ?) chunk";
    private static final String DELETE = "DELETE FROM probe_result WHERE id > ? AND id <= ? AND started_at < ?";

    private final DataSource dataSource;
    private final AuditLog audit;
    private final Clock clock;
    private final Duration retention;
    private final int chunk;

    @Inject
    public ResultRetention(
            DataSource dataSource, AuditLog audit, Clock clock, ResultsConfig results, RollupConfig config) {
        this.dataSource = dataSource;
        this.audit = audit;
        this.clock = clock;
        this.retention = results.retention();
        this.chunk = config.chunk();
    }

    @Scheduled(
            cron = "${rounds.results.prune-cron}",
            concurrentExecution = Scheduled.ConcurrentExecution.SKIP,
            skipExecutionIf = Scheduled.ApplicationNotRunning.class)
    void daily() {
        prune();
    }

    /** Deletes the rolled-up results that started before now minus the retention; returns how many. */
    public synchronized long prune() {
        Instant before = clock.instant().minus(retention);
        long[] prunable =
                QuarkusTransaction.requiringNew().call(() -> jdbc(connection -> prunable(connection, before)));
        if (prunable[0] == 0) return 0;
        long lastId = prunable[1];
        long deleted = 0;
        long after = Long.MIN_VALUE;
        boolean recorded = false;
        while (after < lastId) {
            long from = after;
            boolean record = !recorded;
            long[] done = QuarkusTransaction.requiringNew()
                    .call(() -> jdbc(connection -> {
                        long to = chunkEnd(connection, from, lastId);
                        long count = delete(connection, from, to, before);
                        // With the first chunk, not after the last: a crash between chunks then leaves results deleted
                        // that verify already knows cannot be checked, never a false alarm about tampered results.
                        if (record) {
                            audit.append(
                                    AuditLog.SYSTEM,
                                    ResultDigest.PRUNED_ACTION,
                                    ResultDigest.SUBJECT,
                                    Map.of(
                                            "before_id",
                                            lastId + 1,
                                            "started_before",
                                            before.toString(),
                                            "count",
                                            prunable[0]));
                        }
                        return new long[] {to, count};
                    }));
            recorded = true;
            after = done[0];
            deleted += done[1];
        }
        LOG.infof("results pruned=%d started_before=%s before_id=%d", deleted, before, lastId + 1);
        return deleted;
    }

    private static long[] prunable(Connection connection, Instant before) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(PRUNABLE)) {
            select.setObject(1, SqlTimestamps.timestamp(before));
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return new long[] {row.getLong(1), row.getLong(2)};
            }
        }
    }

    private long chunkEnd(Connection connection, long after, long lastId) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(CHUNK_END)) {
            select.setLong(1, after);
            select.setLong(2, lastId);
            select.setInt(3, chunk);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                long end = row.getLong(1);
                return row.wasNull() ? lastId : end;
            }
        }
    }

    private static long delete(Connection connection, long after, long to, Instant before) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(DELETE)) {
            delete.setLong(1, after);
            delete.setLong(2, to);
            delete.setObject(3, SqlTimestamps.timestamp(before));
            return delete.executeUpdate();
        }
    }

    @FunctionalInterface
    private interface Work<T> {
        T run(Connection connection) throws SQLException;
    }

    private <T> T jdbc(Work<T> work) {
        try (Connection connection = dataSource.getConnection()) {
            return work.run(connection);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot prune old probe results: " + e.getMessage(), e);
        }
    }
}
