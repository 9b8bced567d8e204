package dev.rounds.backup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rounds.audit.AuditLog;
import dev.rounds.audit.ChainedAuditLog;
import dev.rounds.audit.TestDatabase;
import dev.rounds.core.ProblemTitle;
import io.vertx.core.Vertx;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import javax.sql.DataSource;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Rounds' own backup on PostgreSQL, with the real pg_dump and pg_restore against the server at 127.0.0.1:5432, in a
 * database of the test's own: a dump whose SHA-256 is audited and which restores, a clear failure without pg_dump,
 * and two instances backing up into one folder at the same moment.
 */
class SelfBackupPostgresTest {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final Clock CLOCK = Clock.fixed(Instant.parse("2026-12-03T02:30:00Z"), ZoneOffset.UTC);

    private static Vertx vertx;

    private TestDatabase database;

    @TempDir
    Path folder;

    @TempDir
    Path checklists;

    @BeforeAll
    static void startVertx() {
        vertx = Vertx.vertx();
    }

    @AfterAll
    static void stopVertx() {
        vertx.close().toCompletionStage().toCompletableFuture().join();
    }

    @BeforeEach
    void databaseAndChecklists() throws IOException {
        database = TestDatabase.postgres();
        Files.writeString(checklists.resolve("daily.yaml"), "id: daily\n");
        Files.writeString(checklists.resolve("inventory.yaml"), "targets: []\n");
    }

    @AfterEach
    void dropDatabase() {
        database.close();
    }

    private SelfBackup instance(DataSource dataSource, String pgDump) throws SQLException {
        return instance(dataSource, pgDump, PgServer.of(url(dataSource), Optional.of("postgres")));
    }

    private SelfBackup instance(DataSource dataSource, String pgDump, PgServer server) {
        return instance(dataSource, pgDump, server, checklists);
    }

    private SelfBackup instance(DataSource dataSource, String pgDump, PgServer server, Path checklistFolder) {
        return new SelfBackup(
                config(pgDump),
                new PgDump(pgDump, server, "", dataSource, vertx, CLOCK),
                checklistFolder,
                new ChainedAuditLog(dataSource, CLOCK),
                CLOCK);
    }

    private BackupConfig config(String pgDump) {
        return new BackupConfig() {
            @Override
            public String dir() {
                return folder.toString();
            }

            @Override
            public String cron() {
                return "0 30 2 * * ?";
            }

            @Override
            public int keep() {
                return 14;
            }

            @Override
            public boolean atFirstStart() {
                return true;
            }

            @Override
            public String pgDump() {
                return pgDump;
            }
        };
    }

    private static String url(DataSource dataSource) throws SQLException {
        try (Connection connection = dataSource.getConnection()) {
            return connection.getMetaData().getURL();
        }
    }

    private List<String> files() throws IOException {
        try (Stream<Path> files = Files.list(folder)) {
            return files.map(f -> f.getFileName().toString()).sorted().toList();
        }
    }

    /** The file is on disk whole: its SHA-256 is the one the backup returned and the one its only audit entry holds. */
    private void assertWholeAndAudited(BackupFile file) throws Exception {
        String onDisk = SelfBackup.sha256(Path.of(file.path()));
        assertEquals(file.sha256(), onDisk, file.file());
        List<String> entries = Rows.audited(database.dataSource(), "backup.created", file.file());
        assertEquals(1, entries.size(), file.file() + ": " + entries);
        assertTrue(entries.get(0).contains("\"sha256\":\"" + onDisk + "\""), entries.get(0));
    }

    @Test
    void aPostgresBackupIsAPgDumpWithItsSha256AuditedThatPgRestoreRestores() throws Exception {
        AuditLog audit = new ChainedAuditLog(database.dataSource(), CLOCK);
        for (int i = 0; i < 25; i++) audit.append("admin", "test.entry", "entry-" + i, Map.of("n", i));
        long entries = database.queryLong("SELECT count(*) FROM audit_log");
        SelfBackup backup = instance(database.dataSource(), "pg_dump");
        assertFalse(backup.hasBackups(), "an empty folder holds no backup");

        List<BackupFile> written = backup.takeNow("admin");

        assertEquals(
                List.of(BackupFile.DATABASE, BackupFile.CHECKLISTS),
                written.stream().map(BackupFile::kind).toList());
        assertEquals(List.of("rounds-checklists-20261203-023000.zip", "rounds-db-20261203-023000.dump"), files());
        for (BackupFile file : written) assertWholeAndAudited(file);
        try (InputStream dump = Files.newInputStream(Path.of(written.get(0).path()))) {
            assertEquals("PGDMP", new String(dump.readNBytes(5), StandardCharsets.US_ASCII), "pg_dump's custom format");
        }
        assertTrue(backup.hasBackups());

        String restored = "rounds_restored_" + UUID.randomUUID().toString().replace("-", "");
        try (Connection server = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
                Statement create = server.createStatement()) {
            create.execute("CREATE DATABASE " + restored);
        }
        try {
            Process restore = new ProcessBuilder(
                            "pg_restore",
                            "--exit-on-error",
                            "--no-owner",
                            "--host=127.0.0.1",
                            "--port=5432",
                            "--username=postgres",
                            "--dbname=" + restored,
                            written.get(0).path())
                    .redirectErrorStream(true)
                    .start();
            String said = new String(restore.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
            assertTrue(restore.waitFor(60, TimeUnit.SECONDS));
            assertEquals(0, restore.exitValue(), said);
            try (Connection copy = DriverManager.getConnection(SERVER + restored, "postgres", "");
                    Connection live = database.dataSource().getConnection()) {
                List<List<String>> copied = Rows.of(copy, "SELECT seq, hash FROM audit_log ORDER BY seq");
                assertEquals(entries, copied.size(), "every audit entry up to the backup is in the copy");
                assertEquals(
                        Rows.of(live, "SELECT seq, hash FROM audit_log WHERE seq <= " + entries + " ORDER BY seq"),
                        copied);
                assertEquals(
                        Rows.of(copy, "SELECT seq, hash FROM audit_head"),
                        List.of(copied.get(copied.size() - 1)),
                        "the copy's chain head is its last entry");
            }
        } finally {
            try (Connection server = DriverManager.getConnection(SERVER + "postgres", "postgres", "");
                    Statement drop = server.createStatement()) {
                drop.execute("DROP DATABASE IF EXISTS " + restored + " WITH (FORCE)");
            }
        }
    }

    @Test
    void withoutPgDumpTheChecklistsAreBackedUpAndTheFailureSaysWhatToDoAndIsAudited() throws Exception {
        String missing = folder.resolve("no-such-client/bin/pg_dump").toString();
        SelfBackup backup = instance(database.dataSource(), missing);
        String major = String.valueOf(database.queryLong("SELECT current_setting('server_version_num')::int / 10000"));

        BackupFailed failure = assertThrows(BackupFailed.class, () -> backup.takeNow("admin"));

        assertEquals(500, failure.status());
        assertEquals(ProblemTitle.INTERNAL_ERROR, failure.title());
        String expected = "the database was not backed up: pg_dump is not installed: there is no executable " + missing
                + "; install the PostgreSQL client of the server's major version (Debian: apt-get install"
                + " postgresql-client-" + major + ") or set rounds.backup.pg-dump to the path of its pg_dump";
        assertEquals(
                expected + "; the checklists were backed up to rounds-checklists-20261203-023000.zip",
                failure.getMessage());
        assertEquals(List.of("rounds-checklists-20261203-023000.zip"), files(), "no dump, no temporary file");
        List<String> failed = Rows.audited(database.dataSource(), "backup.failed", "rounds-db-20261203-023000.dump");
        assertEquals(1, failed.size());
        assertTrue(failed.get(0).startsWith("admin ") && failed.get(0).contains(expected), failed.get(0));
        String checklistsSha256 = SelfBackup.sha256(folder.resolve("rounds-checklists-20261203-023000.zip"));
        assertTrue(Rows.audited(database.dataSource(), "backup.created", "rounds-checklists-20261203-023000.zip")
                .get(0)
                .contains(checklistsSha256));
        assertFalse(backup.hasBackups(), "a folder without a dump does not count as backed up on PostgreSQL");
    }

    @Test
    void aProgramNotOnThePathIsNamedWithThePathSearched() throws Exception {
        SelfBackup backup = instance(database.dataSource(), "pg_dump_not_installed");

        BackupFailed failure = assertThrows(BackupFailed.class, () -> backup.takeNow("system"));

        assertTrue(
                failure.getMessage()
                        .contains("there is no executable pg_dump_not_installed on Rounds' PATH "
                                + System.getenv("PATH")),
                failure.getMessage());
    }

    @Test
    void pgDumpsOwnComplaintIsInTheFailure() throws Exception {
        String absent = "rounds_absent_" + UUID.randomUUID().toString().replace("-", "");
        SelfBackup backup =
                instance(database.dataSource(), "pg_dump", PgServer.of(SERVER + absent, Optional.of("postgres")));

        BackupFailed failure = assertThrows(BackupFailed.class, () -> backup.takeNow("system"));

        assertTrue(
                failure.getMessage().startsWith("the database was not backed up: pg_dump failed with exit code 1:"),
                failure.getMessage());
        assertTrue(failure.getMessage().contains("database \"" + absent + "\" does not exist"), failure.getMessage());
        assertEquals(
                1,
                Rows.audited(database.dataSource(), "backup.failed", "rounds-db-20261203-023000.dump")
                        .size());
    }

    @Test
    void aPgDumpOlderThanTheServerIsReportedInItsOwnWordsWithWhatToInstall(@TempDir Path client) throws Exception {
        // Only PostgreSQL 15 is installed here: this stands in for a pg_dump 15 facing a server 16, with its words.
        Path older = client.resolve("pg_dump");
        Files.writeString(
                older,
                "#!/bin/sh\n"
                        + "echo 'pg_dump: error: aborting because of server version mismatch' >&2\n"
                        + "echo 'pg_dump: detail: server version: 16.4; pg_dump version: 15.20' >&2\n"
                        + "exit 1\n");
        assertTrue(older.toFile().setExecutable(true));
        SelfBackup backup = instance(database.dataSource(), older.toString());

        BackupFailed failure = assertThrows(BackupFailed.class, () -> backup.takeNow("system"));

        assertTrue(
                failure.getMessage()
                        .startsWith("the database was not backed up: " + older + " failed with exit code 1:"
                                + " pg_dump: error: aborting because of server version mismatch"
                                + " pg_dump: detail: server version: 16.4; pg_dump version: 15.20;"
                                + " install the PostgreSQL client of the server's major version"),
                failure.getMessage());
    }

    @Test
    void twoInstancesBackingUpIntoOneFolderAtOnceEachWriteWholeFilesTheirAuditEntriesMatch() throws Exception {
        List<SelfBackup> instances =
                List.of(instance(database.dataSource(), "pg_dump"), instance(database.anotherInstance(), "pg_dump"));
        ExecutorService threads = Executors.newFixedThreadPool(2);
        List<BackupFile> written = new ArrayList<>();
        try {
            for (int round = 0; round < 3; round++) {
                CyclicBarrier together = new CyclicBarrier(2);
                List<Future<List<BackupFile>>> taken = new ArrayList<>();
                for (SelfBackup instance : instances) {
                    taken.add(threads.submit(() -> {
                        together.await();
                        return instance.takeNow("system");
                    }));
                }
                for (Future<List<BackupFile>> each : taken) written.addAll(each.get(120, TimeUnit.SECONDS));
            }
        } finally {
            threads.shutdownNow();
        }

        Set<String> names = new HashSet<>();
        for (BackupFile file : written) {
            assertTrue(names.add(file.file()), "two backups share the name " + file.file());
            assertWholeAndAudited(file);
        }
        assertEquals(12, names.size());
        assertEquals(names, Set.copyOf(files()), "every file written is there, and nothing else (no temporary file)");
    }
}
