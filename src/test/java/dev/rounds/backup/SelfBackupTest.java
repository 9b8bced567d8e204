package dev.rounds.backup;

import static dev.rounds.Logins.asAdmin;
import static io.restassured.RestAssured.given;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rounds.cli.RestoreCommand;
import dev.rounds.schedule.ScheduleService;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Rounds backs itself up into a real folder, and a backup restores into a fresh H2 database. */
@QuarkusTest
@TestProfile(SelfBackupTestProfile.class)
class SelfBackupTest {

    private static final Path FOLDER = SelfBackupTestProfile.FOLDER;

    @Inject
    DataSource dataSource;

    @Inject
    ScheduleService schedule;

    /** The database backups in the folder once the application has started, before any test asked for one. */
    private static List<String> atStart;

    @BeforeAll
    static void folderAtStart() throws IOException {
        atStart = files("rounds-db-");
    }

    private List<Map<String, Object>> takeBackup() {
        return asAdmin()
                .contentType("application/json")
                .post("/api/backups")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getList("$");
    }

    private static List<String> files(String prefix) throws IOException {
        try (Stream<Path> files = Files.list(FOLDER)) {
            return files.map(f -> f.getFileName().toString())
                    .filter(n -> n.startsWith(prefix))
                    .sorted()
                    .toList();
        }
    }

    @Test
    void aFreshInstallationTakesItsFirstBackupAtStart() throws Exception {
        assertEquals(1, atStart.size(), "one database backup before anyone asked: " + atStart);
        assertTrue(
                Rows.audited(dataSource, "backup.created", atStart.get(0))
                        .get(0)
                        .startsWith("system "),
                "the start-up backup is audited by system");
    }

    @Test
    void aBackupWritesTheDatabaseAndTheChecklistsWithTheirSha256Audited() throws Exception {
        List<Map<String, Object>> written = takeBackup();

        assertEquals(
                List.of("database", "checklists"),
                written.stream().map(f -> f.get("kind")).toList());
        for (Map<String, Object> file : written) {
            Path path = Path.of((String) file.get("path"));
            String name = (String) file.get("file");
            assertTrue(name.matches("rounds-(db|checklists)-\\d{8}-\\d{6}(-\\d+)?\\.zip"), name);
            assertEquals(SelfBackup.sha256(path), file.get("sha256"));
            List<String> audited = Rows.audited(dataSource, "backup.created", name);
            assertEquals(1, audited.size());
            assertTrue(
                    audited.get(0).startsWith("admin ") && audited.get(0).contains(SelfBackup.sha256(path)),
                    audited.get(0));
        }
        try (ZipFile checklists = new ZipFile((String) written.get(1).get("path"))) {
            assertTrue(checklists.getEntry("daily.yaml") != null && checklists.getEntry("inventory.yaml") != null);
        }
        try (Stream<Path> leftovers = Files.list(FOLDER)) {
            assertEquals(
                    List.of(),
                    leftovers
                            .filter(f -> f.getFileName().toString().endsWith(".tmp"))
                            .toList());
        }
    }

    @Test
    void onlyTheNewestBackupsAreKeptAndThePruningIsAudited() throws Exception {
        takeBackup();
        takeBackup();
        List<Map<String, Object>> last = takeBackup();

        assertEquals(2, files("rounds-db-").size());
        assertEquals(2, files("rounds-checklists-").size());
        assertTrue(files("rounds-db-").contains((String) last.get(0).get("file")), "the newest is kept");
        assertTrue(!Rows.audited(dataSource, "backup.pruned", "rounds-db-*").isEmpty());
    }

    @Test
    void onlyAnAdminTakesABackup() {
        given().contentType("application/json").post("/api/backups").then().statusCode(401);
    }

    @Test
    void aBackupRestoresIntoAFreshDatabaseWithItsDataAndAnIntactAuditChain() throws Exception {
        schedule.tick();
        Path backup = Path.of((String) takeBackup().get(0).get("path"));
        String url = "jdbc:h2:mem:restored-" + UUID.randomUUID() + ";DB_CLOSE_DELAY=-1";
        var out = new ByteArrayOutputStream();
        var err = new ByteArrayOutputStream();

        int exit = RestoreCommand.restore(
                backup,
                url,
                "rounds",
                "",
                new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8));

        assertEquals(0, exit, err.toString(StandardCharsets.UTF_8));
        assertTrue(out.toString(StandardCharsets.UTF_8).contains("audit entries verified"), out.toString());
        try (Connection restored = DriverManager.getConnection(url, "rounds", "");
                Connection live = dataSource.getConnection()) {
            List<List<String>> restoredOccurrences = Rows.of(
                    restored, "SELECT id, checklist_id, activity_id, period_label" + " FROM occurrence ORDER BY id");
            assertTrue(
                    restoredOccurrences.size() >= 15, "today's occurrences came back: " + restoredOccurrences.size());
            List<List<String>> restoredAudit = Rows.of(restored, "SELECT seq, hash FROM audit_log ORDER BY seq");
            long lastSeq =
                    Long.parseLong(restoredAudit.get(restoredAudit.size() - 1).get(0));
            assertEquals(
                    Rows.of(live, "SELECT seq, hash FROM audit_log WHERE seq <= " + lastSeq + " ORDER BY seq"),
                    restoredAudit,
                    "the restored chain is the live chain up to the backup");
            assertEquals(
                    restoredOccurrences,
                    Rows.of(
                            live,
                            "SELECT id, checklist_id, activity_id, period_label"
                                    + " FROM occurrence WHERE id <= "
                                    + restoredOccurrences
                                            .get(restoredOccurrences.size() - 1)
                                            .get(0)
                                    + " ORDER BY id"));
            assertTrue(Rows.of(restored, "SELECT 1 FROM app_user WHERE username = 'admin'")
                            .size()
                    == 1);
        }

        int again = RestoreCommand.restore(
                backup, url, "rounds", "", new PrintStream(out), new PrintStream(err, true, StandardCharsets.UTF_8));
        assertEquals(RestoreCommand.FAILED, again);
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("is not empty"), err.toString());
    }
}
