package dev.rounds.packaged;

import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Map;
import java.util.stream.Stream;
import java.util.zip.ZipFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;
import org.junit.jupiter.api.io.TempDir;

/**
 * docs/command-line.md: {@code validate}, {@code verify}, {@code export} and {@code restore}, run from the packaged
 * jar as a person runs them, start no schedule, probe or job and write nothing to the audit log, except export's one
 * {@code audit.exported}. The audit log is the witness: a command run while the server is stopped shows up between
 * the server's {@code rounds.stopped} and its next {@code rounds.started} only if it wrote something.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class CommandsIT {

    @TempDir
    static Path home;

    private PackagedRounds rounds;

    @BeforeAll
    void startOnceAndStop() throws Exception {
        Path checklists = Files.createDirectories(home.resolve("checklists"));
        // A probe every second: a command that started the probe scheduler would write its results, and their digest
        // entries would show in the audit log.
        Files.writeString(checklists.resolve("inventory.yaml"), """
                targets:
                  - id: closed-port
                    address: 127.0.0.1
                """);
        Files.writeString(checklists.resolve("daily.yaml"), """
                id: daily
                title: Commands
                cadence: daily
                due: 23h59m
                timezone: UTC
                activities:
                  - id: port-watch
                    title: A port nobody listens on
                    signoff: none
                    probes:
                      - type: tcp
                        target: closed-port
                        port: 1
                        every: 1s
                  - id: manual
                    title: A manual check
                    signoff: always
                """);
        rounds = new PackagedRounds(home);
        rounds.start();
        rounds.stop();
    }

    @Test
    @Order(1)
    void validateChecksTheFolderWithoutTheDatabase() {
        PackagedRounds.Command valid = rounds.command("validate");
        assertEquals(0, valid.exit(), valid.err());
        assertEquals(
                "1 checklists, 2 activities, 1 probes, 1 targets: valid",
                valid.out().strip());
    }

    @Test
    @Order(2)
    void verifyWritesNothingAndPrintsTheServersOwnHead() throws Exception {
        PackagedRounds.Command first = rounds.command("verify");
        PackagedRounds.Command second = rounds.command("verify");

        assertEquals(0, first.exit(), first.out() + first.err());
        assertEquals(first.out(), second.out(), "a second verify found what the first one wrote");
        List<JsonNode> entries = auditOfANewRun();
        int started = startOfTheLastRun(entries);
        int stopped = lastIndex(entries, "rounds.stopped", started - 1);
        assertEquals(
                List.of(),
                entries.subList(stopped + 1, started).stream()
                        .map(e -> e.get("action").asText())
                        .toList(),
                "verify wrote to the audit log");
        JsonNode stop = entries.get(stopped);
        assertTrue(
                first.out()
                        .contains("head seq=" + stop.get("seq") + " hash="
                                + stop.get("hash").asText()),
                "verify's head is not the server's last entry, " + stop + ": " + first.out());
    }

    @Test
    @Order(3)
    void exportWritesOneBundleAndOneAuditEntry() throws Exception {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        Path bundle = home.resolve("bundle.zip");

        PackagedRounds.Command export =
                rounds.command("export", "--from", today, "--to", today, "--out", bundle.toString());

        assertEquals(0, export.exit(), export.out() + export.err());
        try (ZipFile zip = new ZipFile(bundle.toFile())) {
            assertTrue(
                    zip.getEntry("manifest.json") != null && zip.getEntry("audit.jsonl") != null,
                    "the bundle lacks its manifest or log");
        }
        assertEquals(
                List.of("audit.exported"),
                entriesWhileStopped().stream()
                        .map(e -> e.get("action").asText())
                        .toList());
    }

    @Test
    @Order(4)
    void aFailedExportLeavesWhatWasThereAndNoPartialFile() throws Exception {
        String today = LocalDate.now(ZoneOffset.UTC).toString();
        Path good = home.resolve("bundle.zip");
        byte[] before = Files.readAllBytes(good);
        // A folder in the way: the bundle is written, then cannot be renamed over a folder that holds a file.
        Path inTheWay = Files.createDirectories(home.resolve("in-the-way.zip"));
        Files.writeString(inTheWay.resolve("keep.txt"), "keep");

        PackagedRounds.Command failed =
                rounds.command("export", "--from", today, "--to", today, "--out", inTheWay.toString());
        PackagedRounds.Command badRange =
                rounds.command("export", "--from", today, "--to", "yesterday", "--out", good.toString());

        assertEquals(1, failed.exit(), failed.out() + failed.err());
        assertTrue(failed.err().contains(inTheWay.toString()), failed.err());
        assertEquals("keep", Files.readString(inTheWay.resolve("keep.txt")));
        assertEquals(2, badRange.exit(), badRange.err());
        assertArrayEquals(before, Files.readAllBytes(good), "a failed export changed the bundle that was there");
        try (Stream<Path> files = Files.list(home)) {
            assertFalse(files.anyMatch(f -> f.getFileName().toString().endsWith(".part")), "a partial file was left");
        }
        assertEquals(
                List.of(),
                entriesWhileStopped().stream()
                        .map(e -> e.get("action").asText())
                        .toList(),
                "a failed export was recorded as one");
    }

    @Test
    @Order(5)
    void restoreReplaysTheServersBackupIntoANewDatabase() throws IOException {
        Path backup;
        try (Stream<Path> files = Files.list(home.resolve("data/backups"))) {
            backup = files.filter(f -> f.getFileName().toString().startsWith("rounds-db-"))
                    .findFirst()
                    .orElseThrow();
        }
        String url = "jdbc:h2:file:" + home.resolve("restored/rounds");

        PackagedRounds.Command restore =
                rounds.command(Map.of("QUARKUS_DATASOURCE_JDBC_URL", url), "restore", backup.toString());
        PackagedRounds.Command again =
                rounds.command(Map.of("QUARKUS_DATASOURCE_JDBC_URL", url), "restore", backup.toString());

        assertEquals(0, restore.exit(), restore.out() + restore.err());
        assertTrue(restore.out().contains("audit entries verified"), restore.out());
        assertEquals(1, again.exit(), "a restore over a database that holds tables: " + again.out());
        assertTrue(again.err().contains("is not empty"), again.err());
    }

    /** The audit entries between the server's last clean stop and a new start, read by starting it once more. */
    private List<JsonNode> entriesWhileStopped() throws Exception {
        List<JsonNode> entries = auditOfANewRun();
        int started = startOfTheLastRun(entries);
        return entries.subList(lastIndex(entries, "rounds.stopped", started - 1) + 1, started);
    }

    /** The first entry of the latest start: its checklist load, then {@code rounds.started}. */
    private static int startOfTheLastRun(List<JsonNode> entries) {
        int started = lastIndex(entries, "rounds.started", entries.size() - 1);
        return entries.get(started - 1).get("action").asText().equals("checklist.loaded") ? started - 1 : started;
    }

    private List<JsonNode> auditOfANewRun() throws Exception {
        rounds.start();
        try {
            return rounds.audit();
        } finally {
            rounds.stop();
        }
    }

    /** The index of the last entry with {@code action} at or before {@code from}. */
    private static int lastIndex(List<JsonNode> entries, String action, int from) {
        for (int i = Math.min(from, entries.size() - 1); i >= 0; i--) {
            if (entries.get(i).get("action").asText().equals(action)) return i;
        }
        throw new AssertionError("no " + action + " in the audit log");
    }
}
