package dev.rounds.audit;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.DatabaseMetaData;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.OffsetDateTime;
import java.util.LinkedHashMap;
import java.util.Locale;
import java.util.Map;
import javax.sql.DataSource;

/**
 * Recomputes the audit chain from its rows and checks every probe-result digest against the results still kept.
 *
 * <p>The chain is read in seq order a page at a time, so memory stays constant however long the log is. Each
 * entry's hash is recomputed over its stored text (which is the canonical text that was hashed, so no JSON is
 * parsed except for digest and pruning entries), its seq must follow the previous one and its prev_hash must be
 * the previous entry's hash. Verification stops at the first broken entry and says why.
 */
@ApplicationScoped
public class AuditVerifier {

    static final int PAGE_SIZE = 10_000;

    private static final String HEAD = "SELECT seq, hash FROM audit_head WHERE id = 1";
    private static final String PRUNED = "SELECT detail FROM audit_log WHERE action = ?";
    private static final String PAGE = "SELECT seq, at, actor, action, subject, detail, prev_hash, hash FROM audit_log"
            + " WHERE seq > ? ORDER BY seq LIMIT " + PAGE_SIZE;
    private static final String RESULTS = "SELECT id, probe_key, started_at, duration_us, status, values_json,"
            + " conditions_json, message FROM probe_result WHERE id BETWEEN ? AND ? ORDER BY id";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataSource dataSource;

    @Inject
    public AuditVerifier(DataSource dataSource) {
        this.dataSource = dataSource;
    }

    /** Verifies the whole log as it is now. */
    public VerificationReport verify() {
        try (Connection connection = dataSource.getConnection()) {
            return new Run(connection).verify();
        } catch (SQLException e) {
            throw new IllegalStateException("cannot verify the audit log: " + e.getMessage(), e);
        }
    }

    /** One verification: the state of a walk along the chain. */
    private static final class Run {

        private final Connection connection;
        private long entriesChecked;
        private long headSeq;
        private String headHash = AuditHash.ZERO;
        private long digestsChecked;
        private long digestsSkipped;
        private String digestsNote;
        private boolean resultsKept;
        private long prunedBefore;

        Run(Connection connection) {
            this.connection = connection;
        }

        VerificationReport verify() throws SQLException {
            // Read before the walk: every entry it records was committed before the walk began, so the walk
            // must reach it, even while other transactions keep appending.
            long[] recordedSeq = new long[1];
            String recordedHash = recordedHead(recordedSeq);
            resultsKept = tableExists("probe_result");
            prunedBefore = prunedBefore();

            String hashAtRecordedSeq = recordedSeq[0] == 0 ? AuditHash.ZERO : null;
            try (PreparedStatement page = connection.prepareStatement(PAGE)) {
                page.setFetchSize(PAGE_SIZE);
                boolean more = true;
                while (more) {
                    page.setLong(1, headSeq);
                    int rowsInPage = 0;
                    try (ResultSet rows = page.executeQuery()) {
                        while (rows.next()) {
                            rowsInPage++;
                            AuditEntry entry = AuditEntry.read(rows);
                            VerificationReport.Broken broken = check(entry);
                            if (broken != null) {
                                return report(broken);
                            }
                            entriesChecked++;
                            headSeq = entry.seq();
                            headHash = entry.hash();
                            if (headSeq == recordedSeq[0]) {
                                hashAtRecordedSeq = headHash;
                            }
                        }
                    }
                    more = rowsInPage == PAGE_SIZE;
                }
            }
            if (recordedHash != null && headSeq < recordedSeq[0]) {
                return report(new VerificationReport.Broken(headSeq + 1, "entry missing: audit_head records the chain"
                        + " head at seq " + recordedSeq[0] + ", but the log ends at seq " + headSeq
                        + "; the entries after seq " + headSeq + " were deleted"));
            }
            if (recordedHash != null && !recordedHash.equals(hashAtRecordedSeq)) {
                return report(new VerificationReport.Broken(recordedSeq[0], "hash " + hashAtRecordedSeq
                        + " differs from the head hash " + recordedHash + " recorded in audit_head; the chain was"
                        + " rewritten up to this entry, or audit_head was altered"));
            }
            return report(null);
        }

        private VerificationReport.Broken check(AuditEntry entry) throws SQLException {
            long expected = headSeq + 1;
            if (entry.seq() != expected) {
                return new VerificationReport.Broken(expected, "entry missing: the log goes from seq " + headSeq
                        + " to seq " + entry.seq() + "; entries were deleted or renumbered");
            }
            String field = fieldWithSeparator(entry);
            if (field != null) {
                return new VerificationReport.Broken(entry.seq(), "the " + field + " contains '|', which Rounds never"
                        + " writes; text was moved between the entry's fields");
            }
            String recomputed = entry.recomputeHash();
            if (!recomputed.equals(entry.hash())) {
                return new VerificationReport.Broken(entry.seq(), "hash mismatch: the row stores " + entry.hash()
                        + " but its fields hash to " + recomputed + "; the entry was altered after it was written");
            }
            if (!entry.prevHash().equals(headHash)) {
                return new VerificationReport.Broken(entry.seq(), "wrong prev_hash: it is " + entry.prevHash()
                        + " but entry seq " + headSeq + " has hash " + headHash + "; entry seq " + headSeq
                        + " or this one was rewritten with a recomputed hash");
            }
            if (ResultDigest.ACTION.equals(entry.action())) {
                return checkDigest(entry);
            }
            return null;
        }

        private static String fieldWithSeparator(AuditEntry entry) {
            if (entry.actor().indexOf('|') >= 0) return "actor";
            if (entry.action().indexOf('|') >= 0) return "action";
            if (entry.subject().indexOf('|') >= 0) return "subject";
            return null;
        }

        private VerificationReport.Broken checkDigest(AuditEntry entry) throws SQLException {
            long firstId;
            long lastId;
            long count;
            String sha256;
            try {
                JsonNode detail = JSON.readTree(entry.detail());
                firstId = detail.path("first_id").asLong(Long.MIN_VALUE);
                lastId = detail.path("last_id").asLong(Long.MIN_VALUE);
                count = detail.path("count").asLong(-1);
                sha256 = detail.path("sha256").asText("");
            } catch (JsonProcessingException e) {
                sha256 = "";
                firstId = lastId = Long.MIN_VALUE;
                count = -1;
            }
            if (firstId == Long.MIN_VALUE || lastId == Long.MIN_VALUE || count < 0 || sha256.isEmpty()) {
                return new VerificationReport.Broken(entry.seq(), "a " + ResultDigest.ACTION + " entry needs the detail"
                        + " {first_id, last_id, count, sha256}, got " + entry.detail());
            }
            if (!resultsKept) {
                digestsSkipped++;
                digestsNote = "table probe_result does not exist, so no digest could be checked";
                return null;
            }
            if (firstId < prunedBefore) {
                digestsSkipped++;
                digestsNote = "results with ids below " + prunedBefore + " were pruned, so their digests cannot be"
                        + " checked";
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
            Map<String, Object> found = digest.detail();
            digestsChecked++;
            if (digest.count() != count || !sha256.equals(found.get("sha256"))) {
                return new VerificationReport.Broken(entry.seq(), "probe results " + firstId + ".." + lastId
                        + " do not match their digest: it records count " + count + " and sha256 " + sha256
                        + ", table probe_result now gives count " + digest.count() + " and sha256 "
                        + found.get("sha256") + "; a result in that range was altered, added or deleted");
            }
            return null;
        }

        /** The row form {@link ResultDigest} documents, rebuilt from the stored columns. */
        private static Map<String, Object> resultRow(ResultSet rows) throws SQLException {
            Map<String, Object> row = new LinkedHashMap<>();
            row.put("id", rows.getLong(1));
            row.put("probe", rows.getString(2));
            OffsetDateTime startedAt = rows.getObject(3, OffsetDateTime.class);
            row.put("started_at", startedAt == null ? null : AuditHash.timestamp(startedAt.toInstant()));
            row.put("duration_us", rows.getObject(4, Long.class));
            row.put("status", rows.getString(5));
            row.put("values", parse(rows.getString(6)));
            row.put("conditions", parse(rows.getString(7)));
            row.put("message", rows.getString(8));
            return row;
        }

        private static Object parse(String json) {
            if (json == null) {
                return null;
            }
            try {
                return JSON.readValue(json, Object.class);
            } catch (JsonProcessingException e) {
                // Unparseable text cannot equal what was digested; keep it as text so the digest differs.
                return json;
            }
        }

        private String recordedHead(long[] seq) throws SQLException {
            try (PreparedStatement head = connection.prepareStatement(HEAD);
                    ResultSet row = head.executeQuery()) {
                if (!row.next()) {
                    return null;
                }
                seq[0] = row.getLong(1);
                return row.getString(2);
            }
        }

        private long prunedBefore() throws SQLException {
            long before = Long.MIN_VALUE;
            try (PreparedStatement pruned = connection.prepareStatement(PRUNED)) {
                pruned.setString(1, ResultDigest.PRUNED_ACTION);
                try (ResultSet rows = pruned.executeQuery()) {
                    while (rows.next()) {
                        try {
                            before = Math.max(before, JSON.readTree(rows.getString(1)).path("before_id")
                                    .asLong(Long.MIN_VALUE));
                        } catch (JsonProcessingException e) {
                            // The walk reports this entry as altered: its text no longer hashes as written.
                        }
                    }
                }
            }
            return before;
        }

        private boolean tableExists(String table) throws SQLException {
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

        private VerificationReport report(VerificationReport.Broken broken) {
            return new VerificationReport(broken == null, entriesChecked, headSeq, headHash, broken, digestsChecked,
                    digestsSkipped, digestsNote);
        }
    }
}
