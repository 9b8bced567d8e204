package dev.rounds.signoff;

import dev.rounds.probe.SilentServer;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.util.Map;

/**
 * Two activities a person must sign off after their probes: one whose probe cannot run (its credential variable
 * is not set) and one whose probe is still waiting on a target that never answers.
 */
final class UncheckableChecklists {

    static final SilentServer SILENT = silentServer();

    private static SilentServer silentServer() {
        try {
            return new SilentServer();
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private UncheckableChecklists() {}

    static Map<String, String> files() {
        return Map.of("inventory.yaml", """
                targets:
                  - id: tickets
                    address: 127.0.0.1:%d
                  - id: silent
                    address: 127.0.0.1:%d
                """.formatted(SILENT.port(), SILENT.port()), "daily.yaml", """
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
    }
}
