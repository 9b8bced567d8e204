package dev.rounds.notify;

import dev.rounds.core.Incident;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import javax.sql.DataSource;

/** Reads the incidents the rollup keeps in the {@code incident} table, as far as notifications need them. */
@ApplicationScoped
public class IncidentReader {

    private static final String COLUMNS = "SELECT id, target_id, probe_key, continuous, started_at, confirmed_at,"
            + " ended_at, message FROM incident ";

    @Inject
    DataSource dataSource;

    /** Incidents still lasting, oldest first. */
    List<Incident> open() {
        return query(COLUMNS + "WHERE ended_at IS NULL ORDER BY id", null);
    }

    /** Incidents that ended after the instant, oldest first. */
    List<Incident> endedAfter(Instant since) {
        return query(COLUMNS + "WHERE ended_at > ? ORDER BY id", since);
    }

    private List<Incident> query(String sql, Instant since) {
        try (Connection c = dataSource.getConnection(); PreparedStatement ps = c.prepareStatement(sql)) {
            if (since != null) ps.setObject(1, OffsetDateTime.ofInstant(since, ZoneOffset.UTC));
            List<Incident> found = new ArrayList<>();
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    found.add(new Incident(rs.getLong(1), rs.getString(2), rs.getString(3), rs.getBoolean(4),
                            instant(rs, 5), instant(rs, 6), instant(rs, 7), rs.getString(8)));
                }
            }
            return found;
        } catch (SQLException e) {
            throw new IllegalStateException("reading incidents failed: " + e.getMessage(), e);
        }
    }

    private static Instant instant(ResultSet rs, int column) throws SQLException {
        OffsetDateTime value = rs.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }
}
