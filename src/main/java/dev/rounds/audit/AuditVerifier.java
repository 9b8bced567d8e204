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
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;

/**
 * Recomputes the audit chain from its rows and checks every probe-result digest against the results still kept.
 *
 * <p>Each entry's hash is recomputed over its stored text (the canonical text that was hashed, so no JSON is parsed
 * except for digests), its seq must follow the previous one and its prev_hash must be the previous entry's hash.
 * A long log is split into consecutive seq ranges walked in parallel, one connection each, a page at a time, so
 * memory stays constant and both cores work; the links between ranges are checked when their walks are joined. The
 * report names the first broken entry, in seq order, and why.
 */
@ApplicationScoped
public class AuditVerifier {

    static final int PAGE_SIZE = 10_000;
    /** Below this many entries per range, a second walk costs more than it saves. */
    static final long MIN_RANGE = 100_000;

    private static final String HEAD = "SELECT seq, hash FROM audit_head WHERE id = 1";
    private static final String LAST_SEQ = "SELECT MAX(seq) FROM audit_log";
    private static final String PRUNED = "SELECT detail FROM audit_log WHERE action = ?";
    private static final String PAGE = "SELECT seq, at, actor, action, subject, detail, prev_hash, hash FROM audit_log"
            + " WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT " + PAGE_SIZE;
    private static final String RESULTS = "SELECT id, probe_key, started_at, duration_us, status, values_json,"
            + " conditions_json, message FROM probe_result WHERE id BETWEEN ? AND ? ORDER BY id";
    private static final ObjectMapper JSON = new ObjectMapper();

    private final DataSource dataSource;
    private final int maxRanges;
    private final long minRange;

    @Inject
    public AuditVerifier(DataSource dataSource) {
        this(dataSource, Runtime.getRuntime().availableProcessors(), MIN_RANGE);
    }

    /** A verifier that walks at most {@code maxRanges} ranges of at least {@code minRange} entries at once. */
    AuditVerifier(DataSource dataSource, int maxRanges, long minRange) {
        this.dataSource = dataSource;
        this.maxRanges = maxRanges;
        this.minRange = minRange;
    }

    /** Verifies the whole log as it is now. */
    public VerificationReport verify() {
        try (Connection connection = dataSource.getConnection()) {
            // Read before the walk: every entry audit_head records was committed before the walk began, so the walk
            // must reach it, even while other transactions keep appending.
            long[] recordedSeq = new long[1];
            String recordedHash = recordedHead(connection, recordedSeq);
            Context context = new Context(recordedSeq[0], tableExists(connection, "probe_result"),
                    prunedBefore(connection));
            List<Range> ranges = split(lastSeq(connection));
            walkAll(connection, ranges, context);
            return join(ranges, recordedSeq[0], recordedHash);
        } catch (SQLException e) {
            throw new IllegalStateException("cannot verify the audit log: " + e.getMessage(), e);
        }
    }

    private List<Range> split(long lastSeq) {
        int count = (int) Math.max(1, Math.min(maxRanges, lastSeq / minRange));
        List<Range> ranges = new ArrayList<>(count);
        long from = 0;
        for (int i = 1; i <= count; i++) {
            // The last range is open-ended: it takes in what is appended while the walk runs.
            long to = i == count ? Long.MAX_VALUE : lastSeq * i / count;
            ranges.add(new Range(from, to));
            from = to;
        }
        return ranges;
    }

    private void walkAll(Connection connection, List<Range> ranges, Context context) throws SQLException {
        if (ranges.size() == 1) {
            ranges.get(0).walk(connection, context);
            return;
        }
        ExecutorService walkers = Executors.newFixedThreadPool(ranges.size() - 1, runnable -> {
            Thread thread = new Thread(runnable, "audit-verify");
            thread.setDaemon(true);
            return thread;
        });
        try {
            List<Future<Void>> walks = new ArrayList<>();
            for (Range range : ranges.subList(1, ranges.size())) {
                walks.add(walkers.submit(() -> {
                    try (Connection own = dataSource.getConnection()) {
                        range.walk(own, context);
                    }
                    return null;
                }));
            }
            ranges.get(0).walk(connection, context);
            for (Future<Void> walk : walks) {
                walk.get();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException("audit verification was interrupted", e);
        } catch (ExecutionException e) {
            if (e.getCause() instanceof SQLException sql) {
                throw sql;
            }
            throw new IllegalStateException("audit verification failed: " + e.getCause().getMessage(), e.getCause());
        } finally {
            walkers.shutdownNow();
        }
    }

    /** Links the ranges' walks into one chain and reports its first broken entry. */
    private static VerificationReport join(List<Range> ranges, long recordedSeq, String recordedHash) {
        Totals totals = new Totals();
        String hashAtRecordedSeq = recordedSeq == 0 ? AuditHash.ZERO : null;
        for (Range range : ranges) {
            if (range.firstSeq == 0 && range.broken == null) {
                continue;
            }
            if (range.firstSeq != totals.headSeq + 1) {
                return totals.report(new VerificationReport.Broken(totals.headSeq + 1, "entry missing: the log goes"
                        + " from seq " + totals.headSeq + " to seq " + range.firstSeq
                        + "; entries were deleted or renumbered"));
            }
            if (range.firstIntact && !range.firstPrevHash.equals(totals.headHash)) {
                return totals.report(wrongPrevHash(range.firstSeq, range.firstPrevHash, totals.headSeq,
                        totals.headHash));
            }
            totals.add(range);
            if (range.broken != null) {
                return totals.report(range.broken);
            }
            if (range.hashAtRecordedSeq != null) {
                hashAtRecordedSeq = range.hashAtRecordedSeq;
            }
        }
        if (recordedHash != null && totals.headSeq < recordedSeq) {
            return totals.report(new VerificationReport.Broken(totals.headSeq + 1, "entry missing: audit_head records"
                    + " the chain head at seq " + recordedSeq + ", but the log ends at seq " + totals.headSeq
                    + "; the entries after seq " + totals.headSeq + " were deleted"));
        }
        if (recordedHash != null && !recordedHash.equals(hashAtRecordedSeq)) {
            return totals.report(new VerificationReport.Broken(recordedSeq, "hash " + hashAtRecordedSeq
                    + " differs from the head hash " + recordedHash + " recorded in audit_head; the chain was"
                    + " rewritten up to this entry, or audit_head was altered"));
        }
        return totals.report(null);
    }

    private static VerificationReport.Broken wrongPrevHash(long seq, String prevHash, long previousSeq,
            String previousHash) {
        return new VerificationReport.Broken(seq, "wrong prev_hash: it is " + prevHash + " but entry seq " + previousSeq
                + " has hash " + previousHash + "; entry seq " + previousSeq
                + " or this one was rewritten with a recomputed hash");
    }

    /** What every range's walk needs to know about the database, found out once before the walks. */
    private record Context(long recordedSeq, boolean resultsKept, long prunedBefore) {
    }

    /** The walk of entries with {@code from < seq <= to}; its first entry is linked to the range before by join. */
    private static final class Range {

        private final long from;
        private final long to;
        private long firstSeq;
        private String firstPrevHash;
        /** The first entry passed every check that needs no earlier entry. */
        private boolean firstIntact;
        private long lastSeq;
        private String lastHash;
        private long entriesChecked;
        private String hashAtRecordedSeq;
        private VerificationReport.Broken broken;
        private long digestsChecked;
        private long digestsSkipped;
        private String digestsNote;

        Range(long from, long to) {
            this.from = from;
            this.to = to;
        }

        void walk(Connection connection, Context context) throws SQLException {
            try (PreparedStatement page = connection.prepareStatement(PAGE)) {
                page.setFetchSize(PAGE_SIZE);
                long after = from;
                int rowsInPage = PAGE_SIZE;
                while (rowsInPage == PAGE_SIZE) {
                    page.setLong(1, after);
                    page.setLong(2, to);
                    rowsInPage = 0;
                    try (ResultSet rows = page.executeQuery()) {
                        while (rows.next()) {
                            rowsInPage++;
                            AuditEntry entry = AuditEntry.read(rows);
                            broken = check(entry, connection, context);
                            if (broken != null) {
                                return;
                            }
                            entriesChecked++;
                            lastSeq = entry.seq();
                            lastHash = entry.hash();
                            after = lastSeq;
                        }
                    }
                }
            }
        }

        private VerificationReport.Broken check(AuditEntry entry, Connection connection, Context context)
                throws SQLException {
            boolean first = firstSeq == 0;
            if (first) {
                firstSeq = entry.seq();
                firstPrevHash = entry.prevHash();
            } else if (entry.seq() != lastSeq + 1) {
                return new VerificationReport.Broken(lastSeq + 1, "entry missing: the log goes from seq " + lastSeq
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
            if (first) {
                firstIntact = true;
            } else if (!entry.prevHash().equals(lastHash)) {
                return wrongPrevHash(entry.seq(), entry.prevHash(), lastSeq, lastHash);
            }
            if (entry.seq() == context.recordedSeq()) {
                hashAtRecordedSeq = entry.hash();
            }
            if (ResultDigest.ACTION.equals(entry.action())) {
                return checkDigest(entry, connection, context);
            }
            return null;
        }

        private static String fieldWithSeparator(AuditEntry entry) {
            if (entry.actor().indexOf('|') >= 0) return "actor";
            if (entry.action().indexOf('|') >= 0) return "action";
            if (entry.subject().indexOf('|') >= 0) return "subject";
            return null;
        }

        private VerificationReport.Broken checkDigest(AuditEntry entry, Connection connection, Context context)
                throws SQLException {
            if (!context.resultsKept()) {
                // Nothing to check against: spare the walk a JSON parse for what may be most of its entries.
                digestsSkipped++;
                digestsNote = "table probe_result does not exist, so no digest could be checked";
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
                return new VerificationReport.Broken(entry.seq(), "a " + ResultDigest.ACTION + " entry needs the detail"
                        + " {first_id, last_id, count, sha256}, got " + entry.detail());
            }
            if (firstId < context.prunedBefore()) {
                digestsSkipped++;
                digestsNote = "results with ids below " + context.prunedBefore() + " were pruned, so their digests"
                        + " cannot be checked";
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
            digestsChecked++;
            if (digest.count() != count || !sha256.equals(found)) {
                return new VerificationReport.Broken(entry.seq(), "probe results " + firstId + ".." + lastId
                        + " do not match their digest: it records count " + count + " and sha256 " + sha256
                        + ", table probe_result now gives count " + digest.count() + " and sha256 " + found
                        + "; a result in that range was altered, added or deleted");
            }
            return null;
        }
    }

    /** The running sums of the ranges joined so far. */
    private static final class Totals {
        private long entriesChecked;
        private long headSeq;
        private String headHash = AuditHash.ZERO;
        private long digestsChecked;
        private long digestsSkipped;
        private String digestsNote;

        void add(Range range) {
            entriesChecked += range.entriesChecked;
            if (range.entriesChecked > 0) {
                headSeq = range.lastSeq;
                headHash = range.lastHash;
            }
            digestsChecked += range.digestsChecked;
            digestsSkipped += range.digestsSkipped;
            if (range.digestsNote != null) {
                digestsNote = range.digestsNote;
            }
        }

        VerificationReport report(VerificationReport.Broken broken) {
            return new VerificationReport(broken == null, entriesChecked, headSeq, headHash, broken, digestsChecked,
                    digestsSkipped, digestsNote);
        }
    }

    /** The row form {@link ResultDigest} documents, rebuilt from the stored columns. */
    private static Map<String, Object> resultRow(ResultSet rows) throws SQLException {
        OffsetDateTime startedAt = rows.getObject(3, OffsetDateTime.class);
        return ResultDigest.row(rows.getLong(1), rows.getString(2), startedAt == null ? null : startedAt.toInstant(),
                rows.getObject(4, Long.class), rows.getString(5), parse(rows.getString(6)), parse(rows.getString(7)),
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

    private static String recordedHead(Connection connection, long[] seq) throws SQLException {
        try (PreparedStatement head = connection.prepareStatement(HEAD);
                ResultSet row = head.executeQuery()) {
            if (!row.next()) {
                return null;
            }
            seq[0] = row.getLong(1);
            return row.getString(2);
        }
    }

    private static long lastSeq(Connection connection) throws SQLException {
        try (PreparedStatement last = connection.prepareStatement(LAST_SEQ);
                ResultSet row = last.executeQuery()) {
            row.next();
            return row.getLong(1);
        }
    }

    private static long prunedBefore(Connection connection) throws SQLException {
        long before = Long.MIN_VALUE;
        try (PreparedStatement pruned = connection.prepareStatement(PRUNED)) {
            pruned.setString(1, ResultDigest.PRUNED_ACTION);
            try (ResultSet rows = pruned.executeQuery()) {
                while (rows.next()) {
                    try {
                        before = Math.max(before,
                                JSON.readTree(rows.getString(1)).path("before_id").asLong(Long.MIN_VALUE));
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
