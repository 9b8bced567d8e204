package dev.rounds.report;

import dev.rounds.audit.ResultDigest;
import dev.rounds.checklist.ChecklistRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;

/**
 * Reads the {@link DataVersion} in one query, for the caches of pages that are expensive to build, and tells a
 * decision from a written batch of results in the audit log.
 */
@ApplicationScoped
public class DataVersions {

    @Inject
    ChecklistRegistry registry;

    @Inject
    DataSource dataSource;

    @Inject
    Clock clock;

    /** Read before building a page, so that anything written while it is built makes the next read differ. */
    public DataVersion current(Duration window) {
        Instant now = clock.instant();
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT (SELECT seq FROM audit_head WHERE id = 1),"
                        + " (SELECT last_result_id FROM rollup_watermark WHERE id = 1)")) {
            row.next();
            return new DataVersion(
                    registry.current(), row.getLong(1), row.getLong(2), now.toEpochMilli() / window.toMillis(), now);
        } catch (SQLException e) {
            throw new IllegalStateException(
                    "cannot read the audit head and the rollup watermark: " + e.getMessage(), e);
        }
    }

    /**
     * Whether the audit log has an entry after {@code seq} other than a batch of results' digest: a decision, a
     * status, a change, anything a person or a job did. A range of the primary key, a few entries long.
     */
    public boolean decidedSince(long seq) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement query = connection.prepareStatement(
                        "SELECT 1 FROM audit_log WHERE seq > ? AND action <> ? FETCH FIRST 1 ROW ONLY")) {
            query.setLong(1, seq);
            query.setString(2, ResultDigest.ACTION);
            try (ResultSet row = query.executeQuery()) {
                return row.next();
            }
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit log after entry " + seq + ": " + e.getMessage(), e);
        }
    }
}
