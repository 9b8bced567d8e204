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
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
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
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicBoolean;
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

    private static final ProbeSchema SCHEMA = new ProbeSchema("exec",
            Map.of("command", SettingKind.STRING, "args", SettingKind.STRING_LIST),
            Set.of("command"), Set.of("exit_code", "output", ProbeSchema.ANY_NAME));

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
            return CompletableFuture.completedFuture(Observation.error(misconfigured.getMessage()));
        }
        return context.blocking(() -> new Run(command, spec, context, spec.timeoutFor(target)).call());
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
                    .replace("{port}", address.port() == null ? "" : address.port().toString()));
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
            throw new IllegalArgumentException("command must be an absolute path or a plugin name such as "
                    + "check_tcp, got '" + name + "'");
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
        throw new IllegalArgumentException("command '" + name + "' is neither in " + PLUGINS + " nor in the PATH"
                + (name.startsWith("check_") ? "; install the monitoring-plugins package" : ""));
    }

    /** One plugin run on a worker thread. */
    private record Run(List<String> command, ProbeSpec spec, ProbeContext context, Duration timeout) {

        Observation call() throws InterruptedException {
            String plugin = Path.of(command.get(0)).getFileName().toString();
            ProcessBuilder builder = new ProcessBuilder(command).redirectInput(ProcessBuilder.Redirect.from(new File("/dev/null")));
            // Only what plugins need: Rounds' own environment holds secrets (API tokens, passwords).
            Map<String, String> environment = builder.environment();
            Map<String, String> kept = new LinkedHashMap<>();
            for (String name : List.of("PATH", "HOME")) {
                if (environment.get(name) != null) kept.put(name, environment.get(name));
            }
            environment.clear();
            environment.putAll(kept);
            environment.put("LC_ALL", "C");
            Process process;
            try {
                process = builder.start();
            } catch (IOException cannot) {
                return Observation.error("cannot start " + command.get(0) + ": " + cannot.getMessage());
            }
            AtomicBoolean timedOut = new AtomicBoolean();
            CompletableFuture<Integer> killed = new CompletableFuture<>();
            long timer = context.vertx().setTimer(Math.max(1, timeout.toMillis()), id -> {
                // Set before the kill: the worker may see the output end before the count is known.
                timedOut.set(true);
                killed.complete(killTree(process));
            });
            CompletableFuture<String> stderr = context.blocking(() -> read(process.getErrorStream(), STDERR_KEPT).text())
                    .toCompletableFuture();
            Read stdout;
            try {
                stdout = read(process.getInputStream(), context.maxBytes());
                process.waitFor();
            } catch (InterruptedException interrupted) {
                killTree(process);
                throw interrupted;
            } catch (IOException broken) {
                killTree(process);
                return Observation.error("reading " + plugin + "'s output failed: " + broken.getMessage());
            } finally {
                context.vertx().cancelTimer(timer);
            }
            if (timedOut.get()) {
                int descendants = killed.join();
                return Observation.down(Map.of(), plugin + " did not finish within " + Durations.format(timeout)
                        + "; killed it" + (descendants == 0 ? "" : " and " + descendants + " process(es) it started"));
            }
            // The plugin has exited: its stderr ends at once, unless a process it left behind still holds it.
            return judged(plugin, process.exitValue(), stdout, stderr.completeOnTimeout("", 1, TimeUnit.SECONDS).exceptionally(unreadable -> "").join());
        }

        private Observation judged(String plugin, int exit, Read stdout, String stderr) {
            PluginOutput output = PluginOutput.parse(stdout.text());
            Map<String, Object> values = new LinkedHashMap<>(output.perfdata());
            values.put("exit_code", exit);
            values.put("output", output.text());
            String said = output.summary().isEmpty() ? stderr.strip().lines().findFirst().orElse("no output")
                    : output.summary();
            String summary = plugin + ": " + said + (stdout.cut()
                    ? " (output cut at " + context.maxBytes() + " bytes, rounds.probe.max-bytes)" : "");
            return switch (exit) {
                case 0 -> Observation.measured(values, summary);
                case 1 -> warned(values, summary);
                case 2 -> Observation.down(values, summary);
                case 3 -> new Observation(values, ProbeStatus.UNKNOWN, summary);
                default -> new Observation(values, ProbeStatus.UNKNOWN, plugin + " exited with " + exit
                        + ", not a plugin status (0 OK, 1 WARNING, 2 CRITICAL, 3 UNKNOWN): " + said);
            };
        }

        /** WARNING stands unless an {@code expect} line fails, which makes the run down. */
        private Observation warned(Map<String, Object> values, String summary) {
            String failing = spec.expect().stream().map(c -> c.evaluate(values.get(c.operand().key())))
                    .filter(outcome -> !outcome.holds()).map(ConditionOutcome::text).collect(Collectors.joining("; "));
            return failing.isEmpty() ? new Observation(values, ProbeStatus.WARN, summary)
                    : Observation.down(values, failing + "; " + summary);
        }
    }

    /** Kills the plugin and everything it started; returns how many descendants there were. */
    private static int killTree(Process process) {
        // Descendants are listed first: once the plugin is gone they are orphans and no longer its descendants.
        List<ProcessHandle> descendants = process.descendants().toList();
        process.destroyForcibly();
        descendants.forEach(ProcessHandle::destroyForcibly);
        return descendants.size();
    }

    /** Output read to its end; what is past the cap is read and dropped, so that the plugin never blocks writing. */
    private record Read(String text, boolean cut) {
    }

    private static Read read(InputStream stream, long cap) throws IOException {
        var kept = new ByteArrayOutputStream();
        byte[] buffer = new byte[8192];
        boolean cut = false;
        try (stream) {
            for (int n; (n = stream.read(buffer)) >= 0; ) {
                int room = (int) Math.min(n, cap - kept.size());
                if (room > 0) kept.write(buffer, 0, room);
                if (room < n) cut = true;
            }
        }
        return new Read(kept.toString(StandardCharsets.UTF_8), cut);
    }
}
