package dev.rounds.cli;

import dev.rounds.checklist.ChecklistLoader;
import dev.rounds.checklist.ChecklistsConfig;
import dev.rounds.checklist.LoadResult;
import dev.rounds.checklist.ProbeCatalog;
import dev.rounds.checklist.ProbeSchema;
import dev.rounds.lifecycle.H2ServerAddress;
import dev.rounds.lifecycle.OrderlyStop;
import dev.rounds.probe.ProbeType;
import io.quarkus.runtime.Quarkus;
import io.quarkus.runtime.annotations.QuarkusMain;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import java.util.ServiceLoader;
import java.util.TreeMap;

/**
 * The jar's entry point: {@code validate [dir]} checks a checklist folder in plain Java, without starting
 * Rounds (so it works beside a running server); {@code verify} checks the audit chain in the database;
 * {@code export --from --to [--out]} writes the auditor's export bundle;
 * {@code restore <backup.zip>} replays a database backup into an empty database; anything else starts Rounds.
 */
@QuarkusMain
public class RoundsMain {

    /** The exit code of a folder with problems. */
    static final int INVALID = 1;
    /** The exit code of a command that could not run: a missing folder, wrong arguments. */
    static final int UNUSABLE = 2;

    public static void main(String... args) {
        H2ServerAddress.keepOnLoopback();
        String command = args.length > 0 ? args[0] : "";
        switch (command) {
            case "validate" ->
                System.exit(validate(
                        List.of(args).subList(1, args.length),
                        catalogOf(ServiceLoader.load(ProbeType.class)),
                        System.out,
                        System.err));
            case "verify" -> VerifyCommand.launch(args);
            case "export" -> ExportCommand.launch(args);
            case "restore" ->
                System.exit(RestoreCommand.run(List.of(args).subList(1, args.length), System.out, System.err));
            default -> {
                OrderlyStop.install();
                Quarkus.run(args);
            }
        }
    }

    /**
     * Checks a checklist folder: every problem to {@code err} as {@code file:line:column: message} and exit code 1,
     * or a summary to {@code out} and 0.
     *
     * @param args the command's arguments: the folder, by default {@code rounds.checklists.dir} or {@code checklists}
     */
    static int validate(List<String> args, ProbeCatalog catalog, PrintStream out, PrintStream err) {
        if (args.size() > 1) {
            err.println("usage: validate [dir]");
            return UNUSABLE;
        }
        Path dir = Path.of(args.isEmpty() ? defaultFolder() : args.get(0));
        if (!Files.isDirectory(dir)) {
            err.println("validate: checklist folder " + dir.toAbsolutePath() + " does not exist");
            return UNUSABLE;
        }
        LoadResult result = new ChecklistLoader().load(dir, catalog);
        if (!result.isValid()) {
            result.problems().forEach(err::println);
            return INVALID;
        }
        var set = result.set();
        long activities =
                set.checklists().stream().mapToLong(c -> c.activities().size()).sum();
        long probes = set.checklists().stream()
                .flatMap(c -> c.activities().stream())
                .mapToLong(a -> a.probes().size())
                .sum();
        long controls = set.checklists().stream()
                .flatMap(c -> c.activities().stream())
                .flatMap(a -> a.controls().stream())
                .distinct()
                .count();
        String frameworks = set.frameworks().all().isEmpty()
                ? ""
                : ", " + set.frameworks().all().size() + " frameworks (" + controls + " controls referenced)";
        out.println(set.checklists().size() + " checklists, " + activities + " activities, " + probes + " probes, "
                + set.inventory().targets().size() + " targets" + frameworks + ": valid");
        return 0;
    }

    /** The folder Rounds itself would load, as far as plain Java can tell without its configuration. */
    private static String defaultFolder() {
        String property = System.getProperty("rounds.checklists.dir");
        if (property != null) return property;
        String env = System.getenv("ROUNDS_CHECKLISTS_DIR");
        return env != null ? env : ChecklistsConfig.DEFAULT_DIR;
    }

    /** A catalog of the given probe types, keyed by their schema's type name. */
    static ProbeCatalog catalogOf(Iterable<? extends ProbeType> types) {
        Map<String, ProbeSchema> schemas = new TreeMap<>();
        for (ProbeType type : types) {
            ProbeSchema schema = type.schema();
            ProbeSchema clash = schemas.putIfAbsent(schema.type(), schema);
            if (clash != null) {
                throw new IllegalStateException("two probe types are named '" + schema.type() + "': "
                        + type.getClass().getName() + " and another registered before it");
            }
        }
        return ProbeCatalog.of(schemas);
    }
}
