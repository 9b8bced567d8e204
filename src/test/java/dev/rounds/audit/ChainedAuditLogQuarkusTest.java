package dev.rounds.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** The CDI audit log on the application's Agroal data source and JTA transactions. */
@QuarkusTest
class ChainedAuditLogQuarkusTest {

    @Inject
    AuditLog log;

    @Inject
    ChainedAuditLog chain;

    @Inject
    AuditVerifier verifier;

    @Inject
    DataSource dataSource;

    private long headSeq() {
        try (Connection connection = dataSource.getConnection();
                Statement statement = connection.createStatement();
                ResultSet row = statement.executeQuery("SELECT seq FROM audit_head")) {
            row.next();
            return row.getLong(1);
        } catch (SQLException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void appendJoinsTheCallersTransactionAndRollsBackWithIt() {
        long before = headSeq();

        // The caller's own work fails after it appended: its entry must vanish with that work.
        IllegalStateException failed = assertThrows(
                IllegalStateException.class,
                () -> QuarkusTransaction.requiringNew().run(() -> {
                    long seq = log.append("alice", "signoff.created", "daily/backup-review@2026-11-26", Map.of());
                    assertEquals(before + 1, seq);
                    assertEquals(before + 1, headSeq(), "the caller's transaction sees its own entry");
                    throw new IllegalStateException("sign-off could not be stored");
                }));
        assertEquals("sign-off could not be stored", failed.getMessage());

        assertEquals(before, headSeq());
        assertEquals(List.of(), chain.entries(before, 10));
    }

    @Test
    void entriesAppendedInOneTransactionCommitTogetherWithConsecutiveSeqs() {
        long before = headSeq();

        List<Long> seqs = QuarkusTransaction.requiringNew().call(() -> {
            long first = log.append("alice", "waiver.created", "daily/backup-review", Map.of("reason", "holiday"));
            List<Long> rest = log.appendAll(List.of(
                    new AuditEvent("alice", "waiver.approved", "daily/backup-review", Map.of()),
                    new AuditEvent(
                            AuditLog.SYSTEM,
                            "occurrence.status",
                            "daily/backup-review@2026-11-26",
                            Map.of("status", "waived"))));
            List<Long> all = new ArrayList<>(List.of(first));
            all.addAll(rest);
            return all;
        });

        assertEquals(List.of(before + 1, before + 2, before + 3), seqs);
        List<AuditEntry> entries = chain.entries(before, 10);
        assertEquals(3, entries.size());
        assertEquals("waiver.created", entries.get(0).action());
        assertEquals(entries.get(0).hash(), entries.get(1).prevHash());
    }

    @Test
    void appendOutsideATransactionCommitsInItsOwnWithAMicrosecondUtcTimestamp() {
        long seq = log.append(AuditLog.SYSTEM, "rounds.started", "", Map.of("version", "0.1.0"));

        AuditEntry entry = chain.entries(seq - 1, 1).get(0);
        assertEquals(seq, entry.seq());
        assertTrue(entry.at().matches("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d{6}Z"), entry.at());
        assertEquals("{\"version\":\"0.1.0\"}", entry.detail());
    }

    @Test
    void invalidEntryIsRefusedAndNothingIsWritten() {
        long before = headSeq();

        assertThrows(IllegalArgumentException.class, () -> log.append("eve|root", "signoff.created", "x", Map.of()));

        assertEquals(before, headSeq());
    }

    @Test
    void concurrentCallersGetOneContiguousVerifiedChain() throws Exception {
        long before = headSeq();
        ExecutorService pool = Executors.newFixedThreadPool(4);
        try {
            List<Callable<Void>> callers = new ArrayList<>();
            for (int t = 0; t < 4; t++) {
                String actor = "caller" + t;
                callers.add(() -> {
                    for (int i = 0; i < 25; i++) {
                        log.append(actor, "test.concurrent", "s", Map.of("i", i));
                    }
                    return null;
                });
            }
            for (Future<Void> done : pool.invokeAll(callers)) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }

        assertEquals(before + 100, headSeq());
        VerificationReport report = verifier.verify();
        assertTrue(report.ok(), report::toString);
        assertEquals(before + 100, report.headSeq());
    }
}
