package dev.rounds.backupcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rounds.probe.Environment;
import dev.rounds.probe.Observation;
import dev.rounds.probe.ProbeStatus;
import dev.rounds.probe.SystemEnvironment;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The restic and borg kinds against real repositories the test makes with Debian's restic and borg, in a
 * temporary folder that also serves as their HOME and BORG_BASE_DIR, so nothing touches the user's home.
 */
class RepositoryBackupTest {

    private static final String PASSWORD = "correct horse battery staple";

    @TempDir
    Path dir;

    private final BackupProbe probe = new BackupProbe();

    /** The probe sees the secrets under these names, as an operator's service environment would hold them. */
    private Environment environment() {
        Map<String, String> set = Map.of("BACKUP_PW", PASSWORD, "HOME", dir.toString());
        return name -> set.containsKey(name) ? Optional.of(set.get(name)) : new SystemEnvironment().variable(name);
    }

    /** Only these variables are set. */
    private static Environment only(Map<String, String> variables) {
        return name -> Optional.ofNullable(variables.get(name));
    }

    private void tool(Map<String, String> environment, String... command) throws IOException, InterruptedException {
        ProcessBuilder builder = new ProcessBuilder(command)
                .directory(dir.resolve("data").toFile())
                .redirectErrorStream(true)
                .redirectOutput(dir.resolve("tool.log").toFile())
                .redirectInput(new File("/dev/null"));
        builder.environment().clear();
        builder.environment().put("PATH", System.getenv("PATH"));
        builder.environment().put("HOME", dir.toString());
        builder.environment().putAll(environment);
        Process process = builder.start();
        assertTrue(process.waitFor(60, TimeUnit.SECONDS), "tool finished");
        assertEquals(
                0, process.exitValue(), String.join(" ", command) + ": " + Files.readString(dir.resolve("tool.log")));
    }

    private void someData(String content) throws IOException {
        Files.createDirectories(dir.resolve("data/etc"));
        Files.writeString(dir.resolve("data/etc/app.conf"), content);
    }

    @Test
    void aResticRepositoryYieldsTheAgeOfItsNewestSnapshotAndTheirCount() throws Exception {
        String repo = dir.resolve("restic-repo").toString();
        Map<String, String> env = Map.of(
                "RESTIC_PASSWORD",
                PASSWORD,
                "RESTIC_CACHE_DIR",
                dir.resolve("cache").toString());
        someData("one");
        tool(env, "restic", "-r", repo, "init");
        tool(env, "restic", "-r", repo, "backup", "--host", "ops-01", "--tag", "daily", ".");
        someData("two");
        tool(env, "restic", "-r", repo, "backup", "--host", "ops-01", "--tag", "daily", ".");
        tool(env, "restic", "-r", repo, "backup", "--host", "ops-02", ".");
        Instant later = Instant.now().plus(Duration.ofHours(3));

        Observation all = BackupRuns.observe(
                probe, environment(), Map.of("kind", "restic", "repository", repo, "password_env", "BACKUP_PW"), later);
        Observation daily = BackupRuns.observe(
                probe,
                environment(),
                Map.of(
                        "kind",
                        "restic",
                        "repository",
                        repo,
                        "password_env",
                        "BACKUP_PW",
                        "host",
                        "ops-01",
                        "tag",
                        "daily"),
                later);
        Observation none = BackupRuns.observe(
                probe,
                environment(),
                Map.of("kind", "restic", "repository", repo, "password_env", "BACKUP_PW", "host", "ops-99"),
                later);

        assertNull(all.verdict(), all.message());
        assertEquals(3, all.values().get("count"));
        Duration age = (Duration) all.values().get("age");
        assertTrue(
                age.compareTo(Duration.ofHours(3)) >= 0
                        && age.compareTo(Duration.ofHours(3).plusMinutes(2)) < 0,
                "about three hours old: " + age);
        assertEquals(2, daily.values().get("count"), daily.message());
        assertEquals(ProbeStatus.DOWN, none.verdict());
        assertEquals(0, none.values().get("count"));
    }

    @Test
    void aWrongResticPasswordIsDownWithResticsOwnWords() throws Exception {
        String repo = dir.resolve("restic-repo").toString();
        someData("one");
        tool(Map.of("RESTIC_PASSWORD", "another password"), "restic", "-r", repo, "init");

        Observation seen = BackupRuns.observe(
                probe,
                environment(),
                Map.of("kind", "restic", "repository", repo, "password_env", "BACKUP_PW"),
                Instant.now());

        assertEquals(ProbeStatus.DOWN, seen.verdict());
        assertTrue(seen.message().startsWith("restic snapshots of " + repo + " failed: "), seen.message());
        assertTrue(seen.message().contains("wrong password"), seen.message());
    }

    @Test
    void aMissingSecretIsAnErrorNamingTheVariable() throws Exception {
        Observation seen = BackupRuns.observe(
                probe,
                environment(),
                Map.of("kind", "restic", "repository", "/srv/none", "password_env", "ROUNDS_TEST_UNSET_VARIABLE"),
                Instant.now());

        assertEquals(ProbeStatus.ERROR, seen.verdict());
        assertEquals(
                "environment variable ROUNDS_TEST_UNSET_VARIABLE (named by password_env) is not set where Rounds"
                        + " runs; set it to the restic repository's password",
                seen.message());
    }

    @Test
    void aResticThatHangsIsStoppedAtTheTimeoutAndTheBackupIsDown() throws Exception {
        Path bin = Files.createDirectories(dir.resolve("bin"));
        Path hanging = Files.writeString(bin.resolve("restic"), "#!/bin/sh\nsleep 60\n");
        assertTrue(hanging.toFile().setExecutable(true));
        Environment environment = only(Map.of("PATH", bin + ":/usr/bin:/bin", "BACKUP_PW", PASSWORD));

        Observation seen = BackupRuns.observe(
                probe,
                environment,
                Map.of("kind", "restic", "repository", "/srv/restic", "password_env", "BACKUP_PW"),
                Instant.now(),
                1 << 20,
                Duration.ofMillis(500));

        assertEquals(ProbeStatus.DOWN, seen.verdict());
        assertEquals("restic snapshots of /srv/restic did not finish within 500ms; it was stopped", seen.message());
    }

    @Test
    void aMissingBorgIsAnErrorNamingItsDebianPackage() throws Exception {
        Path empty = Files.createDirectories(dir.resolve("empty-bin"));
        Environment environment = only(Map.of("PATH", empty.toString(), "BACKUP_PW", PASSWORD));

        Observation seen = BackupRuns.observe(
                probe,
                environment,
                Map.of("kind", "borg", "repository", "/srv/borg", "passphrase_env", "BACKUP_PW"),
                Instant.now());

        assertEquals(ProbeStatus.ERROR, seen.verdict());
        assertEquals(
                "borg is not installed on the machine Rounds runs on (not on its PATH " + empty + "); install"
                        + " the Debian package 'borgbackup'",
                seen.message());
    }

    @Test
    void passEnvHandsTheNamedVariablesToTheToolAndNothingElseLeaks() throws Exception {
        Map<String, String> rounds = Map.of(
                "PATH",
                "/usr/bin:/bin",
                "HOME",
                "/var/lib/rounds",
                "BACKUP_PW",
                PASSWORD,
                "AWS_ACCESS_KEY_ID",
                "AKIAEXAMPLE",
                "UNRELATED_SECRET",
                "not for restic");
        var spec = dev.rounds.probe.Fixtures.spec(
                "backup",
                BackupRuns.LOCALHOST,
                Map.of(
                        "kind",
                        "restic",
                        "repository",
                        "s3:s3.amazonaws.com/bucket",
                        "password_env",
                        "BACKUP_PW",
                        "pass_env",
                        List.of("AWS_ACCESS_KEY_ID")),
                Duration.ofSeconds(5));

        assertEquals(
                Map.of(
                        "PATH",
                        "/usr/bin:/bin",
                        "HOME",
                        "/var/lib/rounds",
                        "RESTIC_PASSWORD",
                        PASSWORD,
                        "AWS_ACCESS_KEY_ID",
                        "AKIAEXAMPLE",
                        "TZ",
                        "UTC",
                        "LC_ALL",
                        "C.UTF-8"),
                BackupProbe.restic(spec, only(rounds)).environment());
    }

    @Test
    void aBorgRepositoryYieldsTheAgeOfItsNewestArchiveAndTheirCount() throws Exception {
        Assumptions.assumeTrue(
                List.of(System.getenv("PATH").split(":")).stream()
                        .anyMatch(folder -> Files.isExecutable(Path.of(folder, "borg"))),
                "borg is not installed");
        String repo = dir.resolve("borg-repo").toString();
        String base = dir.resolve("borg-base").toString();
        // a zone far from UTC: the probe must not read borg's zone-less times in the machine's zone
        Map<String, String> env = Map.of("BORG_PASSPHRASE", PASSWORD, "BORG_BASE_DIR", base, "TZ", "Asia/Tokyo");
        someData("one");
        tool(env, "borg", "init", "-e", "repokey", repo);
        tool(env, "borg", "create", repo + "::first", ".");
        someData("two");
        tool(env, "borg", "create", repo + "::second", ".");
        Instant later = Instant.now().plus(Duration.ofHours(5));

        Observation seen = BackupRuns.observe(
                probe,
                environment(),
                Map.of("kind", "borg", "repository", repo, "passphrase_env", "BACKUP_PW", "base_dir", base),
                later);

        assertNull(seen.verdict(), seen.message());
        assertEquals(2, seen.values().get("count"));
        Duration age = (Duration) seen.values().get("age");
        assertTrue(
                age.compareTo(Duration.ofHours(5)) >= 0
                        && age.compareTo(Duration.ofHours(5).plusMinutes(2)) < 0,
                "about five hours old: " + age);
    }

    @Test
    void anEmptyBorgRepositoryIsDown() throws Exception {
        Assumptions.assumeTrue(
                List.of(System.getenv("PATH").split(":")).stream()
                        .anyMatch(folder -> Files.isExecutable(Path.of(folder, "borg"))),
                "borg is not installed");
        String repo = dir.resolve("borg-repo").toString();
        String base = dir.resolve("borg-base").toString();
        someData("one");
        tool(Map.of("BORG_PASSPHRASE", PASSWORD, "BORG_BASE_DIR", base), "borg", "init", "-e", "repokey", repo);

        Observation seen = BackupRuns.observe(
                probe,
                environment(),
                Map.of("kind", "borg", "repository", repo, "passphrase_env", "BACKUP_PW", "base_dir", base),
                Instant.now());

        assertEquals(ProbeStatus.DOWN, seen.verdict());
        assertEquals("borg list of " + repo + ": no snapshot (matching the probe's filters, if any)", seen.message());
    }
}
