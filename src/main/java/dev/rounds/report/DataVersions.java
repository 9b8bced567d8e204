package dev.rounds.report;

import dev.rounds.checklist.ChecklistRegistry;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import javax.sql.DataSource;

/** Reads the {@link DataVersion} in one query, for the caches of pages that are expensive to build. */
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
}
