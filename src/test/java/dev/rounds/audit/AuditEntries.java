package dev.rounds.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Reads the real audit log ({@link ChainedAuditLog}) from a known sequence number: a test notes the chain's head,
 * acts, and reads what was appended since. Every application of a test run appends to one database, so tests
 * never read the log from its start.
 */
public final class AuditEntries {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One entry as appended: its detail as a map, and as the canonical JSON text that was hashed and stored. */
    public record Entry(
            long seq,
            String actor,
            String action,
            String subject,
            Map<String, Object> detail,
            String canonicalDetail) {}

    private AuditEntries() {}

    /** The sequence number of the last entry appended so far. */
    public static long head(DataSource dataSource) {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement("SELECT seq FROM audit_head WHERE id = 1");
                ResultSet row = select.executeQuery()) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Every entry appended after {@code seq}, in sequence order. */
    public static List<Entry> after(ChainedAuditLog log, long seq) {
        List<Entry> found = new ArrayList<>();
        long after = seq;
        for (List<AuditEntry> page = log.entries(after, 1000); !page.isEmpty(); page = log.entries(after, 1000)) {
            for (AuditEntry entry : page) found.add(read(entry));
            after = page.get(page.size() - 1).seq();
        }
        return found;
    }

    /** The entries about this subject appended after {@code seq}, in sequence order. */
    public static List<Entry> after(ChainedAuditLog log, long seq, String subject) {
        return after(log, seq).stream()
                .filter(entry -> entry.subject().equals(subject))
                .toList();
    }

    private static Entry read(AuditEntry entry) {
        try {
            return new Entry(
                    entry.seq(),
                    entry.actor(),
                    entry.action(),
                    entry.subject(),
                    JSON.readValue(entry.detail(), new TypeReference<Map<String, Object>>() {}),
                    entry.detail());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("entry " + entry.seq() + " has a detail that is no JSON object", e);
        }
    }
}
