package dev.rounds.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The restore command's refusals, in plain Java as the jar runs it. */
class RestoreCommandTest {

    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final PrintStream errors = new PrintStream(err, true, StandardCharsets.UTF_8);
    private final PrintStream out = new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8);

    @TempDir
    Path dir;

    @Test
    void withoutExactlyOneFileItPrintsItsUsage() {
        assertEquals(RestoreCommand.UNUSABLE, RestoreCommand.run(List.of(), out, errors));
        assertTrue(err.toString(StandardCharsets.UTF_8).startsWith("usage: restore <backup.zip>"));
    }

    @Test
    void aMissingBackupFileIsNamed() {
        Path missing = dir.resolve("rounds-db-20261126-023000.zip");
        assertEquals(
                RestoreCommand.UNUSABLE, RestoreCommand.restore(missing, "jdbc:h2:mem:x", "rounds", "", out, errors));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains(missing + " does not exist"));
    }

    @Test
    void aPostgresqlDatabaseIsLeftToItsOwnTools() throws IOException {
        Path backup = Files.writeString(dir.resolve("rounds-db-20261126-023000.zip"), "not read");
        assertEquals(
                RestoreCommand.FAILED,
                RestoreCommand.restore(backup, "jdbc:postgresql://localhost/rounds", "rounds", "", out, errors));
        assertTrue(err.toString(StandardCharsets.UTF_8).contains("pg_restore or psql"));
    }
}
