package dev.rounds.cli;

import dev.rounds.audit.export.AuditExport;
import dev.rounds.audit.export.BundleManifest;
import dev.rounds.audit.export.ExportRange;
import dev.rounds.core.CommandMode;
import io.quarkus.runtime.QuarkusApplication;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;

/**
 * The {@code export --from DATE --to DATE [--out FILE]} command: writes the auditor's export bundle, prints its path,
 * the manifest's SHA-256 and the chain head; exits 2 on wrong arguments.
 */
public class ExportCommand implements QuarkusApplication {

    static final String USAGE = "usage: export --from YYYY-MM-DD --to YYYY-MM-DD [--out FILE]";

    @Inject
    AuditExport export;

    /** Boots Rounds in command mode and runs {@code export}; the main class calls this for {@code export}. */
    public static void launch(String... args) {
        CommandMode.launch("export", ExportCommand.class, Map.of(), args);
    }

    @Override
    public int run(String... args) {
        return run(List.of(args), System.out, System.err);
    }

    int run(List<String> args, PrintStream out, PrintStream err) {
        List<String> options = !args.isEmpty() && "export".equals(args.get(0)) ? args.subList(1, args.size()) : args;
        String from = null;
        String to = null;
        String file = null;
        for (int i = 0; i < options.size(); i += 2) {
            String option = options.get(i);
            if (i + 1 >= options.size()) {
                err.println("export: " + option + " needs a value; " + USAGE);
                return 2;
            }
            String value = options.get(i + 1);
            switch (option) {
                case "--from" -> from = value;
                case "--to" -> to = value;
                case "--out" -> file = value;
                default -> {
                    err.println("export: unknown option '" + option + "'; " + USAGE);
                    return 2;
                }
            }
        }
        ExportRange range;
        try {
            range = export.range(from, to);
        } catch (IllegalArgumentException e) {
            err.println("export: " + e.getMessage() + "; " + USAGE);
            return 2;
        }
        Path path = Path.of(file == null ? range.fileName() : file).toAbsolutePath();
        try {
            BundleManifest manifest = export.export("cli:" + System.getProperty("user.name", "unknown"), range, path);
            out.println("wrote " + path + " (" + manifest.entries() + " entries)");
            out.println("manifest sha256 " + manifest.sha256());
            out.println("chain head seq=" + manifest.headSeq() + " hash=" + manifest.headHash());
            return 0;
        } catch (IOException e) {
            err.println("export: cannot write " + path + ": " + e);
            return 1;
        } catch (RuntimeException e) {
            err.println("export: failed, " + path + " was left as it was: " + e);
            return 1;
        }
    }
}
