package dev.rounds.backupcheck;

import dev.rounds.checklist.Target;
import dev.rounds.probe.Environment;
import dev.rounds.probe.Fixtures;
import dev.rounds.probe.Observation;
import dev.rounds.probe.ProbeHarness;
import dev.rounds.probe.SystemEnvironment;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Map;
import java.util.concurrent.TimeUnit;

/** Runs a backup probe once in the {@link ProbeHarness}, at a fixed "now". */
final class BackupRuns {

    static final Instant NOW = Instant.parse("2026-11-26T10:00:00Z");
    static final Target LOCALHOST = Fixtures.target("localhost", "127.0.0.1");

    private BackupRuns() {}

    /** @param environment where the probe reads its secrets, PATH and HOME, as the application's environment */
    static Observation observe(
            BackupProbe probe,
            Environment environment,
            Map<String, Object> settings,
            Instant now,
            long maxBytes,
            Duration timeout)
            throws Exception {
        var context = ProbeHarness.context(Clock.fixed(now, ZoneOffset.UTC), maxBytes, environment);
        return probe.observe(Fixtures.spec("backup", LOCALHOST, settings, timeout), LOCALHOST, context)
                .toCompletableFuture()
                .get(timeout.toSeconds() + 30, TimeUnit.SECONDS);
    }

    static Observation observe(BackupProbe probe, Environment environment, Map<String, Object> settings, Instant now)
            throws Exception {
        return observe(probe, environment, settings, now, 1 << 20, Duration.ofSeconds(30));
    }

    /** With the process environment, as the application runs probes. */
    static Observation observe(BackupProbe probe, Map<String, Object> settings, Instant now) throws Exception {
        return observe(probe, new SystemEnvironment(), settings, now);
    }
}
