package dev.rounds.signoff;

import dev.rounds.TestClock;
import dev.rounds.probe.SilentServer;
import io.quarkus.test.junit.QuarkusTestProfile;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.Set;

/**
 * Two activities a person must sign off after their probes: one whose probe cannot run (its credential variable
 * is not set) and one whose probe is still waiting on a target that never answers.
 */
public class UncheckableProbesProfile implements QuarkusTestProfile {

    static final SilentServer SILENT = silentServer();

    private static SilentServer silentServer() {
        try {
            return new SilentServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    @Override
    public Set<Class<?>> getEnabledAlternatives() {
        return Set.of(TestClock.class);
    }

    @Override
    public Map<String, String> getConfigOverrides() {
        try {
            Path dir = Files.createTempDirectory("rounds-uncheckable-");
            Files.writeString(dir.resolve("inventory.yaml"), """
                    targets:
                      - id: tickets
                        address: 127.0.0.1:%d
                      - id: silent
                        address: 127.0.0.1:%d
                    """.formatted(SILENT.port(), SILENT.port()));
            Files.writeString(dir.resolve("daily.yaml"), """
                    id: daily
                    title: Daily
                    cadence: daily
                    due: 10h
                    timezone: UTC
                    activities:
                      - id: tickets
                        title: Review the ticket queue
                        signoff: always
                        probes:
                          - type: backlog
                            target: tickets
                            preset: jira
                            auth_env: ROUNDS_TEST_VARIABLE_NEVER_SET
                      - id: slow
                        title: Review the slow service
                        signoff: always
                        probes:
                          - type: http
                            target: silent
                            timeout: 5m
                    """);
            return Map.of("rounds.checklists.dir", dir.toString(), "rounds.schedule.tick", "off",
                    "rounds.backup.at-first-start", "false");
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
