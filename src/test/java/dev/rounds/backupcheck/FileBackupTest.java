package dev.rounds.backupcheck;

import static dev.rounds.backupcheck.BackupRuns.NOW;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rounds.probe.Observation;
import dev.rounds.probe.ProbeStatus;
import java.io.IOException;
import java.io.OutputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Duration;
import java.util.Arrays;
import java.util.Map;
import java.util.zip.GZIPOutputStream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipOutputStream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The files and dump kinds against real files whose modification times the test sets. */
class FileBackupTest {

    private final BackupProbe probe = new BackupProbe();

    @TempDir
    Path dir;

    private Path file(String name, int bytes, Duration age) throws IOException {
        Path file = dir.resolve(name);
        Files.createDirectories(file.getParent());
        Files.write(file, new byte[bytes]);
        Files.setLastModifiedTime(file, FileTime.from(NOW.minus(age)));
        return file;
    }

    private Observation observe(Map<String, Object> settings) throws Exception {
        return BackupRuns.observe(probe, settings, NOW);
    }

    @Test
    void aGlobMeasuresTheNewestMatchAndCountsThemAll() throws Exception {
        file("db-1.sql.gz", 300, Duration.ofHours(50));
        file("db-2.sql.gz", 200, Duration.ofHours(2));
        file("db-3.sql.gz", 100, Duration.ofHours(26));
        file("other.txt", 999, Duration.ofMinutes(1));

        Observation seen = observe(Map.of("path", dir + "/db-*.sql.gz"));

        assertNull(seen.verdict(), seen.message());
        assertEquals(Duration.ofHours(2), seen.values().get("age"));
        assertEquals(200L, seen.values().get("size"));
        assertEquals(3, seen.values().get("count"));
        assertEquals(600L, seen.values().get("total_size"));
    }

    @Test
    void aFolderMeansTheFilesDirectlyInsideIt() throws Exception {
        file("hosts/hv01.vhdx", 10, Duration.ofHours(3));
        file("hosts/hv02.vhdx", 20, Duration.ofHours(1));
        file("hosts/old/hv01.vhdx", 30, Duration.ofMinutes(5));

        Observation seen =
                observe(Map.of("kind", "files", "path", dir.resolve("hosts").toString()));

        assertEquals(Duration.ofHours(1), seen.values().get("age"));
        assertEquals(2, seen.values().get("count"));
    }

    @Test
    void aDoubleStarGlobCrossesFolders() throws Exception {
        file("guests/vm1/2026-11-25.tar", 10, Duration.ofHours(30));
        file("guests/vm2/2026-11-26.tar", 20, Duration.ofHours(4));

        Observation seen = observe(Map.of("path", dir + "/guests/**.tar"));

        assertEquals(2, seen.values().get("count"));
        assertEquals(Duration.ofHours(4), seen.values().get("age"));
    }

    @Test
    void oneFileByName() throws Exception {
        Path single = file("library.tar", 42, Duration.ofHours(7));
        Observation seen = observe(Map.of("path", single.toString()));
        assertEquals(Duration.ofHours(7), seen.values().get("age"));
        assertEquals(42L, seen.values().get("size"));
    }

    @Test
    void nothingMatchingIsDownAndSaysWhatToSet() throws Exception {
        Observation seen = observe(Map.of("path", dir + "/missing/db-*.sql.gz"));

        assertEquals(ProbeStatus.DOWN, seen.verdict());
        assertEquals(0, seen.values().get("count"));
        assertEquals(
                "no file matches " + dir + "/missing/db-*.sql.gz: folder " + dir + "/missing does not exist;"
                        + " point the probe's path at where the backups are written",
                seen.message());
        assertEquals(
                ProbeStatus.DOWN, observe(Map.of("path", dir + "/db-*.sql.gz")).verdict(), "an empty folder");
    }

    @Test
    void aFilesProbeWithoutPathIsAnErrorNamingTheSetting() throws Exception {
        Observation seen = observe(Map.of("kind", "files"));
        assertEquals(ProbeStatus.ERROR, seen.verdict());
        assertEquals("a backup probe of kind files needs setting 'path'", seen.message());
        assertEquals(
                ProbeStatus.ERROR, observe(Map.of("kind", "tape", "path", "/x")).verdict());
    }

    private Path gzip(String name, String text) throws IOException {
        Path file = dir.resolve(name);
        try (OutputStream out = new GZIPOutputStream(Files.newOutputStream(file))) {
            out.write(text.getBytes(StandardCharsets.UTF_8));
        }
        return file;
    }

    private static String pgDump(boolean finished) {
        String body = "--\n-- PostgreSQL database dump\n--\n\nCREATE TABLE t (id int);\n"
                + "INSERT INTO t VALUES (1);\n".repeat(5000);
        return finished ? body + "\n--\n-- PostgreSQL database dump complete\n--\n\n" : body;
    }

    @Test
    void aPgDumpWithItsCompletionMarkerIsComplete() throws Exception {
        gzip("db-2026-11-26.sql.gz", pgDump(true));
        Files.writeString(dir.resolve("mysql.sql"), "CREATE TABLE t;\n-- Dump completed on 2026-11-26  2:30:01\n");

        Observation gz = observe(Map.of("kind", "dump", "path", dir + "/db-*.sql.gz"));
        Observation plain = observe(Map.of("kind", "dump", "path", dir + "/mysql.sql"));

        assertNull(gz.verdict(), gz.message());
        assertEquals(true, gz.values().get("complete"));
        assertEquals(true, plain.values().get("complete"), plain.message());
    }

    @Test
    void aDumpCutShortIsDown() throws Exception {
        gzip("unfinished.sql.gz", pgDump(false));
        Path truncated = gzip("truncated.sql.gz", pgDump(true));
        byte[] whole = Files.readAllBytes(truncated);
        Files.write(truncated, Arrays.copyOf(whole, whole.length / 2));

        Observation unfinished = observe(Map.of("kind", "dump", "path", dir + "/unfinished.sql.gz"));
        Observation cut = observe(Map.of("kind", "dump", "path", dir + "/truncated.sql.gz"));

        assertEquals(ProbeStatus.DOWN, unfinished.verdict());
        assertEquals(false, unfinished.values().get("complete"));
        assertTrue(unfinished.message().contains("does not end with a dump tool's completion marker"));
        assertEquals(ProbeStatus.DOWN, cut.verdict());
        assertTrue(cut.message().contains("is cut short"), cut.message());
    }

    @Test
    void aZipDumpIsCompleteWhenEveryEntryReadsBack() throws Exception {
        Path zip = dir.resolve("rounds-db-20261126-023000.zip");
        try (ZipOutputStream out = new ZipOutputStream(Files.newOutputStream(zip))) {
            out.putNextEntry(new ZipEntry("script.sql"));
            out.write("INSERT INTO t VALUES (1);\n".repeat(10000).getBytes(StandardCharsets.UTF_8));
            out.closeEntry();
        }
        assertEquals(
                true,
                observe(Map.of("kind", "dump", "path", zip.toString())).values().get("complete"));

        byte[] whole = Files.readAllBytes(zip);
        Files.write(zip, Arrays.copyOf(whole, whole.length - 30));
        Observation cut = observe(Map.of("kind", "dump", "path", zip.toString()));
        assertEquals(ProbeStatus.DOWN, cut.verdict());
        assertEquals(false, cut.values().get("complete"));
    }
}
