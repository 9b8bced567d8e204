package dev.rounds.backupcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertInstanceOf;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rounds.probe.ProbeHarness;
import dev.rounds.probe.SetupMissing;
import dev.rounds.probe.SetupNeed;
import dev.rounds.probe.type.ChildProcess;
import io.vertx.core.Vertx;
import java.time.Clock;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Real child processes: what a backup tool sees and how it is stopped. */
class ToolRunTest {

    private static Vertx vertx;

    @BeforeAll
    static void start() {
        vertx = ProbeHarness.vertx();
    }

    private static ChildProcess.End run(
            List<String> command, Map<String, String> environment, Duration timeout, long maxBytes) {
        return new ToolRun(command, environment, "coreutils")
                .process(maxBytes)
                .run(ProbeHarness.context(Clock.systemUTC(), maxBytes), timeout)
                .toCompletableFuture()
                .join();
    }

    private static ChildProcess.Exited exited(ChildProcess.End end) {
        return assertInstanceOf(ChildProcess.Exited.class, end);
    }

    @Test
    void theToolSeesOnlyTheEnvironmentItIsGiven() {
        ChildProcess.Exited output =
                exited(run(List.of("/usr/bin/env"), Map.of("RESTIC_PASSWORD", "s3cret"), Duration.ofSeconds(10), 4096));
        assertEquals(0, output.exitCode());
        assertEquals("RESTIC_PASSWORD=s3cret\n", output.output());
    }

    @Test
    void argumentsAreNotInterpretedByAShell() {
        ChildProcess.Exited output =
                exited(run(List.of("/bin/echo", "$HOME; rm -rf /tmp/x"), Map.of(), Duration.ofSeconds(10), 4096));
        assertEquals("$HOME; rm -rf /tmp/x\n", output.output());
    }

    @Test
    void aMissingToolNamesTheDebianPackage() {
        SetupMissing missing = assertThrows(
                SetupMissing.class,
                () -> new ToolRun(List.of("restic-not-installed-here"), Map.of("PATH", "/usr/bin:/bin"), "restic")
                        .process(1024));
        assertEquals(
                "restic-not-installed-here is not installed on the machine Rounds runs on (not on its PATH"
                        + " /usr/bin:/bin); install the Debian package 'restic'",
                missing.getMessage());
        assertEquals(SetupNeed.tool("install restic-not-installed-here (Debian: apt install restic)"), missing.need());
    }

    @Test
    void aToolThatHangsIsKilledAtTheTimeoutWithItsChildren() {
        // the shell's child sleep holds stdout open: it must die too, or the read would never end
        ChildProcess.End end =
                run(List.of("/bin/sh", "-c", "sleep 60 & sleep 60"), Map.of(), Duration.ofMillis(300), 4096);
        assertInstanceOf(ChildProcess.TimedOut.class, end);
    }

    @Test
    void outputBeyondTheCapIsCutAndTheToolStopped() {
        ChildProcess.Exited output = exited(run(List.of("/usr/bin/yes"), Map.of(), Duration.ofSeconds(20), 1000));
        assertTrue(output.cut());
        assertEquals(1000, output.output().length());
        assertEquals(137, output.exitCode(), "killed: 128 + SIGKILL");
    }

    @Test
    void theLastLineOfTheErrorOutputSaysWhatWentWrong() {
        ChildProcess.Exited output = exited(run(
                List.of("/bin/sh", "-c", "echo first >&2; echo 'Fatal: wrong password' >&2; exit 1"),
                Map.of(),
                Duration.ofSeconds(10),
                4096));
        assertEquals(1, output.exitCode());
        assertEquals("Fatal: wrong password", ToolRun.complaint(output));
    }

    @Test
    void theLastLinesOfALongErrorOutputAreTheOnesKept() {
        ChildProcess.Exited output = exited(run(
                List.of(
                        "/bin/sh",
                        "-c",
                        "i=0; while [ $i -lt 2000 ]; do echo \"noise $i\" >&2; i=$((i+1)); done; echo 'Fatal: locked' >&2; exit 1"),
                Map.of(),
                Duration.ofSeconds(10),
                4096));
        assertEquals("Fatal: locked", ToolRun.complaint(output));
        assertTrue(
                output.errors().length() <= ToolRun.ERROR_BYTES,
                "kept " + output.errors().length());
    }

    @Test
    void aToolThatSaysNothingComplainsWithItsExitCode() {
        assertEquals(
                "exit code 3",
                ToolRun.complaint(
                        exited(run(List.of("/bin/sh", "-c", "exit 3"), Map.of(), Duration.ofSeconds(10), 4096))));
    }
}
