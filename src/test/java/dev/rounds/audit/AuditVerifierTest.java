package dev.rounds.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Tampering as an intruder with database access would do it, on a fresh H2 database per test: drop the
 * append-only trigger, change rows through plain JDBC, and expect verify to name the first broken entry. Every
 * case is verified in one walk and split into ranges walked in parallel; both must report exactly the same.
 */
class AuditVerifierTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T08:19:19.123456Z"), ZoneOffset.UTC);

    private TestDatabase database;
    private ChainedAuditLog log;
    private Verifiers verifier;

    @BeforeEach
    void freshDatabase() {
        database = TestDatabase.h2();
        log = new ChainedAuditLog(database.dataSource(), CLOCK);
        verifier = new Verifiers();
    }

    /** One walk, three ranges and seven ranges over the same log, expected to agree on everything. */
    private final class Verifiers {
        VerificationReport verify() {
            VerificationReport whole = new AuditVerifier(database.dataSource(), 1, 1).verify();
            for (int ranges : new int[] {3, 7}) {
                VerificationReport split = new AuditVerifier(database.dataSource(), ranges, 5).verify();
                assertEquals(whole, split, "walked in " + ranges + " ranges");
            }
            return whole;
        }
    }

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    private void appendEntries(int count) {
        List<AuditEvent> events = new ArrayList<>();
        for (int i = 1; i <= count; i++) {
            events.add(new AuditEvent(
                    "alice",
                    "occurrence.status",
                    "daily/backup-review@2026-11-26",
                    Map.of("status", "passed", "n", i)));
        }
        log.appendAll(events);
    }

    private static void assertBrokenAt(long seq, String reasonPart, VerificationReport report) {
        assertFalse(report.ok(), () -> "expected a broken chain, got " + report);
        assertEquals(seq, report.firstBroken().seq(), () -> report.firstBroken().reason());
        assertTrue(
                report.firstBroken().reason().contains(reasonPart),
                report.firstBroken().reason());
        assertEquals(seq - 1, report.entriesChecked());
    }

    @Test
    void intactChainVerifiesAndReportsItsHead() {
        appendEntries(100);

        VerificationReport report = verifier.verify();

        assertTrue(report.ok(), report::toString);
        assertNull(report.firstBroken());
        assertEquals(100, report.entriesChecked());
        assertEquals(100, report.headSeq());
        assertEquals(log.entries(99, 1).get(0).hash(), report.headHash());
    }

    @Test
    void emptyLogVerifiesWithTheZeroHead() {
        VerificationReport report = verifier.verify();

        assertTrue(report.ok(), report::toString);
        assertEquals(0, report.headSeq());
        assertEquals(AuditHash.ZERO, report.headHash());
    }

    @Test
    void detailAlteredInTheDatabaseIsNamedExactly() {
        appendEntries(100);
        database.dropAppendOnlyTrigger();
        database.sql("UPDATE audit_log SET detail = '{\"n\":37,\"status\":\"failed\"}' WHERE seq = 37");

        assertBrokenAt(37, "hash mismatch", verifier.verify());
    }

    @Test
    void alterationBeyondTheFirstPageIsNamedExactly() {
        appendEntries(AuditVerifier.PAGE_SIZE * 2 + 500);
        database.dropAppendOnlyTrigger();
        database.sql("UPDATE audit_log SET actor = 'mallory' WHERE seq = " + (AuditVerifier.PAGE_SIZE + 1));

        assertBrokenAt(AuditVerifier.PAGE_SIZE + 1, "hash mismatch", verifier.verify());
    }

    @Test
    void alterationsAtTheBoundariesOfParallelRangesAreNamedExactly() {
        // 99 entries in three ranges: 1..33, 34..66, 67..
        appendEntries(99);
        database.dropAppendOnlyTrigger();
        database.sql(
                "UPDATE audit_log SET subject = 'x' WHERE seq = 34",
                "UPDATE audit_log SET subject = 'x' WHERE seq = 80");

        assertBrokenAt(34, "hash mismatch", verifier.verify());
    }

    @Test
    void lastEntryOfARangeDeletedIsCaughtAsAGap() {
        appendEntries(99);
        database.dropAppendOnlyTrigger();
        database.sql("DELETE FROM audit_log WHERE seq = 33");

        assertBrokenAt(33, "entry missing: the log goes from seq 32 to seq 34", verifier.verify());
    }

    @Test
    void wholeRangeDeletedIsCaughtAsAGap() {
        appendEntries(99);
        database.dropAppendOnlyTrigger();
        database.sql("DELETE FROM audit_log WHERE seq BETWEEN 30 AND 70");

        assertBrokenAt(30, "entry missing: the log goes from seq 29 to seq 71", verifier.verify());
    }

    @Test
    void entryBeforeARangeBoundaryRewrittenWithARecomputedHashIsCaughtAtTheBoundaryLink() {
        appendEntries(99);
        AuditEntry original = log.entries(32, 1).get(0);
        String forgedHash = AuditHash.of(
                33,
                original.at(),
                "mallory",
                original.action(),
                original.subject(),
                original.detail(),
                original.prevHash());
        database.dropAppendOnlyTrigger();
        database.sql("UPDATE audit_log SET actor = 'mallory', hash = '" + forgedHash + "' WHERE seq = 33");

        assertBrokenAt(34, "wrong prev_hash", verifier.verify());
    }

    @Test
    void deletedEntryIsCaughtAsAGap() {
        appendEntries(50);
        database.dropAppendOnlyTrigger();
        database.sql("DELETE FROM audit_log WHERE seq = 20");

        assertBrokenAt(20, "entry missing: the log goes from seq 19 to seq 21", verifier.verify());
    }

    @Test
    void entryMovedOutOfOrderIsCaughtAsAGap() {
        appendEntries(50);
        database.dropAppendOnlyTrigger();
        database.sql("UPDATE audit_log SET seq = 51 WHERE seq = 20");

        assertBrokenAt(20, "entry missing", verifier.verify());
    }

    @Test
    void swappedEntriesAreCaughtAtTheFirstOfThem() {
        appendEntries(50);
        database.dropAppendOnlyTrigger();
        database.sql(
                "UPDATE audit_log SET seq = -1 WHERE seq = 20",
                "UPDATE audit_log SET seq = 20 WHERE seq = 21",
                "UPDATE audit_log SET seq = 21 WHERE seq = -1");

        assertBrokenAt(20, "hash mismatch", verifier.verify());
    }

    @Test
    void entriesDeletedFromTheEndAreCaughtThroughTheRecordedHead() {
        appendEntries(50);
        database.dropAppendOnlyTrigger();
        database.sql("DELETE FROM audit_log WHERE seq > 45");

        VerificationReport report = verifier.verify();

        assertBrokenAt(46, "audit_head records the chain head at seq 50, but the log ends at seq 45", report);
    }

    @Test
    void entryRewrittenWithARecomputedHashIsCaughtAtTheNextLink() {
        appendEntries(50);
        AuditEntry original = log.entries(9, 1).get(0);
        String forgedDetail = "{\"n\":10,\"status\":\"failed\"}";
        String forgedHash = AuditHash.of(
                10,
                original.at(),
                original.actor(),
                original.action(),
                original.subject(),
                forgedDetail,
                original.prevHash());
        database.dropAppendOnlyTrigger();
        database.sql(
                "UPDATE audit_log SET detail = '" + forgedDetail + "', hash = '" + forgedHash + "' WHERE seq = 10");

        assertBrokenAt(11, "wrong prev_hash", verifier.verify());
    }

    @Test
    void textMovedAcrossTheFieldSeparatorIsCaughtThoughTheHashStillMatches() {
        log.append("alice", "signoff.created", "daily/backup-review@2026-11-26", Map.of("note", "disk a|b"));
        database.dropAppendOnlyTrigger();
        // Joined with '|', these fields give the very text that was hashed: only the field boundaries moved.
        database.sql("UPDATE audit_log SET action = 'signoff.created|daily/backup-review@2026-11-26',"
                + " subject = '{\"note\":\"disk a', detail = 'b\"}' WHERE seq = 1");
        AuditEntry moved = log.entries(0, 1).get(0);
        assertEquals(moved.hash(), moved.recomputeHash(), "the hash alone cannot see this change");

        assertBrokenAt(1, "action contains '|'", verifier.verify());
    }

    @Test
    void intactDigestIsCheckedAgainstTheKeptProbeResults() {
        database.ensureProbeResultTable();
        appendDigestOf(insertResults(1, 5));

        VerificationReport report = verifier.verify();

        assertTrue(report.ok(), report::toString);
        assertEquals(1, report.digestsChecked());
        assertEquals(0, report.digestsSkipped());
        assertNull(report.digestsNote());
    }

    @Test
    void tamperedProbeResultIsCaughtThroughItsDigest() {
        database.ensureProbeResultTable();
        appendEntries(3);
        appendDigestOf(insertResults(1, 5));
        appendEntries(3);
        database.sql("UPDATE probe_result SET status = 'unknown' WHERE id = 3");

        VerificationReport report = verifier.verify();

        assertBrokenAt(4, "probe results 1..5 do not match their digest", report);
    }

    @Test
    void deletedProbeResultIsCaughtThroughItsDigest() {
        database.ensureProbeResultTable();
        appendDigestOf(insertResults(1, 5));
        database.sql("DELETE FROM probe_result WHERE id = 5");

        VerificationReport report = verifier.verify();

        assertBrokenAt(1, "count 5", report);
        assertTrue(
                report.firstBroken().reason().contains("now gives count 4"),
                report.firstBroken().reason());
    }

    @Test
    void digestsOfPrunedResultsAreReportedNotCheckableRatherThanBroken() {
        database.ensureProbeResultTable();
        appendDigestOf(insertResults(1, 5));
        appendDigestOf(insertResults(6, 10));
        database.sql("DELETE FROM probe_result WHERE id < 6");
        log.append(AuditLog.SYSTEM, ResultDigest.PRUNED_ACTION, ResultDigest.SUBJECT, Map.of("before_id", 6));

        VerificationReport report = verifier.verify();

        assertTrue(report.ok(), report::toString);
        assertEquals(1, report.digestsChecked());
        assertEquals(1, report.digestsSkipped());
        assertTrue(report.digestsNote().contains("below 6 were pruned"), report.digestsNote());
    }

    @Test
    void digestsAreSkippedAndSaidSoWhenTableProbeResultDoesNotExist() {
        String probeResult = database.queryLong("SELECT COUNT(*) FROM information_schema.tables"
                                + " WHERE LOWER(table_name) = 'probe_result'")
                        == 0
                ? null
                : "exists";
        if (probeResult != null) {
            // A later migration created it: this case then only arises on a database older than that migration.
            database.sql("DROP TABLE probe_result CASCADE");
        }
        log.append(
                AuditLog.SYSTEM,
                ResultDigest.ACTION,
                ResultDigest.SUBJECT,
                Map.of("first_id", 1, "last_id", 2, "count", 2, "sha256", "ab"));

        VerificationReport report = verifier.verify();

        assertTrue(report.ok(), report::toString);
        assertEquals(0, report.digestsChecked());
        assertEquals(1, report.digestsSkipped());
        assertTrue(report.digestsNote().contains("probe_result does not exist"), report.digestsNote());
    }

    /** Inserts results the way a result writer would and digests them as the writer must. */
    private ResultDigest insertResults(long firstId, long lastId) {
        ResultDigest digest = new ResultDigest();
        try (Connection connection = database.dataSource().getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO probe_result (id, checklist_id,"
                        + " activity_id, probe_index, target_id, type, probe_key, started_at, duration_us, status,"
                        + " values_json, conditions_json, message) VALUES (?, 'daily', 'services-up', 0, 'host01',"
                        + " 'http', ?, ?, ?, ?, ?, ?, ?)")) {
            for (long id = firstId; id <= lastId; id++) {
                Instant startedAt = Instant.parse("2026-11-26T08:00:00Z").plusNanos(id * 1_234_567_000L);
                String probe = "daily/services-up/0@host01";
                String status = id % 2 == 0 ? "down" : "up";
                // Stored as the writer's Jackson output, not canonical: verify must parse, not compare text.
                String valuesJson = "{ \"status\": 200, \"response_time\": \"PT0.25S\", \"ratio\": 0.5 }";
                String conditionsJson = "[ {\"text\": \"status (200) == 200\", \"ok\": true} ]";
                insert.setLong(1, id);
                insert.setString(2, probe);
                insert.setObject(3, OffsetDateTime.ofInstant(startedAt, ZoneOffset.UTC));
                insert.setLong(4, 1500 + id);
                insert.setString(5, status);
                insert.setString(6, valuesJson);
                insert.setString(7, conditionsJson);
                insert.setString(8, id == lastId ? null : "answered in 250 ms");
                insert.addBatch();

                Map<String, Object> row = new LinkedHashMap<>();
                row.put("id", id);
                row.put("probe", probe);
                row.put("started_at", AuditHash.timestamp(startedAt));
                row.put("duration_us", 1500 + id);
                row.put("status", status);
                row.put("values", Map.of("status", 200, "response_time", "PT0.25S", "ratio", 0.5));
                row.put("conditions", List.of(Map.of("text", "status (200) == 200", "ok", true)));
                row.put("message", id == lastId ? null : "answered in 250 ms");
                digest.add(id, row);
            }
            insert.executeBatch();
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
        return digest;
    }

    private void appendDigestOf(ResultDigest digest) {
        log.append(AuditLog.SYSTEM, ResultDigest.ACTION, ResultDigest.SUBJECT, digest.detail());
    }
}
