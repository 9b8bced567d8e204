package dev.rounds.report.rollup;

import dev.rounds.audit.AuditLog;
import dev.rounds.audit.ResultDigest;
import dev.rounds.core.SqlTimestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.Map;

/**
 * Deletes raw probe results once they are rolled up, when they are older than {@code rounds.results.retention} or
 * beyond the newest {@code rounds.results.max-rows}, a chunk per transaction, and records it in the audit log so that
 * {@code verify} knows those results' digests cannot be checked. Never touches the audit log's rows, incidents or
 * rollups.
 */
final class ResultPruning {

    private static final String NEWEST_BEYOND_CAP =
            "SELECT id FROM probe_result ORDER BY id DESC OFFSET ? ROWS FETCH FIRST 1 ROWS ONLY";
    private static final String PRUNABLE = " FROM probe_result WHERE (started_at < ? OR id <= ?)"
            + " AND id <= (SELECT last_result_id FROM rollup_watermark WHERE id = 1)";
    private static final String CHUNK_END =
            "SELECT MAX(id) FROM (SELECT id FROM probe_result WHERE id > ? AND id <= ? ORDER BY id LIMIT ?) chunk";
    private static final String DELETE =
            "DELETE FROM probe_result WHERE id > ? AND id <= ? AND (started_at < ? OR id <= ?)";

    private final AuditLog audit;
    private final Duration retention;
    private final long maxRows;
    private final int chunk;

    ResultPruning(AuditLog audit, Duration retention, long maxRows, int chunk) {
        this.audit = audit;
        this.retention = retention;
        this.maxRows = maxRows;
        this.chunk = chunk;
    }

    /** Deletes the rolled-up results that started before now minus the retention or lie beyond the newest max-rows. */
    long prune(Instant now, PruningTransactions transactions) {
        Instant before = now.minus(retention);
        long capId = transactions.inNewTransaction(this::newestBeyondCap);
        long count = transactions.inNewTransaction(connection -> prunable(connection, "COUNT(*)", before, capId));
        if (count == 0) return 0;
        long lastId = transactions.inNewTransaction(connection -> prunable(connection, "MAX(id)", before, capId));
        long deleted = 0;
        long after = Long.MIN_VALUE;
        while (after < lastId) {
            long from = after;
            boolean first = after == Long.MIN_VALUE;
            long to = transactions.inNewTransaction(connection -> chunkEnd(connection, from, lastId));
            deleted += transactions.inNewTransaction(connection -> {
                // With the first chunk, not after the last: a crash between chunks then leaves results deleted that
                // verify already knows cannot be checked, never a false alarm about tampered results.
                if (first) {
                    audit.append(
                            AuditLog.SYSTEM,
                            ResultDigest.PRUNED_ACTION,
                            ResultDigest.SUBJECT,
                            Map.of(
                                    "before_id",
                                    lastId + 1,
                                    "started_before",
                                    before.toString(),
                                    "max_rows",
                                    maxRows,
                                    "count",
                                    count));
                }
                return delete(connection, from, to, before, capId);
            });
            after = to;
        }
        return deleted;
    }

    /** The id of the newest result beyond the newest {@code max-rows}, or 0 when there are no more than that. */
    private long newestBeyondCap(Connection connection) throws SQLException {
        try (PreparedStatement select = connection.prepareStatement(NEWEST_BEYOND_CAP)) {
            select.setLong(1, maxRows);
            try (ResultSet row = select.executeQuery()) {
                return row.next() ? row.getLong(1) : 0;
            }
        }
    }

    private static long prunable(Connection connection, String aggregate, Instant before, long capId)
            throws SQLException {
        try (PreparedStatement select = connection.prepareStatement("SELECT " + aggregate + PRUNABLE)) {
            select.setObject(1, SqlTimestamps.timestamp(before));
            select.setLong(2, capId);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                return row.getLong(1);
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

    private static long delete(Connection connection, long after, long to, Instant before, long capId)
            throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement(DELETE)) {
            delete.setLong(1, after);
            delete.setLong(2, to);
            delete.setObject(3, SqlTimestamps.timestamp(before));
            delete.setLong(4, capId);
            return delete.executeUpdate();
        }
    }
}
