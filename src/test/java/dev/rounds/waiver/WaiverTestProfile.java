package dev.rounds.waiver;

import dev.rounds.TestClock;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * A daily checklist of manual activities in London under the test clock, with the schedule's own tick off so that
 * the test moves time and ticks. Its id is the test's own, since the in-memory database outlives a test application.
 */
public class WaiverTestProfile implements QuarkusTestProfile {

    static final String CHECKLIST = "waiver-daily";

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(TestClock.class);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        try {
            Path dir = Files.createTempDirectory("rounds-waivers-");
            Files.writeString(dir.resolve("inventory.yaml"), """
                    targets:
                      - id: db01
                        address: 127.0.0.1:1
                    """);
            Files.writeString(dir.resolve("daily.yaml"), """
                    id: %s
                    title: Daily
                    cadence: daily
                    due: 10h
                    timezone: Europe/London
                    activities:
                      - id: review
                        title: Review the overnight alerts
                        signoff: always
                      - id: tapes
                        title: Change the backup tape
                        signoff: always
                      - id: patching
                        title: Check the patch level
                        signoff: always
                    """.formatted(CHECKLIST));
            return Map.of("rounds.checklists.dir", dir.toString(), "rounds.schedule.tick", "off",
                    "rounds.checklists.poll", "1h");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
