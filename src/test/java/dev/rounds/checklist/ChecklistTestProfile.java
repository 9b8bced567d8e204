package dev.rounds.checklist;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;

/**
 * Boots Rounds on a copy of {@code checklists-valid} in a temporary folder that tests may edit, with the test
 * probe catalog, on a random port.
 */
public class ChecklistTestProfile implements QuarkusTestProfile {

    static final Path FIXTURE = Path.of("src/test/resources/checklists-valid");

    private final Path folder = copyOfFixture();

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("rounds.checklists.dir", folder.toString(), "rounds.checklists.poll", "1h");
    }

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(TestProbeCatalog.class);
    }

    /** Puts the fixture's files back, and only them, into a folder. */
    static void restore(Path folder) {
        try (Stream<Path> files = Files.list(folder)) {
            for (Path file : files.toList()) Files.delete(file);
            try (Stream<Path> fixture = Files.list(FIXTURE)) {
                for (Path file : fixture.toList()) {
                    Files.copy(file, folder.resolve(file.getFileName()), StandardCopyOption.REPLACE_EXISTING);
                }
            }
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private static Path copyOfFixture() {
        try {
            Path folder = Files.createTempDirectory("rounds-checklists");
            restore(folder);
            return folder;
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
