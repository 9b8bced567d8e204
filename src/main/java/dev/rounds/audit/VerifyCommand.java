package dev.rounds.audit;

import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.QuarkusApplication;
import jakarta.inject.Inject;
import java.io.PrintStream;
import java.util.Map;

/** The {@code verify} command: verifies the audit chain, prints its head, exits 0 if intact and 1 if broken. */
public class VerifyCommand implements QuarkusApplication {

    /** What a command needs of Rounds: the database, without the web server, the schedule or chatter. */
    private static final Map<String, String> COMMAND_MODE = Map.of(
            "quarkus.http.host-enabled", "false",
            "quarkus.scheduler.enabled", "false",
            "quarkus.banner.enabled", "false",
            "quarkus.log.level", "WARN");

    @Inject
    AuditVerifier verifier;

    /** Boots Rounds in command mode and runs {@code verify}; the main class calls this for {@code verify}. */
    public static void launch(String... args) {
        launch(VerifyCommand.class, args);
    }

    /** Boots Rounds in command mode, without the web server or the schedule, and runs {@code command}. */
    public static void launch(Class<? extends QuarkusApplication> command, String... args) {
        // A -D given on the command line wins, e.g. -Dquarkus.log.level=INFO to see the migrations.
        COMMAND_MODE.forEach((key, value) -> {
            if (System.getProperty(key) == null) {
                System.setProperty(key, value);
            }
        });
        Quarkus.run(command, args);
    }

    @Override
    public int run(String... args) {
        int first = args.length > 0 && "verify".equals(args[0]) ? 1 : 0;
        if (args.length > first) {
            System.err.println("verify takes no arguments, got '" + String.join(" ", args) + "'; usage: verify");
            return 2;
        }
        return print(verifier.verify(), System.out);
    }

    /** Prints the report as the command's output and returns the exit code: 0 intact, 1 broken. */
    static int print(VerificationReport report, PrintStream out) {
        if (!report.ok()) {
            out.println("BROKEN at seq " + report.firstBroken().seq() + ": " + report.firstBroken().reason());
            return 1;
        }
        out.println("verified " + report.entriesChecked() + " entries; head seq=" + report.headSeq() + " hash="
                + report.headHash());
        out.println("digests: " + report.digestsChecked() + " checked, " + report.digestsSkipped() + " skipped"
                + (report.digestsNote() == null ? "" : " (" + report.digestsNote() + ")"));
        return 0;
    }
}
