package dev.rounds.report.rollup;

import dev.rounds.TestClock;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * A checklist with a continuous probe that needs three downs (#0) and a once-per-occurrence probe (#1); tests write
 * results for these probes against targets of their own and call catchUp.
 */
public class RollupTestProfile implements QuarkusTestProfile {

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(TestClock.class);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        try {
            Path dir = Files.createTempDirectory("rounds-rollup-");
            Files.writeString(dir.resolve("inventory.yaml"), """
                    targets:
                      - id: rollup-web
                        address: 127.0.0.1:1
                    """);
            Files.writeString(dir.resolve("rollup.yaml"), """
                    id: rollup
                    title: Rollup
                    cadence: daily
                    due: 10h
                    activities:
                      - id: web
                        title: Web answers
                        probes:
                          - type: tcp
                            target: rollup-web
                            port: 1
                            every: 1m
                            confirm: 3
                            expect: [connected == true]
                          - type: tcp
                            target: rollup-web
                            port: 1
                            expect: [connected == true]
                    """);
            return Map.of("rounds.checklists.dir", dir.toString(),
                    "rounds.report.zone", "Europe/London", "rounds.schedule.tick", "off");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
