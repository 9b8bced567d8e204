package dev.rounds.text;

import dev.rounds.TestClock;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/** One manual activity to sign off again and again; the application's clock stands still. */
public class TextTestProfile implements QuarkusTestProfile {

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(TestClock.class);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        try {
            Path dir = Files.createTempDirectory("rounds-text-");
            Files.writeString(dir.resolve("inventory.yaml"), "targets: []\n");
            Files.writeString(dir.resolve("text.yaml"), """
                    id: text
                    title: Text that cannot break a reader
                    cadence: daily
                    due: 10h
                    timezone: UTC
                    activities:
                      - id: notes
                        title: Notes in every script
                        signoff: always
                    """);
            return Map.of("rounds.checklists.dir", dir.toString(), "rounds.schedule.tick", "off",
                    "rounds.backup.at-first-start", "false");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
