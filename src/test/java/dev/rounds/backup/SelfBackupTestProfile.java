package dev.rounds.backup;

import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;

/** The default pack with an empty backup folder of its own that keeps two backups of each kind. */
public class SelfBackupTestProfile implements QuarkusTestProfile {

    static final Path FOLDER = emptyFolder();

    private static Path emptyFolder() {
        try {
            return Files.createTempDirectory("rounds-backups");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        return Map.of("rounds.backup.dir", FOLDER.toString(), "rounds.backup.keep", "2");
    }
}
