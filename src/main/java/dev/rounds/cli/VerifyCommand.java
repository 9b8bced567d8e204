package dev.rounds.cli;

import dev.rounds.audit.AuditVerifier;
import dev.rounds.audit.H2ObjectCache;
import dev.rounds.audit.VerificationReport;
import dev.rounds.audit.VerificationTimes;
import dev.rounds.core.CommandMode;
import io.quarkus.runtime.QuarkusApplication;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.util.Map;

/**
 * The {@code verify} command: verifies the audit chain, prints its head, exits 0 if intact and 1 if broken; with
 * {@code --timings} it also says on stderr where the time went.
 */
public class VerifyCommand implements QuarkusApplication {

    /** The one option: where the time went, on stderr. */
    static final String TIMINGS = "--timings";

    @Inject
    AuditVerifier verifier;

    /**
     * Boots Rounds in command mode and runs {@code verify}; the main class calls this for {@code verify}. Verifying
     * writes nothing at all, not even a migration: a database Rounds never started on has nothing to verify.
     */
    public static void launch(String... args) {
        H2ObjectCache.disable();
        CommandMode.launch("verify", VerifyCommand.class, Map.of("quarkus.flyway.migrate-at-start", "false"), args);
    }

    @Override
    public int run(String... args) {
        int first = args.length > 0 && "verify".equals(args[0]) ? 1 : 0;
        boolean timings = args.length == first + 1 && TIMINGS.equals(args[first]);
        if (args.length > first && !timings) {
            System.err.println("verify takes no arguments but " + TIMINGS + ", got '" + String.join(" ", args)
                    + "'; usage: verify [" + TIMINGS + "]");
            return 2;
        }
        VerificationReport report;
        VerificationTimes times = new VerificationTimes();
        try {
            report = verifier.verify(times);
        } catch (IllegalStateException e) {
            System.err.println("verify: cannot read the audit log: " + e.getMessage());
            return 2;
        }
        if (timings) {
            // on stderr, so that the verdict on stdout stays the same with or without it
            System.err.println("verify timings: " + times);
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
