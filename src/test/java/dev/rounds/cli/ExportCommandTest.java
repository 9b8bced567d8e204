package dev.rounds.cli;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rounds.audit.AuditLog;
import dev.rounds.audit.ChainedAuditLog;
import dev.rounds.audit.export.AuditExport;
import dev.rounds.audit.export.AuditJsonlFile;
import dev.rounds.audit.export.BundleProcedure;
import dev.rounds.probe.ProbeKey;
import dev.rounds.probe.ProbeResult;
import dev.rounds.probe.ProbeStatus;
import dev.rounds.probe.ResultWriter;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@QuarkusTest
class ExportCommandTest {

    @Inject
    ExportCommand command;

    @Inject
    ResultWriter results;

    @Inject
    AuditLog log;

    @Inject
    ChainedAuditLog chain;

    @TempDir
    Path temp;

    private final ByteArrayOutputStream printed = new ByteArrayOutputStream();
    private final ByteArrayOutputStream errors = new ByteArrayOutputStream();

    @Test
    void exportWritesABundleTheReadmeProcedureVerifiesAndPrintsWhatToRecord() throws Exception {
        long before = log.append(AuditLog.SYSTEM, "bundle.cli", "before", Map.of());
        for (int i = 0; i < 3; i++) {
            results.submit(new ProbeResult(
                    new ProbeKey("bundle-cli", "services-up", 0, "host" + i),
                    "tcp",
                    Instant.now(),
                    Duration.ofMillis(2),
                    ProbeStatus.UP,
                    Map.of("ms", i),
                    List.of(),
                    "up"));
        }
        results.flush();
        String today = LocalDate.now().toString();
        Path file = temp.resolve("out.zip");

        int exit = run("export", "--from", today, "--to", today, "--out", file.toString());

        assertEquals(0, exit, errors.toString(StandardCharsets.UTF_8));
        String[] lines = printed.toString(StandardCharsets.UTF_8).split("\n");
        assertTrue(lines[0].startsWith("wrote " + file.toAbsolutePath() + " ("), lines[0]);
        assertTrue(lines[1].matches("manifest sha256 [0-9a-f]{64}"), lines[1]);
        assertTrue(lines[2].matches("chain head seq=\\d+ hash=[0-9a-f]{64}"), lines[2]);
        BundleProcedure.Outcome verified = new BundleProcedure().run(file);
        assertEquals(0, verified.exit(), verified.toString());
        Path bundle = temp.resolve("unzipped");
        BundleProcedure.unzip(Files.newInputStream(file), bundle);
        String audit = BundleProcedure.text(bundle.resolve(AuditJsonlFile.NAME));
        assertTrue(audit.contains("{\"seq\":" + before + ","), "the slice holds seq " + before);
        assertTrue(audit.contains("\"action\":\"results.digest\""), "the slice holds the results' digest");
        String sha256 = lines[1].substring("manifest sha256 ".length());
        assertTrue(
                chain.entries(before, 10_000).stream()
                        .anyMatch(entry -> entry.action().equals(AuditExport.ACTION)
                                && entry.actor().equals("cli:" + System.getProperty("user.name"))
                                && entry.detail().contains(sha256)),
                "export audited as done by the person at the command line");
    }

    @Test
    void withoutOutTheBundleIsNamedAfterTheRange() throws Exception {
        Path file = Path.of("rounds-audit-2001-01-01-2001-01-02.zip");
        try {
            assertEquals(0, run("export", "--from", "2001-01-01", "--to", "2001-01-02"));
            assertTrue(Files.isRegularFile(file));
            assertTrue(printed.toString(StandardCharsets.UTF_8)
                    .startsWith("wrote " + file.toAbsolutePath() + " (0 entries)"));
        } finally {
            Files.deleteIfExists(file);
        }
    }

    @Test
    void wrongArgumentsExitTwoSayingWhy() {
        assertEquals(2, run("export", "--from", "2026-11-01"));
        assertTrue(errors.toString(StandardCharsets.UTF_8).contains("'to' is required"), errors.toString());
        assertEquals(2, run("export", "--from", "2026-11-01", "--to", "2026-11-30", "--into", "x.zip"));
        assertTrue(errors.toString(StandardCharsets.UTF_8).contains("unknown option '--into'"), errors.toString());
        assertEquals(2, run("export", "--from"));
        assertTrue(errors.toString(StandardCharsets.UTF_8).contains("--from needs a value"), errors.toString());
    }

    private int run(String... args) {
        return command.run(
                List.of(args),
                new PrintStream(printed, true, StandardCharsets.UTF_8),
                new PrintStream(errors, true, StandardCharsets.UTF_8));
    }
}
