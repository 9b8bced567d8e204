package dev.rounds.backupcheck;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rounds.probe.ProbeHarness;
import io.vertx.core.Vertx;
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

    private static ToolRun.Output run(List<String> command, Map<String, String> environment, Duration timeout,
            long maxBytes) throws Exception {
        return new ToolRun(command, environment, "coreutils").run(vertx, timeout, maxBytes);
    }

    @Test
    void theToolSeesOnlyTheEnvironmentItIsGiven() throws Exception {
        ToolRun.Output output = run(List.of("/usr/bin/env"), Map.of("RESTIC_PASSWORD", "s3cret"),
                Duration.ofSeconds(10), 4096);
        assertEquals(0, output.exitCode());
        assertEquals("RESTIC_PASSWORD=s3cret\n", output.stdout());
    }

    @Test
    void argumentsAreNotInterpretedByAShell() throws Exception {
        ToolRun.Output output = run(List.of("/bin/echo", "$HOME; rm -rf /tmp/x"), Map.of(), Duration.ofSeconds(10), 4096);
        assertEquals("$HOME; rm -rf /tmp/x\n", output.stdout());
    }

    @Test
    void aMissingToolNamesTheDebianPackage() {
        ToolRun.Missing missing = assertThrows(ToolRun.Missing.class, () ->
                new ToolRun(List.of("restic-not-installed-here"), Map.of("PATH", "/usr/bin:/bin"), "restic")
                        .run(vertx, Duration.ofSeconds(5), 1024));
        assertEquals("restic-not-installed-here is not installed on the machine Rounds runs on (not on its PATH"
                + " /usr/bin:/bin); install the Debian package 'restic'", missing.getMessage());
    }

    @Test
    void aToolThatHangsIsKilledAtTheTimeoutWithItsChildren() throws Exception {
        // the shell's child sleep holds stdout open: it must die too, or the read would never end
        ToolRun.Output output = run(List.of("/bin/sh", "-c", "sleep 60 & sleep 60"), Map.of(),
                Duration.ofMillis(300), 4096);
        assertTrue(output.timedOut());
        assertFalse(output.overflowed());
    }

    @Test
    void outputBeyondTheCapIsCutAndTheToolStopped() throws Exception {
        ToolRun.Output output = run(List.of("/usr/bin/yes"), Map.of(), Duration.ofSeconds(20), 1000);
        assertTrue(output.overflowed());
        assertFalse(output.timedOut());
        assertEquals(1000, output.stdout().length());
    }

    @Test
    void theLastLineOfTheErrorOutputSaysWhatWentWrong() throws Exception {
        ToolRun.Output output = run(List.of("/bin/sh", "-c", "echo first >&2; echo 'Fatal: wrong password' >&2; exit 1"),
                Map.of(), Duration.ofSeconds(10), 4096);
        assertEquals(1, output.exitCode());
        assertEquals("Fatal: wrong password", output.complaint());
    }
}
