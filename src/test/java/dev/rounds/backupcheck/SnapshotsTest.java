package dev.rounds.backupcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The tools' JSON as they really print it: the shared fixtures made with Debian's restic 0.14 and borg 1.2. */
class SnapshotsTest {

    private static final Path FIXTURES = Path.of("/work/shared/fixtures");

    @Test
    void resticSnapshotsAreReadNewestFirstWithNanosecondTimes() throws IOException {
        Snapshots snapshots = Snapshots.ofRestic(Files.readString(FIXTURES.resolve("restic-snapshots.json")));

        assertEquals(
                List.of(
                        Instant.parse("2026-11-26T08:48:52.995051825Z"),
                        Instant.parse("2026-11-26T08:48:51.560362519Z")),
                snapshots.times());
    }

    @Test
    void borgArchivesAreReadAsUtcTimes() throws IOException {
        Snapshots snapshots = Snapshots.ofBorg(Files.readString(FIXTURES.resolve("borg-list.json")));

        assertEquals(
                List.of(Instant.parse("2026-11-26T08:49:13Z"), Instant.parse("2026-11-26T08:49:11Z")),
                snapshots.times());
    }

    @Test
    void anEmptyRepositoryHasNoNewest() throws IOException {
        assertEquals(0, Snapshots.ofRestic("[]").times().size());
        assertEquals(true, Snapshots.ofBorg("{\"archives\": []}").newest().isEmpty());
    }

    @Test
    void outputOfAnotherShapeIsRefusedWithWhatWasExpected() {
        assertEquals(
                "restic snapshots --json did not print a JSON array",
                assertThrows(IOException.class, () -> Snapshots.ofRestic("{}")).getMessage());
        assertEquals(
                "borg list --json did not print an object with an 'archives' list",
                assertThrows(IOException.class, () -> Snapshots.ofBorg("[]")).getMessage());
        assertEquals(
                "snapshot time 'yesterday' is not an ISO-8601 time",
                assertThrows(IOException.class, () -> Snapshots.ofRestic("[{\"time\":\"yesterday\"}]"))
                        .getMessage());
    }
}
