package dev.rounds.audit;

import jakarta.enterprise.context.ApplicationScoped;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import javax.sql.DataSource;

/**
 * Reads the audit log a page at a time for people: filtered, newest first, and paged by sequence number (keyset), so
 * the thousandth page costs what the first does, and an entry appended meanwhile moves nothing across a boundary.
 */
@ApplicationScoped
public class AuditSearch {

    private static final String COLUMNS =
            "SELECT seq, at, actor, action, subject, detail, prev_hash, hash FROM audit_log";

    private final DataSource dataSource;

    public AuditSearch(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /**
     * The page of at most {@code size} entries matching {@code filter}: the newest ones below seq {@code before}, or,
     * when {@code after} is given instead, the oldest ones above it; either way listed newest first.
     */
    public AuditSlice page(AuditFilter filter, Long before, Long after, int size) {
        boolean backwards = after != null && before == null;
        List<AuditEntry> rows = query(filter, backwards ? after : before, backwards, size + 1);
        boolean more = rows.size() > size;
        List<AuditEntry> entries = new ArrayList<>(rows.subList(0, Math.min(size, rows.size())));
        if (backwards) Collections.reverse(entries);
        if (entries.isEmpty()) {
            // Paged past either end: offer the way back.
            boolean newer = !backwards
                    && before != null
                    && !query(filter, before - 1, true, 1).isEmpty();
            boolean older = backwards && !query(filter, after + 1, false, 1).isEmpty();
            return new AuditSlice(entries, newer, older);
        }
        long newest = entries.get(0).seq();
        long oldest = entries.get(entries.size() - 1).seq();
        boolean newer = backwards ? more : !query(filter, newest, true, 1).isEmpty();
        boolean older = backwards ? !query(filter, oldest, false, 1).isEmpty() : more;
        return new AuditSlice(entries, newer, older);
    }

    /** Matching entries beyond {@code bound} (none: from the newest end), walking up if {@code upwards}, else down. */
    private List<AuditEntry> query(AuditFilter filter, Long bound, boolean upwards, int limit) {
        StringBuilder sql = new StringBuilder(COLUMNS).append(" WHERE 1 = 1");
        List<Object> parameters = new ArrayList<>();
        if (bound != null) {
            sql.append(upwards ? " AND seq > ?" : " AND seq < ?");
            parameters.add(bound);
        }
        if (filter.from() != null) {
            sql.append(" AND at >= ?");
            parameters.add(AuditHash.timestamp(filter.from()));
        }
        if (filter.to() != null) {
            sql.append(" AND at < ?");
            parameters.add(AuditHash.timestamp(filter.to()));
        }
        if (filter.actor() != null) {
            sql.append(" AND actor = ?");
            parameters.add(filter.actor());
        }
        if (filter.action() != null) {
            sql.append(" AND (action = ? OR action LIKE ? ESCAPE '!')");
            parameters.add(filter.action());
            parameters.add(likePrefix(filter.action() + "."));
        }
        if (filter.subject() != null) {
            sql.append(" AND subject LIKE ? ESCAPE '!'");
            parameters.add(likePrefix(filter.subject()));
        }
        sql.append(upwards ? " ORDER BY seq ASC" : " ORDER BY seq DESC").append(" LIMIT ?");
        parameters.add(limit);
        try (Connection connection = dataSource.getConnection();
                PreparedStatement statement = connection.prepareStatement(sql.toString())) {
            for (int i = 0; i < parameters.size(); i++) {
                statement.setObject(i + 1, parameters.get(i));
            }
            List<AuditEntry> entries = new ArrayList<>(limit);
            try (ResultSet rows = statement.executeQuery()) {
                while (rows.next()) {
                    entries.add(AuditEntry.read(rows));
                }
            }
            return entries;
        } catch (SQLException e) {
            throw new IllegalStateException("cannot read the audit log for " + filter + ": " + e.getMessage(), e);
        }
    }

    /** A LIKE pattern matching text that starts with {@code prefix}, its own {@code %} and {@code _} taken literally. */
    private static String likePrefix(String prefix) {
        return prefix.replace("!", "!!").replace("%", "!%").replace("_", "!_") + "%";
    }
}
