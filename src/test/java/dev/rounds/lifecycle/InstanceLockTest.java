package dev.rounds.lifecycle;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.nio.file.Path;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** Which database URLs get an instance lock, and where: beside the H2 database file, nowhere for anything else. */
class InstanceLockTest {

    @ParameterizedTest
    @CsvSource(
            delimiter = '|',
            nullValues = "none",
            value = {
                "jdbc:h2:file:./data/rounds;AUTO_SERVER=TRUE;LOCK_TIMEOUT=10000 | data/rounds.instance.lock",
                "jdbc:h2:file:/var/lib/rounds/db                              | /var/lib/rounds/db.instance.lock",
                "jdbc:h2:./data/rounds                                        | data/rounds.instance.lock",
                "jdbc:h2:~/rounds/db;AUTO_SERVER=TRUE                         | ~/rounds/db.instance.lock",
                "jdbc:h2:mem:rounds;DB_CLOSE_DELAY=-1                         | none",
                "jdbc:h2:tcp://db.example.internal/rounds                     | none",
                "jdbc:h2:zip:backup.zip!/rounds                               | none",
                "jdbc:h2:nio:./data/rounds                                    | none",
                "jdbc:postgresql://127.0.0.1:5432/rounds                      | none",
            })
    void theLockFileSitsBesideAnH2FileDatabase(String url, String expected) {
        Optional<Path> file = InstanceLock.lockFileOf(url);

        assertEquals(Optional.ofNullable(expected).map(InstanceLockTest::absolute), file, url);
    }

    private static Path absolute(String path) {
        String home = path.startsWith("~/") ? System.getProperty("user.home") + path.substring(1) : path;
        return Path.of(home).toAbsolutePath().normalize();
    }
}
