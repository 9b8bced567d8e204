package dev.rounds.backupcheck;

import dev.rounds.checklist.Durations;
import dev.rounds.checklist.ProbeSchema;
import dev.rounds.checklist.ProbeSchema.SettingKind;
import dev.rounds.checklist.ProbeSpec;
import dev.rounds.checklist.Sizes;
import dev.rounds.checklist.Target;
import dev.rounds.probe.Environment;
import dev.rounds.probe.Observation;
import dev.rounds.probe.ProbeContext;
import dev.rounds.probe.ProbeType;
import dev.rounds.probe.SetupMissing;
import dev.rounds.probe.SetupNeed;
import dev.rounds.probe.type.ChildProcess;
import java.io.IOException;
import java.io.InterruptedIOException;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;

/**
 * {@code backup}: a backup happened. Setting {@code kind}:
 * <ul>
 * <li>{@code files} (default): {@code path} is a file, a folder or a glob; operands {@code age} and {@code size}
 *     of the newest match (by modification time), {@code count} and {@code total_size} of all;</li>
 * <li>{@code dump}: the same, plus {@code complete}, see {@link DumpCompleteness};</li>
 * <li>{@code restic}: {@code restic -r REPOSITORY snapshots --json}, password from the environment variable named
 *     by {@code password_env}, optional {@code host}, {@code tag} and {@code path} filters; operands {@code age}
 *     of the newest snapshot and {@code count};</li>
 * <li>{@code borg}: {@code borg list --json REPOSITORY}, passphrase from the variable named by
 *     {@code passphrase_env}, {@code base_dir} for borg's own files; operands {@code age} and {@code count}.</li>
 * </ul>
 * {@code pass_env} names further environment variables restic and borg get from Rounds' own environment; these,
 * the secrets, PATH and HOME are read through the probe context's {@link Environment}.
 * Down, whatever the conditions say, when nothing matches (no file, no snapshot), when the newest dump is
 * incomplete, or when the tool fails; age and size bounds come from {@code expect}. The tools run without a shell,
 * with only the environment they need, and are killed at the timeout.
 */
public final class BackupProbe implements ProbeType {

    private static final ProbeSchema SCHEMA = new ProbeSchema(
            "backup",
            Map.of(
                    "kind",
                    SettingKind.STRING,
                    "path",
                    SettingKind.STRING,
                    "repository",
                    SettingKind.STRING,
                    "password_env",
                    SettingKind.STRING,
                    "passphrase_env",
                    SettingKind.STRING,
                    "host",
                    SettingKind.STRING,
                    "tag",
                    SettingKind.STRING,
                    "base_dir",
                    SettingKind.STRING,
                    "pass_env",
                    SettingKind.STRING_LIST),
            Set.of(),
            Set.of("age", "size", "count", "total_size", "complete"));

    @Override
    public ProbeSchema schema() {
        return SCHEMA;
    }

    @Override
    public CompletionStage<Observation> observe(ProbeSpec spec, Target target, ProbeContext context) {
        String kind = spec.setting("kind", "files").toLowerCase(Locale.ROOT);
        Duration timeout = spec.timeoutFor(target);
        try {
            return switch (kind) {
                case "files", "dump" -> files(spec, context, kind.equals("dump"), timeout);
                case "restic" ->
                    tool(
                            context,
                            timeout,
                            restic(spec, context.facility(Environment.class)),
                            "restic snapshots of " + spec.setting("repository", ""),
                            Snapshots::ofRestic);
                case "borg" ->
                    tool(
                            context,
                            timeout,
                            borg(spec, context.facility(Environment.class)),
                            "borg list of " + spec.setting("repository", ""),
                            Snapshots::ofBorg);
                default ->
                    done(Observation.error("backup kind must be files, dump, restic or borg, got '" + kind + "'"));
            };
        } catch (Misconfigured | SetupMissing e) {
            return done(Observation.misconfigured(e));
        }
    }

    private static CompletionStage<Observation> files(
            ProbeSpec spec, ProbeContext context, boolean dump, Duration timeout) {
        String path = required(spec, "path", dump ? "dump" : "files");
        long deadline = System.nanoTime() + timeout.toNanos();
        return context.blocking(() -> {
            try {
                BackupFiles found = BackupFiles.of(path);
                if (found.files().isEmpty()) {
                    return Observation.down(
                                    Map.of("count", 0, "total_size", 0L),
                                    found.miss() + "; point the probe's path at where the backups are written")
                            .needing(
                                    found.nowhere()
                                            ? SetupNeed.path("create " + path + " where the backups are written,"
                                                    + " or point the probe's path at them")
                                            : null);
                }
                BackupFiles.Found newest = found.newest().orElseThrow();
                Map<String, Object> values = new HashMap<>();
                values.put("age", age(newest.modified(), context));
                values.put("size", newest.size());
                values.put("count", found.files().size());
                values.put("total_size", found.totalSize());
                String summary = "newest of " + found.files().size() + ": " + newest.path() + ", "
                        + Sizes.format(newest.size()) + ", " + Durations.format((Duration) values.get("age")) + " old";
                if (!dump) return Observation.measured(values, summary);
                DumpCompleteness.Verdict verdict = DumpCompleteness.of(newest.path(), deadline);
                values.put("complete", verdict.complete());
                return verdict.complete()
                        ? Observation.measured(values, summary + ", complete")
                        : Observation.down(values, verdict.why());
            } catch (InterruptedIOException e) {
                return Observation.down(Map.of(), e.getMessage());
            } catch (IOException | SecurityException e) {
                return Observation.error("cannot read the backups at " + path + ": " + e);
            }
        });
    }

    private interface Parser {
        Snapshots parse(String json) throws IOException;
    }

    private static CompletionStage<Observation> tool(
            ProbeContext context, Duration timeout, ToolRun run, String what, Parser parser) {
        ChildProcess tool;
        try {
            tool = run.process(context.maxBytes());
        } catch (SetupMissing e) {
            return done(Observation.misconfigured(e));
        }
        // Judged on a worker thread: the snapshot list may be as long as the read cap.
        return tool.run(context, timeout)
                .thenCompose(end -> context.blocking(() -> judged(end, context, timeout, what, parser)));
    }

    private static Observation judged(
            ChildProcess.End end, ProbeContext context, Duration timeout, String what, Parser parser) {
        if (end instanceof ChildProcess.NotStarted notStarted)
            return Observation.error(notStarted.cause().getMessage());
        if (end instanceof ChildProcess.ReadFailed failed)
            return Observation.error(failed.cause().getMessage());
        if (end instanceof ChildProcess.TimedOut) {
            return Observation.down(
                    Map.of(), what + " did not finish within " + Durations.format(timeout) + "; it was stopped");
        }
        ChildProcess.Exited output = (ChildProcess.Exited) end;
        if (output.cut()) {
            return Observation.down(
                    Map.of(),
                    what + " printed more than the read cap of " + Sizes.format(context.maxBytes())
                            + "; it was stopped");
        }
        if (output.exitCode() != 0) {
            return Observation.down(Map.of(), what + " failed: " + ToolRun.complaint(output));
        }
        Snapshots snapshots;
        try {
            snapshots = parser.parse(output.output());
        } catch (IOException e) {
            return Observation.error(what + ": cannot read the tool's output: " + e.getMessage());
        }
        if (snapshots.newest().isEmpty()) {
            return Observation.down(
                    Map.of("count", 0), what + ": no snapshot" + " (matching the probe's filters, if any)");
        }
        Duration age = age(snapshots.newest().get(), context);
        return Observation.measured(
                Map.of("age", age, "count", snapshots.times().size()),
                snapshots.times().size() + " snapshots, the newest " + Durations.format(age) + " old");
    }

    static ToolRun restic(ProbeSpec spec, Environment environment) {
        String repository = required(spec, "repository", "restic");
        List<String> command =
                new ArrayList<>(List.of("restic", "-r", repository, "snapshots", "--json", "--no-cache", "--no-lock"));
        for (String filter : List.of("host", "tag", "path")) {
            if (spec.settings().get(filter) != null) {
                command.add("--" + filter);
                command.add(spec.setting(filter, ""));
            }
        }
        Map<String, String> variables = baseEnvironment(spec, environment);
        variables.put("RESTIC_PASSWORD", secret(spec, "password_env", "restic", environment));
        return new ToolRun(command, variables, "restic");
    }

    static ToolRun borg(ProbeSpec spec, Environment environment) {
        String repository = required(spec, "repository", "borg");
        Map<String, String> variables = baseEnvironment(spec, environment);
        variables.put("BORG_PASSPHRASE", secret(spec, "passphrase_env", "borg", environment));
        if (spec.settings().get("base_dir") != null) variables.put("BORG_BASE_DIR", spec.setting("base_dir", ""));
        // never wait for an answer on a terminal nobody watches
        variables.put("BORG_RELOCATED_REPO_ACCESS_IS_OK", "no");
        variables.put("BORG_UNKNOWN_UNENCRYPTED_REPO_ACCESS_IS_OK", "no");
        return new ToolRun(List.of("borg", "list", "--json", repository), variables, "borgbackup");
    }

    /**
     * PATH, HOME and the variables {@code pass_env} names (the credentials of a remote repository, such as
     * AWS_ACCESS_KEY_ID or SSH_AUTH_SOCK) from Rounds' own environment, and UTC, in which borg prints its times.
     */
    private static Map<String, String> baseEnvironment(ProbeSpec spec, Environment environment) {
        Map<String, String> variables = new HashMap<>();
        for (String name : List.of("PATH", "HOME")) {
            environment.variable(name).ifPresent(value -> variables.put(name, value));
        }
        if (spec.settings().get("pass_env") instanceof List<?> names) {
            for (Object name : names) {
                String value = environment
                        .variable(name.toString())
                        .orElseThrow(() -> new SetupMissing(
                                SetupNeed.credential("set " + name + " (named by pass_env) where Rounds runs"),
                                "environment variable " + name + " (named by pass_env) is not set where Rounds runs"));
                variables.put(name.toString(), value);
            }
        }
        variables.put("TZ", "UTC");
        variables.put("LC_ALL", "C.UTF-8");
        return variables;
    }

    private static String required(ProbeSpec spec, String setting, String kind) {
        Object value = spec.settings().get(setting);
        if (value == null || value.toString().isBlank()) {
            throw new Misconfigured("a backup probe of kind " + kind + " needs setting '" + setting + "'");
        }
        return value.toString();
    }

    private static String secret(ProbeSpec spec, String setting, String kind, Environment environment) {
        String variable = required(spec, setting, kind);
        return environment.variable(variable).orElseThrow(() -> {
            String secret = kind.equals("borg") ? "passphrase" : "password";
            return new SetupMissing(
                    SetupNeed.credential("set " + variable + " to the " + kind + " repository's " + secret),
                    "environment variable " + variable + " (named by " + setting + ") is not set where Rounds"
                            + " runs; set it to the " + kind + " repository's " + secret);
        });
    }

    private static Duration age(Instant at, ProbeContext context) {
        Duration age = Duration.between(at, context.clock().instant());
        return age.isNegative() ? Duration.ZERO : age;
    }

    private static CompletionStage<Observation> done(Observation observation) {
        return CompletableFuture.completedFuture(observation);
    }

    /** A probe whose settings cannot work: booked as {@code error}, Rounds' side, with what to set. */
    private static final class Misconfigured extends RuntimeException {
        Misconfigured(String message) {
            super(message);
        }
    }
}
