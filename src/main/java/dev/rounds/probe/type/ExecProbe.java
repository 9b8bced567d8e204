package dev.rounds.probe.type;

import dev.rounds.checklist.ConditionOutcome;
import dev.rounds.checklist.Durations;
import dev.rounds.checklist.ProbeSchema;
import dev.rounds.checklist.ProbeSchema.SettingKind;
import dev.rounds.checklist.ProbeSpec;
import dev.rounds.checklist.Target;
import dev.rounds.probe.Observation;
import dev.rounds.probe.ProbeContext;
import dev.rounds.probe.ProbeStatus;
import dev.rounds.probe.ProbeType;
import dev.rounds.probe.SetupMissing;
import dev.rounds.probe.SetupNeed;
import java.io.File;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionStage;
import java.util.stream.Collectors;

/**
 * {@code exec}: anything a Nagios-compatible plugin checks. Runs {@code command} (an absolute path, or a name
 * looked up in {@value #PLUGINS} and then in the {@code PATH}) with {@code args}, where {@code {host}} and
 * {@code {port}} stand for the target's address parts; no shell, an environment of only {@code PATH},
 * {@code HOME} and {@code LC_ALL=C}, stdout read up to the byte cap, and the plugin and every process it
 * started killed at the timeout. Exit 0 is up, 1 warn, 2 down and 3
 * (or anything else) unknown; on 0 and 1 the {@code expect} lines may still fail the run. Operands:
 * {@code exit_code}, {@code output} (the text without performance data) and one per performance datum, see
 * {@link PluginOutput}.
 */
public final class ExecProbe implements ProbeType {

    /** Where Debian's monitoring-plugins put the plugins. */
    static final String PLUGINS = "/usr/lib/nagios/plugins";

    private static final int STDERR_KEPT = 2048;

    private static final ProbeSchema SCHEMA = new ProbeSchema(
            "exec",
            Map.of("command", SettingKind.STRING, "args", SettingKind.STRING_LIST),
            Set.of("command"),
            Set.of("exit_code", "output", ProbeSchema.ANY_NAME));

    @Override
    public ProbeSchema schema() {
        return SCHEMA;
    }

    @Override
    public CompletionStage<Observation> observe(ProbeSpec spec, Target target, ProbeContext context) {
        List<String> command;
        try {
            command = command(spec, target);
        } catch (IllegalArgumentException misconfigured) {
            return CompletableFuture.completedFuture(Observation.misconfigured(misconfigured));
        }
        Duration timeout = spec.timeoutFor(target);
        var plugin = new ChildProcess(
                command,
                ChildProcess.plainEnvironment(),
                context.maxBytes(),
                ChildProcess.OverCap.DRAIN,
                ChildProcess.ErrorOutput.first(STDERR_KEPT));
        return plugin.run(context, timeout)
                .thenCompose(end -> context.blocking(() -> new Judge(command, spec, context, timeout).observed(end)));
    }

    /** The program and its arguments, placeholders replaced. */
    private static List<String> command(ProbeSpec spec, Target target) {
        String name = spec.setting("command", "");
        Path program = resolve(name);
        Address address = Address.parse(target.address());
        List<String> command = new ArrayList<>();
        command.add(program.toString());
        for (Object arg : spec.setting("args", List.class, List.of())) {
            String text = String.valueOf(arg);
            if (text.contains("{port}") && address.port() == null) {
                throw new IllegalArgumentException("args use {port}, but target " + target.id() + "'s address '"
                        + target.address() + "' has none; write it as host:port");
            }
            command.add(text.replace("{host}", address.host())
                    .replace(
                            "{port}",
                            address.port() == null ? "" : address.port().toString()));
        }
        return command;
    }

    /** An absolute path as it is; a bare name from the plugin folder, else from the PATH. */
    static Path resolve(String name) {
        if (name.startsWith("/")) {
            if (!Files.isExecutable(Path.of(name))) {
                throw new IllegalArgumentException("command " + name + " does not exist or is not executable");
            }
            return Path.of(name);
        }
        if (name.isBlank() || name.contains("/")) {
            throw new IllegalArgumentException(
                    "command must be an absolute path or a plugin name such as " + "check_tcp, got '" + name + "'");
        }
        List<String> folders = new ArrayList<>();
        folders.add(PLUGINS);
        String path = System.getenv("PATH");
        if (path != null) folders.addAll(List.of(path.split(File.pathSeparator)));
        for (String folder : folders) {
            if (folder.isEmpty()) continue;
            Path candidate = Path.of(folder, name);
            if (Files.isExecutable(candidate) && !Files.isDirectory(candidate)) return candidate;
        }
        boolean plugin = name.startsWith("check_");
        throw new SetupMissing(
                SetupNeed.tool(
                        plugin
                                ? "install the monitoring plugins (Debian: apt install monitoring-plugins-basic)"
                                : "install '" + name + "' where Rounds runs, or name it by its full path"),
                "command '" + name + "' is neither in " + PLUGINS + " nor in the PATH"
                        + (plugin ? "; install the monitoring-plugins package" : ""));
    }

    /** What a plugin run amounts to; judged on a worker thread, since its output may be as long as the cap. */
    private record Judge(List<String> command, ProbeSpec spec, ProbeContext context, Duration timeout) {

        Observation observed(ChildProcess.End end) {
            String plugin = Path.of(command.get(0)).getFileName().toString();
            if (end instanceof ChildProcess.NotStarted notStarted) {
                return Observation.error("cannot start " + command.get(0) + ": "
                        + notStarted.cause().getMessage());
            }
            if (end instanceof ChildProcess.ReadFailed failed) {
                return Observation.error("reading " + plugin + "'s output failed: "
                        + failed.cause().getMessage());
            }
            if (end instanceof ChildProcess.TimedOut timedOut) {
                return Observation.down(
                        Map.of(),
                        plugin + " did not finish within " + Durations.format(timeout)
                                + "; killed it"
                                + (timedOut.descendants() == 0
                                        ? ""
                                        : " and " + timedOut.descendants() + " process(es) it started"));
            }
            return judged(plugin, (ChildProcess.Exited) end);
        }

        private Observation judged(String plugin, ChildProcess.Exited exited) {
            int exit = exited.exitCode();
            PluginOutput output = PluginOutput.parse(exited.output());
            Map<String, Object> values = new LinkedHashMap<>(output.perfdata());
            values.put("exit_code", exit);
            values.put("output", output.text());
            String said = output.summary().isEmpty()
                    ? exited.errors().strip().lines().findFirst().orElse("no output")
                    : output.summary();
            String summary = plugin + ": " + said
                    + (exited.cut() ? " (output cut at " + context.maxBytes() + " bytes, rounds.probe.max-bytes)" : "");
            return switch (exit) {
                case 0 -> Observation.measured(values, summary);
                case 1 -> warned(values, summary);
                case 2 -> Observation.down(values, summary);
                case 3 -> new Observation(values, ProbeStatus.UNKNOWN, summary);
                default ->
                    new Observation(
                            values,
                            ProbeStatus.UNKNOWN,
                            plugin + " exited with " + exit
                                    + ", not a plugin status (0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN): " + said);
            };
        }

        /** WARNING stands unless an {@code expect} line fails, which makes the run down. */
        private Observation warned(Map<String, Object> values, String summary) {
            String failing = spec.expect().stream()
                    .map(c -> c.evaluate(values.get(c.operand().key())))
                    .filter(outcome -> !outcome.holds())
                    .map(ConditionOutcome::text)
                    .collect(Collectors.joining("; "));
            return failing.isEmpty()
                    ? new Observation(values, ProbeStatus.WARN, summary)
                    : Observation.down(values, failing + "; " + summary);
        }
    }
}
