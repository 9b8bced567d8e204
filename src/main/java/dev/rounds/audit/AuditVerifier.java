package dev.rounds.audit;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;

/**
 * Recomputes the audit chain from its rows and checks every probe-result digest against the results still kept
 * ({@link DigestCheck}).
 *
 * <p>Each entry's hash is recomputed over its stored text (the canonical text that was hashed, so no JSON is parsed
 * except for digests), its seq must follow the previous one and its prev_hash must be the previous entry's hash.
 * A long log is split into consecutive seq ranges walked in parallel, one connection each, a page at a time, so
 * memory stays constant and both cores work; the links between ranges are checked when their walks are joined. The
 * report names the first broken entry, in seq order, and why; {@link VerificationTimes} says where the time went.
 */
@ApplicationScoped
public class AuditVerifier {

    static final int PAGE_SIZE = 10_000;
    /** Below this many entries per range, a second walk costs more than it saves. */
    static final long MIN_RANGE = 100_000;

    private static final String HEAD = "SELECT seq, hash FROM audit_head WHERE id = 1";
    private static final String LAST_SEQ = "SELECT MAX(seq) FROM audit_log";
    private static final String PAGE = "SELECT seq, at, actor, action, subject, detail, prev_hash, hash FROM audit_log"
            + " WHERE seq > ? AND seq <= ? ORDER BY seq LIMIT " + PAGE_SIZE;

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
        return verify(new VerificationTimes());
    }

    /** Verifies the whole log as it is now, adding where the time went to {@code times}. */
    public VerificationReport verify(VerificationTimes times) {
        long start = System.nanoTime();
        try (Connection connection = dataSource.getConnection()) {
            // Read before the walk: every entry audit_head records was committed before the walk began, so the walk
            // must reach it, even while other transactions keep appending.
            long[] recordedSeq = new long[1];
            String recordedHash = recordedHead(connection, recordedSeq);
            Context context = new Context(recordedSeq[0], DigestCheck.prepare(connection));
            List<Range> ranges = split(lastSeq(connection));
            walkAll(connection, ranges, context);
            for (Range range : ranges) {
                times.addWalk(range.readNanos, range.chainNanos, range.digestNanos);
            }
            times.finish(System.nanoTime() - start, ranges.size());
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
            throw new IllegalStateException(
                    "audit verification failed: " + e.getCause().getMessage(), e.getCause());
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
                return totals.report(new VerificationReport.Broken(
                        totals.headSeq + 1,
                        "entry missing: the log goes"
                                + " from seq " + totals.headSeq + " to seq " + range.firstSeq
                                + "; entries were deleted or renumbered"));
            }
            if (range.firstIntact && !range.firstPrevHash.equals(totals.headHash)) {
                return totals.report(
                        wrongPrevHash(range.firstSeq, range.firstPrevHash, totals.headSeq, totals.headHash));
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
            return totals.report(new VerificationReport.Broken(
                    totals.headSeq + 1,
                    "entry missing: audit_head records"
                            + " the chain head at seq " + recordedSeq + ", but the log ends at seq " + totals.headSeq
                            + "; the entries after seq " + totals.headSeq + " were deleted"));
        }
        if (recordedHash != null && !recordedHash.equals(hashAtRecordedSeq)) {
            return totals.report(new VerificationReport.Broken(
                    recordedSeq,
                    "hash " + hashAtRecordedSeq
                            + " differs from the head hash " + recordedHash + " recorded in audit_head; the chain was"
                            + " rewritten up to this entry, or audit_head was altered"));
        }
        return totals.report(null);
    }

    private static VerificationReport.Broken wrongPrevHash(
            long seq, String prevHash, long previousSeq, String previousHash) {
        return new VerificationReport.Broken(
                seq,
                "wrong prev_hash: it is " + prevHash + " but entry seq " + previousSeq
                        + " has hash " + previousHash + "; entry seq " + previousSeq
                        + " or this one was rewritten with a recomputed hash");
    }

    /** What every range's walk needs to know about the database, found out once before the walks. */
    private record Context(long recordedSeq, DigestCheck digests) {}

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
        private final DigestCheck.Tally digests = new DigestCheck.Tally();
        private final AuditHash.Recomputation hashes = new AuditHash.Recomputation();
        private long readNanos;
        private long chainNanos;
        private long digestNanos;

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
                    long readStart = System.nanoTime();
                    try (ResultSet rows = page.executeQuery()) {
                        while (rows.next()) {
                            rowsInPage++;
                            AuditEntry entry = AuditEntry.read(rows);
                            long checkStart = System.nanoTime();
                            readNanos += checkStart - readStart;
                            broken = check(entry, connection, context);
                            readStart = System.nanoTime();
                            chainNanos += readStart - checkStart;
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
                return new VerificationReport.Broken(
                        lastSeq + 1,
                        "entry missing: the log goes from seq " + lastSeq + " to seq " + entry.seq()
                                + "; entries were deleted or renumbered");
            }
            String field = fieldWithSeparator(entry);
            if (field != null) {
                return new VerificationReport.Broken(
                        entry.seq(),
                        "the " + field + " contains '|', which Rounds never"
                                + " writes; text was moved between the entry's fields");
            }
            if (!hashes.matches(entry)) {
                String recomputed = entry.recomputeHash();
                return new VerificationReport.Broken(
                        entry.seq(),
                        "hash mismatch: the row stores " + entry.hash() + " but its fields hash to " + recomputed
                                + "; the entry was altered after it was written");
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
                long start = System.nanoTime();
                VerificationReport.Broken wrongDigest = context.digests().check(entry, connection, digests);
                long spent = System.nanoTime() - start;
                digestNanos += spent;
                // the caller counts the whole check as chain time
                chainNanos -= spent;
                return wrongDigest;
            }
            return null;
        }

        private static String fieldWithSeparator(AuditEntry entry) {
            if (entry.actor().indexOf('|') >= 0) return "actor";
            if (entry.action().indexOf('|') >= 0) return "action";
            if (entry.subject().indexOf('|') >= 0) return "subject";
            return null;
        }
    }

    /** The running sums of the ranges joined so far. */
    private static final class Totals {
        private long entriesChecked;
        private long headSeq;
        private String headHash = AuditHash.ZERO;
        private final DigestCheck.Tally digests = new DigestCheck.Tally();

        void add(Range range) {
            entriesChecked += range.entriesChecked;
            if (range.entriesChecked > 0) {
                headSeq = range.lastSeq;
                headHash = range.lastHash;
            }
            digests.add(range.digests);
        }

        VerificationReport report(VerificationReport.Broken broken) {
            return new VerificationReport(
                    broken == null,
                    entriesChecked,
                    headSeq,
                    headHash,
                    broken,
                    digests.checked(),
                    digests.skipped(),
                    digests.note());
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
}
