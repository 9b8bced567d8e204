package dev.rounds.probe.type;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rounds.probe.ProbeContext;
import dev.rounds.probe.ProbeHarness;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ThreadLocalRandom;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The one child-process runner with real processes: /bin/sh, yes, sleep and scripts. */
class ChildProcessTest {

    private static final Map<String, String> PATH = Map.of("PATH", "/usr/bin:/bin");

    private static ProbeContext context;

    @TempDir
    Path dir;

    @BeforeAll
    static void start() {
        context = ProbeHarness.context(Clock.systemUTC(), 0);
    }

    private static CompletionStage<ChildProcess.End> start(
            String script,
            long maxBytes,
            ChildProcess.OverCap overCap,
            ChildProcess.ErrorOutput errors,
            Duration timeout) {
        return new ChildProcess(List.of("/bin/sh", "-c", script), PATH, maxBytes, overCap, errors)
                .run(context, timeout);
    }

    private static ChildProcess.End run(
            String script,
            long maxBytes,
            ChildProcess.OverCap overCap,
            ChildProcess.ErrorOutput errors,
            Duration timeout) {
        return start(script, maxBytes, overCap, errors, timeout)
                .toCompletableFuture()
                .join();
    }

    private static ChildProcess.Exited exited(String script, ChildProcess.ErrorOutput errors) {
        return assertInstanceOf(
                ChildProcess.Exited.class,
                run(script, 4096, ChildProcess.OverCap.DRAIN, errors, Duration.ofSeconds(10)));
    }

    private Path script(String name, String body) throws IOException {
        Path script = dir.resolve(name);
        Files.writeString(script, "#!/bin/sh\n" + body);
        Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rwx------"));
        return script;
    }

    private static boolean running(String marker) {
        return ProcessHandle.allProcesses()
                .anyMatch(process -> process.info()
                        .commandLine()
                        .map(line -> line.contains("sleep " + marker))
                        .orElse(false));
    }

    private static boolean goneWithin(String marker, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        while (running(marker) && System.nanoTime() < deadline) Thread.sleep(20);
        return !running(marker);
    }

    @Test
    void theExitCodeOutputAndErrorOutputComeBack() {
        ChildProcess.Exited exited = exited("echo out; echo err >&2; exit 3", ChildProcess.ErrorOutput.first(100));

        assertEquals(3, exited.exitCode());
        assertEquals("out\n", exited.output());
        assertEquals("err\n", exited.errors());
        assertFalse(exited.cut());
    }

    @Test
    void theProcessSeesExactlyTheEnvironmentItIsGiven() {
        ChildProcess.End end = new ChildProcess(
                        List.of("/usr/bin/env"),
                        Map.of("PATH", "/usr/bin:/bin", "LC_ALL", "C"),
                        4096,
                        ChildProcess.OverCap.DRAIN,
                        ChildProcess.ErrorOutput.first(100))
                .run(context, Duration.ofSeconds(10))
                .toCompletableFuture()
                .join();

        assertEquals(
                List.of("LC_ALL=C", "PATH=/usr/bin:/bin"),
                assertInstanceOf(ChildProcess.Exited.class, end)
                        .output()
                        .lines()
                        .sorted()
                        .toList());
    }

    @Test
    void theProcessGetsNoInput() {
        ChildProcess.End end = new ChildProcess(
                        List.of("/bin/cat"),
                        PATH,
                        4096,
                        ChildProcess.OverCap.DRAIN,
                        ChildProcess.ErrorOutput.first(100))
                .run(context, Duration.ofSeconds(10))
                .toCompletableFuture()
                .join();

        ChildProcess.Exited exited = assertInstanceOf(ChildProcess.Exited.class, end, "cat ends at once");
        assertEquals(0, exited.exitCode());
        assertEquals("", exited.output());
    }

    @Test
    void drainedOutputIsCutAtTheCapAndTheProcessFinishes() {
        ChildProcess.End end = run(
                "head -c 1000000 /dev/zero | tr '\\0' x; echo done >&2; exit 0",
                1000,
                ChildProcess.OverCap.DRAIN,
                ChildProcess.ErrorOutput.first(100),
                Duration.ofSeconds(10));

        ChildProcess.Exited exited = assertInstanceOf(ChildProcess.Exited.class, end);
        assertEquals(0, exited.exitCode(), "it ran to its end");
        assertEquals("x".repeat(1000), exited.output());
        assertTrue(exited.cut());
        assertEquals("done\n", exited.errors());
    }

    @Test
    void outputPastTheCapStopsTheProcessWhenAsked() {
        ChildProcess.End end = new ChildProcess(
                        List.of("/usr/bin/yes"), PATH, 1000, ChildProcess.OverCap.STOP, ChildProcess.ErrorOutput.MERGED)
                .run(context, Duration.ofSeconds(20))
                .toCompletableFuture()
                .join();

        ChildProcess.Exited exited = assertInstanceOf(ChildProcess.Exited.class, end);
        assertTrue(exited.cut());
        assertEquals("y\n".repeat(500), exited.output());
        assertEquals(137, exited.exitCode(), "killed: 128 + SIGKILL");
    }

    @Test
    void errorOutputKeepsItsFirstOrItsLastBytesOrJoinsTheOutput() {
        String script = "echo first >&2; i=0; while [ $i -lt 500 ]; do echo noise >&2; i=$((i+1)); done; echo last >&2";

        String head = exited(script, ChildProcess.ErrorOutput.first(10)).errors();
        String tail = exited(script, ChildProcess.ErrorOutput.last(10)).errors();
        ChildProcess.Exited merged = exited("echo out; echo err >&2", ChildProcess.ErrorOutput.MERGED);

        assertEquals("first\nnois", head);
        assertEquals("oise\nlast\n", tail);
        assertEquals("out\nerr\n", merged.output());
        assertEquals("", merged.errors());
    }

    @Test
    void aProgramThatCannotStartSaysWhy() {
        ChildProcess.End end = new ChildProcess(
                        List.of(dir.resolve("missing").toString()),
                        PATH,
                        100,
                        ChildProcess.OverCap.DRAIN,
                        ChildProcess.ErrorOutput.MERGED)
                .run(context, Duration.ofSeconds(5))
                .toCompletableFuture()
                .join();

        ChildProcess.NotStarted notStarted = assertInstanceOf(ChildProcess.NotStarted.class, end);
        assertTrue(
                notStarted.cause().getMessage().contains("No such file or directory"),
                notStarted.cause().getMessage());
    }

    @Test
    void atTheTimeoutTheProcessAndEverythingItStartedAreKilled() throws Exception {
        String marker = "3" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        Path hang = script("hang", "sleep " + marker + " &\nsleep " + marker + "\n");
        long start = System.nanoTime();

        ChildProcess.End end = new ChildProcess(
                        List.of(hang.toString()),
                        PATH,
                        100,
                        ChildProcess.OverCap.DRAIN,
                        ChildProcess.ErrorOutput.first(100))
                .run(context, Duration.ofMillis(500))
                .toCompletableFuture()
                .join();

        Duration took = Duration.ofNanos(System.nanoTime() - start);
        assertEquals(new ChildProcess.TimedOut(2), end);
        assertTrue(
                took.compareTo(Duration.ofMillis(450)) >= 0 && took.compareTo(Duration.ofSeconds(5)) < 0,
                took::toString);
        assertTrue(goneWithin(marker, Duration.ofSeconds(5)), "a sleep " + marker + " survived");
    }

    @Test
    void theStageCompletesAtTheTimeoutEvenIfAnEscapedProcessHoldsTheOutput() throws Exception {
        // The subshell's sleep is orphaned at once, so it is no descendant to kill, and keeps stdout open.
        String marker = "3" + ThreadLocalRandom.current().nextInt(100_000, 999_999);
        try {
            CompletionStage<ChildProcess.End> stage = start(
                    "(sleep " + marker + " &); sleep " + marker,
                    100,
                    ChildProcess.OverCap.DRAIN,
                    ChildProcess.ErrorOutput.first(100),
                    Duration.ofMillis(500));
            assertFalse(stage.toCompletableFuture().isDone(), "run returns before the process ends");

            ChildProcess.End end = stage.toCompletableFuture().get(5, TimeUnit.SECONDS);

            assertInstanceOf(ChildProcess.TimedOut.class, end);
        } finally {
            ProcessHandle.allProcesses()
                    .filter(process -> process.info()
                            .commandLine()
                            .map(line -> line.contains("sleep " + marker))
                            .orElse(false))
                    .forEach(ProcessHandle::destroyForcibly);
        }
    }

    @Test
    void aPlainEnvironmentCarriesNoneOfRoundsOwnVariables() {
        var env = new ChildProcess(
                        List.of("/usr/bin/env"),
                        ChildProcess.plainEnvironment(),
                        65536,
                        ChildProcess.OverCap.DRAIN,
                        ChildProcess.ErrorOutput.MERGED)
                .run(context, Duration.ofSeconds(10));
        ChildProcess.Exited exited = assertInstanceOf(
                ChildProcess.Exited.class, env.toCompletableFuture().join());
        List<String> names = exited.output()
                .lines()
                .map(line -> line.substring(0, line.indexOf('=')))
                .sorted()
                .toList();
        assertTrue(List.of("HOME", "LC_ALL", "PATH").containsAll(names), "the child saw " + names);
        assertTrue(exited.output().lines().anyMatch("LC_ALL=C"::equals), exited.output());
        assertTrue(System.getenv().size() > names.size(), "this test's own environment has more than the child saw");
    }
}
