package dev.rounds.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The chain as written, on a fresh H2 database through a plain DataSource (each call its own transaction). */
class ChainedAuditLogTest {

    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-11-26T08:19:19.123456789Z"), ZoneOffset.UTC);

    private TestDatabase database;
    private ChainedAuditLog log;

    @BeforeEach
    void freshDatabase() {
        database = TestDatabase.h2();
        log = new ChainedAuditLog(database.dataSource(), CLOCK);
    }

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    @Test
    void firstEntryLinksToZerosAndHashesItsStoredFields() {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("sha256", "ab");
        detail.put("file", "daily.yaml");

        long seq = log.append(AuditLog.SYSTEM, "checklist.loaded", "daily", detail);

        assertEquals(1, seq);
        AuditEntry entry = log.entries(0, 10).get(0);
        assertEquals("2026-11-26T08:19:19.123456Z", entry.at());
        assertEquals("{\"file\":\"daily.yaml\",\"sha256\":\"ab\"}", entry.detail(), "detail is stored canonical");
        assertEquals(AuditHash.ZERO, entry.prevHash());
        assertEquals("c89c7ce80de6baa5457e05fc49a6f67d75a37fedd16f8618b4ffb95af3d8d347", entry.hash());
    }

    @Test
    void appendAllGivesConsecutiveSeqsEachLinkedToThePrevious() {
        log.append("alice", "signoff.created", "daily/backup-review@2026-11-26", Map.of("note", "ok"));
        List<AuditEvent> events = new ArrayList<>();
        for (int i = 0; i < 2500; i++) {
            events.add(new AuditEvent(AuditLog.SYSTEM, ResultDigest.ACTION, ResultDigest.SUBJECT, Map.of("n", i)));
        }

        List<Long> seqs = log.appendAll(events);

        assertEquals(2, seqs.get(0));
        assertEquals(2501, seqs.get(2499));
        List<AuditEntry> entries = log.entries(0, 3000);
        assertEquals(2501, entries.size());
        for (int i = 1; i < entries.size(); i++) {
            assertEquals(i + 1, entries.get(i).seq());
            assertEquals(entries.get(i - 1).hash(), entries.get(i).prevHash());
            assertEquals(entries.get(i).recomputeHash(), entries.get(i).hash());
        }
        assertEquals(2501, database.queryLong("SELECT seq FROM audit_head"));
    }

    @Test
    void appendingNothingWritesNothing() {
        assertEquals(List.of(), log.appendAll(List.of()));
        assertEquals(0, database.queryLong("SELECT COUNT(*) FROM audit_log"));
    }

    @Test
    void nullDetailIsRecordedAsEmptyObject() {
        log.append(AuditLog.SYSTEM, "rounds.started", "", null);

        assertEquals("{}", log.entries(0, 1).get(0).detail());
    }

    @Test
    void fieldSeparatorInActorActionOrSubjectIsRefusedWithTheFieldNamed() {
        IllegalArgumentException actor = assertThrows(
                IllegalArgumentException.class, () -> log.append("eve|admin", "signoff.created", "x", Map.of()));
        assertTrue(actor.getMessage().contains("actor may not contain '|'"), actor.getMessage());
        IllegalArgumentException subject = assertThrows(
                IllegalArgumentException.class, () -> log.append("eve", "signoff.created", "a|b", Map.of()));
        assertTrue(subject.getMessage().contains("subject may not contain '|'"), subject.getMessage());
        assertThrows(IllegalArgumentException.class, () -> log.append("eve", " ", "x", Map.of()));
        assertEquals(0, database.queryLong("SELECT COUNT(*) FROM audit_log"));
    }

    @Test
    void concurrentAppendersOnSeveralConnectionsExtendOneContiguousChain() throws Exception {
        int threads = 4;
        int appendsEach = 50;
        ExecutorService pool = Executors.newFixedThreadPool(threads);
        try {
            List<Future<?>> done = new ArrayList<>();
            for (int t = 0; t < threads; t++) {
                int thread = t;
                done.add(pool.submit(() -> {
                    for (int i = 0; i < appendsEach; i++) {
                        if (i % 10 == 0) {
                            log.appendAll(List.of(
                                    new AuditEvent("t" + thread, "test.batch", "b", Map.of("i", i)),
                                    new AuditEvent("t" + thread, "test.batch", "b", Map.of("i", i))));
                        } else {
                            log.append("t" + thread, "test.single", "s", Map.of("i", i));
                        }
                    }
                }));
            }
            for (Future<?> future : done) {
                future.get();
            }
        } finally {
            pool.shutdown();
        }

        long expected = threads * (appendsEach + appendsEach / 10);
        VerificationReport report = new AuditVerifier(database.dataSource()).verify();
        assertTrue(report.ok(), () -> report.toString());
        assertEquals(expected, report.entriesChecked());
        assertEquals(expected, report.headSeq());
    }
}
