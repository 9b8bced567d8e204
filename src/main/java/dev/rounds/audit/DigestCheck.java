package dev.rounds.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.Locale;
import java.util.Map;

/**
 * Checks a {@link ResultDigest#ACTION} entry of the audit chain against the probe results still kept: the rows of
 * its id range, read back from {@code probe_result} in {@link ResultDigest#row}'s form, must give the count and
 * SHA-256 it records. A digest of results that were pruned, or of a database without {@code probe_result}, cannot
 * be checked and is counted as skipped, with a note saying why. One check serves every range's walk at once.
 */
final class DigestCheck {

    private static final String PRUNED = "SELECT detail FROM audit_log WHERE action = ?";
    private static final String RESULTS = "SELECT id, probe_key, started_at, duration_us, status, values_json,"
            + " conditions_json, message FROM probe_result WHERE id BETWEEN ? AND ? ORDER BY id";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final boolean resultsKept;
    private final long prunedBefore;

    private DigestCheck(boolean resultsKept, long prunedBefore) {
        this.resultsKept = resultsKept;
        this.prunedBefore = prunedBefore;
    }

    /** The checks for the database as it is now: whether results are kept, and below which id they were pruned. */
    static DigestCheck prepare(Connection connection) throws SQLException {
        return new DigestCheck(tableExists(connection, "probe_result"), prunedBefore(connection));
    }

    /** How many digests one walk, or the walks joined so far, checked and skipped, and the last reason to skip. */
    static final class Tally {
        private long checked;
        private long skipped;
        private String note;

        long checked() {
            return checked;
        }

        long skipped() {
            return skipped;
        }

        String note() {
            return note;
        }

        void add(Tally other) {
            checked += other.checked;
            skipped += other.skipped;
            if (other.note != null) {
                note = other.note;
            }
        }

        private void skip(String why) {
            skipped++;
            note = why;
        }
    }

    /** Checks one digest entry on the walk's connection, counted in its tally; returns why it is broken, or null. */
    VerificationReport.Broken check(AuditEntry entry, Connection connection, Tally tally) throws SQLException {
        if (!resultsKept) {
            // Nothing to check against: spare the walk a JSON parse for what may be most of its entries.
            tally.skip("table probe_result does not exist, so no digest could be checked");
            return null;
        }
        JsonNode detail;
        try {
            detail = JSON.readTree(entry.detail());
        } catch (JsonProcessingException e) {
            detail = JSON.nullNode();
        }
        long firstId = detail.path("first_id").asLong(Long.MIN_VALUE);
        long lastId = detail.path("last_id").asLong(Long.MIN_VALUE);
        long count = detail.path("count").asLong(-1);
        String sha256 = detail.path("sha256").asText("");
        if (firstId == Long.MIN_VALUE || lastId == Long.MIN_VALUE || count < 0 || sha256.isEmpty()) {
            return new VerificationReport.Broken(
                    entry.seq(),
                    "a " + ResultDigest.ACTION + " entry needs the detail" + " {first_id, last_id, count, sha256}, got "
                            + entry.detail());
        }
        if (firstId < prunedBefore) {
            tally.skip("results with ids below " + prunedBefore + " were pruned, so their digests cannot be checked");
            return null;
        }
        ResultDigest digest = new ResultDigest();
        try (PreparedStatement results = connection.prepareStatement(RESULTS)) {
            results.setLong(1, firstId);
            results.setLong(2, lastId);
            try (ResultSet rows = results.executeQuery()) {
                while (rows.next()) {
                    digest.add(rows.getLong(1), resultRow(rows));
                }
            }
        }
        Object found = digest.detail().get("sha256");
        tally.checked++;
        if (digest.count() != count || !sha256.equals(found)) {
            return new VerificationReport.Broken(
                    entry.seq(),
                    "probe results " + firstId + ".." + lastId
                            + " do not match their digest: it records count " + count + " and sha256 " + sha256
                            + ", table probe_result now gives count " + digest.count() + " and sha256 " + found
                            + "; a result in that range was altered, added or deleted");
        }
        return null;
    }

    /** The row form {@link ResultDigest} documents, rebuilt from the stored columns. */
    private static Map<String, Object> resultRow(ResultSet rows) throws SQLException {
        OffsetDateTime startedAt = rows.getObject(3, OffsetDateTime.class);
        return ResultDigest.row(
                rows.getLong(1),
                rows.getString(2),
                startedAt == null ? null : startedAt.toInstant(),
                rows.getObject(4, Long.class),
                rows.getString(5),
                parse(rows.getString(6)),
                parse(rows.getString(7)),
                rows.getString(8));
    }

    private static Object parse(String json) {
        if (json == null) {
            return null;
        }
        try {
            return JSON.readValue(json, Object.class);
        } catch (JsonProcessingException e) {
            // Unparseable text cannot be what was digested; keeping it as text makes the digest differ.
            return json;
        }
    }

    private static long prunedBefore(Connection connection) throws SQLException {
        long before = Long.MIN_VALUE;
        try (PreparedStatement pruned = connection.prepareStatement(PRUNED)) {
            pruned.setString(1, ResultDigest.PRUNED_ACTION);
            try (ResultSet rows = pruned.executeQuery()) {
                while (rows.next()) {
                    try {
                        before = Math.max(
                                before,
                                JSON.readTree(rows.getString(1))
                                        .path("before_id")
                                        .asLong(Long.MIN_VALUE));
                    } catch (JsonProcessingException e) {
                        // The walk reports this entry as altered: its text no longer hashes as written.
                    }
                }
            }
        }
        return before;
    }

    private static boolean tableExists(Connection connection, String table) throws SQLException {
        DatabaseMetaData meta = connection.getMetaData();
        for (String name : new String[] {table, table.toUpperCase(Locale.ROOT)}) {
            try (ResultSet tables = meta.getTables(null, connection.getSchema(), name, null)) {
                if (tables.next()) {
                    return true;
                }
            }
        }
        return false;
    }
}
