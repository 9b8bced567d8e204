package dev.rounds.probe.type;

import static dev.rounds.probe.Fixtures.expect;
import static dev.rounds.probe.Fixtures.number;
import static dev.rounds.probe.Fixtures.spec;
import static dev.rounds.probe.Fixtures.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import dev.rounds.checklist.Condition;
import dev.rounds.checklist.Literal;
import dev.rounds.checklist.Operator;
import dev.rounds.checklist.Target;
import dev.rounds.probe.Observation;
import dev.rounds.probe.ProbeHarness;
import dev.rounds.probe.ProbeStatus;
import dev.rounds.probe.SilentServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.nio.file.FileStore;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The exec probe with Debian's monitoring-plugins and with scripts standing in for misbehaving plugins. */
class ExecProbeTest {

    private static final Path PLUGINS = Path.of(ExecProbe.PLUGINS);
    private static final long CAP = 64 * 1024;

    @TempDir
    Path dir;

    private static Observation observe(
            Target target, Map<String, Object> settings, Duration timeout, Condition... expect) {
        return new ExecProbe()
                .observe(
                        spec("exec", target, settings, timeout, expect),
                        target,
                        ProbeHarness.context(Clock.systemUTC(), CAP))
                .toCompletableFuture()
                .join();
    }

    private Path script(String name, String body) throws IOException {
        Path script = dir.resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    private static void assumePlugin(String name) {
        assumeTrue(Files.isExecutable(PLUGINS.resolve(name)), name + " is not installed (monitoring-plugins-basic)");
    }

    @Test
    void checkTcpAgainstAListeningPortIsUpWithItsResponseTime() throws IOException {
        assumePlugin("check_tcp");
        try (ServerSocket listening = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"))) {
            Target target = target("local", "127.0.0.1:" + listening.getLocalPort());

            Observation observation = observe(
                    target,
                    Map.of("command", "check_tcp", "args", List.of("-H", "{host}", "-p", "{port}")),
                    Duration.ofSeconds(10));

            assertNull(observation.verdict(), observation.message());
            assertEquals(0, observation.values().get("exit_code"));
            assertInstanceOf(Duration.class, observation.values().get("time"));
            assertTrue(((String) observation.values().get("output")).startsWith("TCP OK"), observation.message());
            assertTrue(observation.message().startsWith("check_tcp: TCP OK - "), observation.message());
        }
    }

    @Test
    void checkTcpAgainstAClosedPortIsDown() throws IOException {
        assumePlugin("check_tcp");
        int closed;
        try (ServerSocket probe = new ServerSocket(0)) {
            closed = probe.getLocalPort();
        }
        Target target = target("local", "127.0.0.1:" + closed);

        Observation observation = observe(
                target,
                Map.of(
                        "command",
                        PLUGINS.resolve("check_tcp").toString(),
                        "args",
                        List.of("-H", "{host}", "-p", "{port}")),
                Duration.ofSeconds(10));

        assertEquals(ProbeStatus.DOWN, observation.verdict());
        assertEquals(2, observation.values().get("exit_code"));
        assertEquals(
                "check_tcp: connect to address 127.0.0.1 and port " + closed + ": Connection refused",
                observation.message());
    }

    @Test
    void checkDiskPerfdataIsTheUsedSpaceInBytes() throws IOException {
        assumePlugin("check_disk");
        Target target = target("localhost", "127.0.0.1");

        Observation observation = observe(
                target,
                Map.of("command", "check_disk", "args", List.of("-w", "10%", "-c", "5%", "-p", "/tmp")),
                Duration.ofSeconds(10));

        Map<String, Object> perfdata = new HashMap<>(observation.values());
        perfdata.keySet().removeAll(List.of("exit_code", "output"));
        assertEquals(1, perfdata.size(), perfdata::toString);
        long used = (Long) perfdata.values().iterator().next();
        FileStore tmp = Files.getFileStore(Path.of("/tmp"));
        long seen = tmp.getTotalSpace() - tmp.getUnallocatedSpace();
        // Other builds write meanwhile: within 1% of the file system's size.
        assertTrue(Math.abs(used - seen) < tmp.getTotalSpace() / 100, used + " vs " + seen);
        assertTrue(observation.message().startsWith("check_disk: DISK "), observation.message());
    }

    @Test
    void pluginThatHangsIsKilledWithEverythingItStartedAtTheTimeout() throws Exception {
        String marker = "3" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        Path hang = script("hang", "sleep " + marker + " &\nsleep " + marker + "\n");

        Observation observation =
                observe(target("localhost", "127.0.0.1"), Map.of("command", hang.toString()), Duration.ofSeconds(1));

        assertEquals(ProbeStatus.DOWN, observation.verdict());
        assertEquals("hang did not finish within 1s; killed it and 2 process(es) it started", observation.message());
        long deadline = System.nanoTime() + TimeUnit.SECONDS.toNanos(5);
        while (leftBehind(marker) && System.nanoTime() < deadline) Thread.sleep(20);
        assertFalse(leftBehind(marker), "a sleep " + marker + " survived");
    }

    @Test
    void checkTcpWaitingOnASilentServerIsKilledAtTheProbesTimeout() throws IOException {
        assumePlugin("check_tcp");
        try (SilentServer silent = new SilentServer()) {
            Target target = target("quiet", "127.0.0.1:" + silent.port());

            Observation observation = observe(
                    target,
                    Map.of(
                            "command",
                            "check_tcp",
                            "args",
                            List.of("-H", "{host}", "-p", "{port}", "-s", "HELLO", "-e", "WORLD", "-t", "60")),
                    Duration.ofSeconds(1));

            assertEquals(ProbeStatus.DOWN, observation.verdict());
            assertEquals("check_tcp did not finish within 1s; killed it", observation.message());
        }
    }

    private static boolean leftBehind(String marker) {
        return ProcessHandle.allProcesses()
                .anyMatch(process -> process.info()
                        .commandLine()
                        .map(line -> line.contains("sleep " + marker))
                        .orElse(false));
    }

    @Test
    void warningStandsUnlessAConditionFails() throws IOException {
        Path warning =
                script("check_queue", "echo 'QUEUE WARNING - 85 waiting|waiting=85;80;90;0;100 age=40s'\nexit 1\n");
        Target target = target("localhost", "127.0.0.1");
        Map<String, Object> settings = Map.of("command", warning.toString());

        Observation warned =
                observe(target, settings, Duration.ofSeconds(5), expect("waiting", Operator.LT, number(90)));
        Observation failed = observe(
                target,
                settings,
                Duration.ofSeconds(5),
                expect("age", Operator.LT, new Literal.Time(Duration.ofSeconds(30), "30s")));

        assertEquals(ProbeStatus.WARN, warned.verdict());
        assertEquals("check_queue: QUEUE WARNING - 85 waiting", warned.message());
        assertEquals(85L, warned.values().get("waiting"));
        assertEquals(ProbeStatus.DOWN, failed.verdict());
        assertEquals("age (40s) < 30s; check_queue: QUEUE WARNING - 85 waiting", failed.message());
    }

    @Test
    void unknownAndOtherExitCodesAreUnknown() throws IOException {
        Target target = target("localhost", "127.0.0.1");

        Observation unknown = observe(
                target,
                Map.of(
                        "command",
                        script("u", "echo 'UNKNOWN - no data'\nexit 3\n").toString()),
                Duration.ofSeconds(5));
        Observation crashed = observe(
                target,
                Map.of("command", script("c", "echo oops >&2\nexit 127\n").toString()),
                Duration.ofSeconds(5));

        assertEquals(ProbeStatus.UNKNOWN, unknown.verdict());
        assertEquals("u: UNKNOWN - no data", unknown.message());
        assertEquals(ProbeStatus.UNKNOWN, crashed.verdict());
        assertEquals(
                "c exited with 127, not a plugin status (0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN): oops",
                crashed.message());
    }

    @Test
    void outputBeyondTheCapIsCutAndThePluginStillFinishes() throws IOException {
        Path chatty =
                script("chatty", "echo 'OK - chatty|lines=1'\nhead -c 1000000 /dev/zero | tr '\\\\0' x\nexit 0\n");

        Observation observation =
                observe(target("localhost", "127.0.0.1"), Map.of("command", chatty.toString()), Duration.ofSeconds(10));

        assertNull(observation.verdict(), observation.message());
        assertEquals(0, observation.values().get("exit_code"));
        assertEquals("chatty: OK - chatty (output cut at 65536 bytes, rounds.probe.max-bytes)", observation.message());
    }

    @Test
    void pluginsSeeNoneOfRoundsEnvironmentButPathHomeAndTheCLocale() throws IOException {
        String inherited = System.getenv().keySet().stream()
                .filter(name ->
                        !List.of("PATH", "HOME", "LC_ALL", "PWD", "SHLVL", "_").contains(name))
                .findFirst()
                .orElse(null);
        assumeTrue(inherited != null, "this JVM has no other environment variable to leave out");
        Path env = script("env", "echo \"OK - $(env | cut -d= -f1 | sort | tr '\\n' ' ')\"\n");

        Observation observation =
                observe(target("localhost", "127.0.0.1"), Map.of("command", env.toString()), Duration.ofSeconds(5));

        String names = (String) observation.values().get("output");
        assertTrue(names.contains(" LC_ALL ") && names.contains(" PATH "), names);
        assertFalse((names + " ").contains(" " + inherited + " "), inherited + " reached the plugin: " + names);
    }

    @Test
    void commandsThatCannotRunAreErrors() {
        Target hostOnly = target("localhost", "127.0.0.1");

        assertEquals(
                "command 'check_nothing_here' is neither in /usr/lib/nagios/plugins nor in the PATH; "
                        + "install the monitoring-plugins package",
                observe(hostOnly, Map.of("command", "check_nothing_here"), Duration.ofSeconds(1))
                        .message());
        assertEquals(
                "command must be an absolute path or a plugin name such as check_tcp, got 'bin/check'",
                observe(hostOnly, Map.of("command", "bin/check"), Duration.ofSeconds(1))
                        .message());
        assertEquals(
                "args use {port}, but target localhost's address '127.0.0.1' has none; write it as host:port",
                observe(hostOnly, Map.of("command", "sh", "args", List.of("-p", "{port}")), Duration.ofSeconds(1))
                        .message());
    }

    @Test
    void namesWithoutAPathAreFoundInThePluginFolderFirstThenThePath() {
        assumePlugin("check_tcp");

        assertEquals(PLUGINS.resolve("check_tcp"), ExecProbe.resolve("check_tcp"));
        assertTrue(ExecProbe.resolve("sh").toString().endsWith("/sh"));
    }
}
