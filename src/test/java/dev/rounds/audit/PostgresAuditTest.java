package dev.rounds.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The audit log on a real PostgreSQL (127.0.0.1:5432, user postgres), in a database of the test's own created with
 * a random name, migrated with the project's Flyway migrations (common + postgresql) and dropped afterwards.
 */
class PostgresAuditTest {

    private TestDatabase database;

    @BeforeEach
    void freshDatabase() {
        database = TestDatabase.postgres();
    }

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    @Test
    void wholeMigrationSetRunsOnPostgres() {
        assertTrue(database.migration().success);
        assertTrue(database.migration().migrationsExecuted >= 2, "at least the audit migrations V1 and V1.1");
        Flyway flyway = Flyway.configure()
                .dataSource(database.dataSource())
                .locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
                .load();
        assertEquals(0, flyway.info().pending().length, "every migration was applied");
    }

    @Test
    void postgresRefusesUpdateDeleteAndTruncateOfAuditRows() throws SQLException {
        new ChainedAuditLog(database.dataSource(), Clock.systemUTC())
                .append("alice", "signoff.created", "daily/backup-review@2026-11-26", Map.of("note", "ok"));

        assertRefused("UPDATE audit_log SET actor = 'mallory' WHERE seq = 1", "UPDATE of entry seq 1 refused");
        assertRefused("DELETE FROM audit_log WHERE seq = 1", "DELETE of entry seq 1 refused");
        assertRefused("TRUNCATE audit_log", "TRUNCATE refused");
        assertEquals(1, database.queryLong("SELECT COUNT(*) FROM audit_log WHERE actor = 'alice'"));
    }

    private void assertRefused(String sql, String expectedMessage) throws SQLException {
        try (Connection connection = database.dataSource().getConnection();
                Statement statement = connection.createStatement()) {
            SQLException refused = assertThrows(SQLException.class, () -> statement.execute(sql), sql);
            assertTrue(
                    refused.getMessage().contains("audit_log is append-only: " + expectedMessage),
                    refused.getMessage());
        }
    }

    @Test
    void twoInstancesAppendingAtOnceExtendOneContiguousChain() throws Exception {
        List<ChainedAuditLog> instances = List.of(
                new ChainedAuditLog(database.dataSource(), Clock.systemUTC()),
                new ChainedAuditLog(database.anotherInstance(), Clock.systemUTC()));
        int threadsPerInstance = 2;
        int rounds = 25;
        ExecutorService pool = Executors.newFixedThreadPool(instances.size() * threadsPerInstance);
        try {
            List<Callable<Void>> writers = new ArrayList<>();
            for (int i = 0; i < instances.size(); i++) {
                ChainedAuditLog instance = instances.get(i);
                String actor = "instance" + i;
                for (int t = 0; t < threadsPerInstance; t++) {
                    writers.add(() -> {
                        for (int r = 0; r < rounds; r++) {
                            instance.append(actor, "test.single", "s", Map.of("r", r));
                            instance.appendAll(List.of(
                                    new AuditEvent(actor, "test.batch", "b", Map.of("r", r)),
                                    new AuditEvent(actor, "test.batch", "b", Map.of("r", r))));
                        }
                        return null;
                    });
                }
            }
            for (Future<Void> done : pool.invokeAll(writers)) {
                done.get();
            }
        } finally {
            pool.shutdown();
        }

        long expected = (long) instances.size() * threadsPerInstance * rounds * 3;
        VerificationReport report = new AuditVerifier(database.dataSource()).verify();
        assertTrue(report.ok(), report::toString);
        assertEquals(expected, report.entriesChecked());
    }

    @Test
    void detailAlteredOnPostgresIsNamedExactly() {
        ChainedAuditLog log = new ChainedAuditLog(database.dataSource(), Clock.systemUTC());
        for (int i = 1; i <= 10; i++) {
            log.append("alice", "occurrence.status", "daily/backup-review@2026-11-26", Map.of("n", i));
        }
        database.dropAppendOnlyTrigger();
        database.sql("UPDATE audit_log SET detail = '{\"n\":99}' WHERE seq = 7");

        VerificationReport report = new AuditVerifier(database.dataSource()).verify();

        assertFalse(report.ok());
        assertEquals(7, report.firstBroken().seq());
        assertTrue(
                report.firstBroken().reason().startsWith("hash mismatch"),
                report.firstBroken().reason());
    }
}
