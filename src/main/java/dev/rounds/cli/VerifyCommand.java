package dev.rounds.cli;

import dev.rounds.audit.AuditVerifier;
import dev.rounds.audit.VerificationReport;
import dev.rounds.core.CommandMode;
import io.quarkus.runtime.QuarkusApplication;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.util.Map;

/** The {@code verify} command: verifies the audit chain, prints its head, exits 0 if intact and 1 if broken. */
public class VerifyCommand implements QuarkusApplication {

    @Inject
    AuditVerifier verifier;

    /**
     * Boots Rounds in command mode and runs {@code verify}; the main class calls this for {@code verify}. Verifying
     * writes nothing at all, not even a migration: a database Rounds never started on has nothing to verify.
     */
    public static void launch(String... args) {
        CommandMode.launch("verify", VerifyCommand.class, Map.of("quarkus.flyway.migrate-at-start", "false"), args);
    }

    @Override
    public int run(String... args) {
        int first = args.length > 0 && "verify".equals(args[0]) ? 1 : 0;
        if (args.length > first) {
            System.err.println("verify takes no arguments, got '" + String.join(" ", args) + "'; usage: verify");
            return 2;
        }
        VerificationReport report;
        try {
            report = verifier.verify();
        } catch (IllegalStateException e) {
            System.err.println("verify: cannot read the audit log: " + e.getMessage());
            return 2;
        }
        return print(report, System.out);
    }

    /** Prints the report as the command's output and returns the exit code: 0 intact, 1 broken. */
    static int print(VerificationReport report, PrintStream out) {
        if (!report.ok()) {
            out.println("BROKEN at seq " + report.firstBroken().seq() + ": "
                    + report.firstBroken().reason());
            return 1;
        }
        out.println("verified " + report.entriesChecked() + " entries; head seq=" + report.headSeq() + " hash="
                + report.headHash());
        out.println("digests: " + report.digestsChecked() + " checked, " + report.digestsSkipped() + " skipped"
                + (report.digestsNote() == null ? "" : " (" + report.digestsNote() + ")"));
        return 0;
    }
}
