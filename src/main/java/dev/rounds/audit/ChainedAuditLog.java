package dev.rounds.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * The audit log as a SHA-256 hash chain in table {@code audit_log}, appended through plain JDBC batches.
 *
 * <p>Sequence numbers are assigned under a row lock on {@code audit_head} ({@code SELECT ... FOR UPDATE}), held
 * until the appending transaction ends, so any number of Rounds instances sharing one database extend one
 * contiguous chain. The head is read under that lock on every append, never cached: another instance may have
 * moved it. Inside a JTA transaction the connection is the transaction's (Agroal enlists it) and the entries
 * commit or roll back with the caller's work; on a connection in auto-commit mode (a plain {@link DataSource},
 * as in tools and benchmarks) each call commits its own local transaction. The lock is held until the appending
 * transaction ends, so callers append as the last step of their work: every other appender waits meanwhile.
 */
@ApplicationScoped
public class ChainedAuditLog implements AuditLog {

    private static final String LOCK_HEAD = "SELECT seq, hash FROM audit_head WHERE id = 1 FOR UPDATE";
    private static final String INSERT =
            "INSERT INTO audit_log (seq, at, actor, action, subject, detail, prev_hash, hash)"
                    + " VALUES (?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String MOVE_HEAD = "UPDATE audit_head SET seq = ?, hash = ? WHERE id = 1";
    private static final String PAGE = "SELECT seq, at, actor, action, subject, detail, prev_hash, hash FROM audit_log"
            + " WHERE seq > ? ORDER BY seq LIMIT ?";
    /** Rows per executeBatch: bounds the driver's buffered parameters for very large lists. */
    private static final int JDBC_BATCH = 1000;

    private final DataSource dataSource;
    private final Clock clock;

    @Inject
    public ChainedAuditLog(DataSource dataSource, Clock clock) {
        this.dataSource = dataSource;
        this.clock = clock;
    }

    @Override
    @Transactional
    public long append(String actor, String action, String subject, Map<String, Object> detail) {
        return appendAll(List.of(new AuditEvent(actor, action, subject, detail)))
                .get(0);
    }

    @Override
    @Transactional
    public List<Long> appendAll(List<AuditEvent> events) {
        if (events.isEmpty()) {
            return List.of();
        }
        // Canonicalising is the costly part of an entry: do it before taking the lock every instance waits on.
        List<String> details = new ArrayList<>(events.size());
        for (AuditEvent event : events) {
            details.add(AuditDetail.canonical(event.detail()));
        }
        try (Connection connection = dataSource.getConnection()) {
            boolean ownTransaction = connection.getAutoCommit();
            if (ownTransaction) {
                connection.setAutoCommit(false);
            }
            try {
                List<Long> seqs = write(connection, events, details);
                if (ownTransaction) {
                    connection.commit();
                }
                return seqs;
            } catch (SQLException | RuntimeException e) {
                if (ownTransaction) {
                    connection.rollback();
                }
                throw e;
            } finally {
                if (ownTransaction) {
                    connection.setAutoCommit(true);
                }
            }
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot append " + events.size() + " entries to the audit log (first action '"
                            + events.get(0).action() + "'): " + e.getMessage(),
                    e);
        }
    }

    private List<Long> write(Connection connection, List<AuditEvent> events, List<String> details) throws SQLException {
        long seq;
        String prevHash;
        try (PreparedStatement lock = connection.prepareStatement(LOCK_HEAD);
                ResultSet head = lock.executeQuery()) {
            if (!head.next()) {
                throw new IllegalStateException("table audit_head has no row: the audit migration V1 did not run or"
                        + " the row was deleted; restore it as (1, last seq, last hash) of audit_log");
            }
            seq = head.getLong(1);
            prevHash = head.getString(2);
        }
        // Read under the lock so that seq order and time order agree across instances.
        String at = AuditHash.timestamp(clock.instant());
        List<Long> seqs = new ArrayList<>(events.size());
        try (PreparedStatement insert = connection.prepareStatement(INSERT)) {
            for (int i = 0; i < events.size(); i++) {
                AuditEvent event = events.get(i);
                seq++;
                String hash =
                        AuditHash.of(seq, at, event.actor(), event.action(), event.subject(), details.get(i), prevHash);
                insert.setLong(1, seq);
                insert.setString(2, at);
                insert.setString(3, event.actor());
                insert.setString(4, event.action());
                insert.setString(5, event.subject());
                insert.setString(6, details.get(i));
                insert.setString(7, prevHash);
                insert.setString(8, hash);
                insert.addBatch();
                seqs.add(seq);
                prevHash = hash;
                if ((i + 1) % JDBC_BATCH == 0) {
                    insert.executeBatch();
                }
            }
            if (events.size() % JDBC_BATCH != 0) {
                insert.executeBatch();
            }
        }
        try (PreparedStatement move = connection.prepareStatement(MOVE_HEAD)) {
            move.setLong(1, seq);
            move.setString(2, prevHash);
            move.executeUpdate();
        }
        return seqs;
    }

    /** Entries after {@code afterSeq} in sequence order, at most {@code limit} of them. */
    public List<AuditEntry> entries(long afterSeq, int limit) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement page = connection.prepareStatement(PAGE)) {
            page.setLong(1, afterSeq);
            page.setInt(2, limit);
            List<AuditEntry> entries = new ArrayList<>(Math.min(limit, 1000));
            try (ResultSet rows = page.executeQuery()) {
                while (rows.next()) {
                    entries.add(AuditEntry.read(rows));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot read audit entries after seq " + afterSeq + ": " + e.getMessage(), e);
        }
    }
}
