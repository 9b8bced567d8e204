package dev.rounds.core;

import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;

/**
 * Instants as plain JDBC writes and reads the {@code TIMESTAMP(6) WITH TIME ZONE} columns: as UTC
 * {@link OffsetDateTime}s, which H2 and PostgreSQL both take and give back.
 */
public final class SqlTimestamps {

    private SqlTimestamps() {}

    public static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    /** The column's instant, or {@code null} for SQL {@code NULL}. */
    public static Instant instant(ResultSet rows, int column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    /** Sets the parameter to the instant, or to SQL {@code NULL} for {@code null}. */
    public static void setTimestamp(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, timestamp(instant));
        }
    }
}
