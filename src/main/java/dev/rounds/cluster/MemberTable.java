package dev.rounds.cluster;

import static dev.rounds.core.SqlTimestamps.instant;
import static dev.rounds.core.SqlTimestamps.setTimestamp;
import static dev.rounds.core.SqlTimestamps.timestamp;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;

/** The SQL of {@code cluster_member}, on the caller's connection and transaction, timed by the database's clock. */
final class MemberTable {

    private static final String COLUMNS =
            "member_id, host, pid, started_at, checked_in_at, eligible_from, leaving_at, probes";

    private MemberTable() {}

    /** The database's clock, the one time every member's lease is measured by. */
    static Instant now(Connection connection) throws SQLException {
        try (var statement = connection.createStatement();
                ResultSet now = statement.executeQuery("SELECT CURRENT_TIMESTAMP")) {
            now.next();
            return now.getObject(1, OffsetDateTime.class).toInstant();
        }
    }

    static void insert(Connection connection, Member member) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO cluster_member (" + COLUMNS + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?)")) {
            insert.setString(1, member.id());
            insert.setString(2, member.host());
            insert.setLong(3, member.pid());
            insert.setObject(4, timestamp(member.startedAt()));
            insert.setObject(5, timestamp(member.checkedInAt()));
            insert.setObject(6, timestamp(member.eligibleFrom()));
            setTimestamp(insert, 7, member.leavingAt());
            insert.setInt(8, member.probes());
            insert.executeUpdate();
        }
    }

    /** Renews a lease; {@code false} when the row is gone (another member took this one for lost). */
    static boolean checkIn(Connection connection, String id, Instant now, int probes) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                "UPDATE cluster_member SET checked_in_at = ?, probes = ? WHERE member_id = ?")) {
            update.setObject(1, timestamp(now));
            update.setInt(2, probes);
            update.setString(3, id);
            return update.executeUpdate() == 1;
        }
    }

    static void leaveFrom(Connection connection, String id, Instant leavingAt) throws SQLException {
        try (PreparedStatement update =
                connection.prepareStatement("UPDATE cluster_member SET leaving_at = ? WHERE member_id = ?")) {
            update.setObject(1, timestamp(leavingAt));
            update.setString(2, id);
            update.executeUpdate();
        }
    }

    /** Deletes a member's row if it still shows this check-in; {@code true} if this call deleted it. */
    static boolean delete(Connection connection, String id, Instant checkedInAt) throws SQLException {
        try (PreparedStatement delete =
                connection.prepareStatement("DELETE FROM cluster_member WHERE member_id = ? AND checked_in_at = ?")) {
            delete.setString(1, id);
            delete.setObject(2, timestamp(checkedInAt));
            return delete.executeUpdate() == 1;
        }
    }

    static void delete(Connection connection, String id) throws SQLException {
        try (PreparedStatement delete = connection.prepareStatement("DELETE FROM cluster_member WHERE member_id = ?")) {
            delete.setString(1, id);
            delete.executeUpdate();
        }
    }

    static List<Member> all(Connection connection) throws SQLException {
        var members = new ArrayList<Member>();
        try (var statement = connection.createStatement();
                ResultSet rows = statement.executeQuery(
                        "SELECT " + COLUMNS + " FROM cluster_member ORDER BY started_at, member_id")) {
            while (rows.next()) {
                members.add(new Member(
                        rows.getString(1),
                        rows.getString(2),
                        rows.getLong(3),
                        instant(rows, 4),
                        instant(rows, 5),
                        instant(rows, 6),
                        instant(rows, 7),
                        rows.getInt(8)));
            }
        }
        return members;
    }

    private static void setTimestamp(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, timestamp(instant));
        }
    }
}
