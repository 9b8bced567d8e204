package dev.rounds.report.rollup;

import dev.rounds.core.SqlTimestamps;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;

/**
 * Deletes hourly target rollups older than {@code rounds.rollup.hourly-retention}, one hour's rows per transaction.
 * Reports count whole local days from the daily rollups, which are kept; an hour's rows serve only the part-days of a
 * period, and at 10,000 targets they are the largest rollup (docs/sizing.md).
 */
final class HourlyRollupRetention {

    private static final String OLDEST = "SELECT MIN(bucket_start) FROM rollup_target_hour";
    private static final String DELETE_HOUR = "DELETE FROM rollup_target_hour WHERE bucket_start = ?";

    private final Duration retention;

    HourlyRollupRetention(Duration retention) {
        this.retention = retention;
    }

    /** Deletes the hourly rows of the hours that started before now minus the retention; returns how many rows. */
    long prune(Instant now, PruningTransactions transactions) {
        Instant before = now.minus(retention).truncatedTo(ChronoUnit.HOURS);
        long deleted = 0;
        long rows;
        while ((rows = transactions.inNewTransaction(connection -> deleteOldestHour(connection, before))) >= 0) {
            deleted += rows;
        }
        return deleted;
    }

    /** Deletes the oldest hour's rows if that hour started before {@code before}; -1 when none did. */
    private static long deleteOldestHour(Connection connection, Instant before) throws SQLException {
        Instant oldest;
        try (PreparedStatement select = connection.prepareStatement(OLDEST);
                ResultSet row = select.executeQuery()) {
            row.next();
            oldest = SqlTimestamps.instant(row, 1);
        }
        if (oldest == null || !oldest.isBefore(before)) return -1;
        try (PreparedStatement delete = connection.prepareStatement(DELETE_HOUR)) {
            delete.setObject(1, SqlTimestamps.timestamp(oldest));
            return delete.executeUpdate();
        }
    }
}
