package dev.rounds.backupcheck;

import io.vertx.core.Vertx;
import java.io.ByteArrayOutputStream;
import java.io.File;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicBoolean;

/**
 * Runs a backup tool as a child process, without a shell: only the given environment (nothing inherited), no
 * input, killed with its children at the timeout or when its output passes the read cap. Blocks: run it through
 * {@code ProbeContext.blocking}.
 *
 * @param debianPackage the package that installs the tool, named when it is missing
 */
record ToolRun(List<String> command, Map<String, String> environment, String debianPackage) {

    /** How much of the tool's error output is kept: its last lines say what went wrong. */
    static final int ERROR_BYTES = 4096;

    ToolRun {
        command = List.copyOf(command);
        environment = Map.copyOf(environment);
    }

    /** What the tool did. */
    record Output(int exitCode, String stdout, String stderr, boolean timedOut, boolean overflowed) {

        /** The last non-blank line the tool wrote to its error output, or its exit code. */
        String complaint() {
            List<String> lines = stderr.lines().map(String::strip).filter(l -> !l.isEmpty()).toList();
            return lines.isEmpty() ? "exit code " + exitCode : lines.get(lines.size() - 1);
        }
    }

    /** The tool is not installed where Rounds runs. */
    static final class Missing extends RuntimeException {
        Missing(String message) {
            super(message);
        }
    }

    Output run(Vertx vertx, Duration timeout, long maxBytes) throws IOException, InterruptedException {
        Path errors = Files.createTempFile("rounds-tool", ".err");
        try {
            List<String> resolved = new ArrayList<>(command);
            resolved.set(0, executable().toString());
            ProcessBuilder builder = new ProcessBuilder(resolved).redirectInput(new File("/dev/null"))
                    .redirectError(errors.toFile());
            builder.environment().clear();
            builder.environment().putAll(environment);
            Process process = builder.start();
            AtomicBoolean timedOut = new AtomicBoolean();
            long timer = vertx.setTimer(Math.max(1, timeout.toMillis()), id -> {
                timedOut.set(true);
                kill(process);
            });
            try {
                ByteArrayOutputStream stdout = new ByteArrayOutputStream();
                boolean overflowed = copyCapped(process.getInputStream(), stdout, maxBytes);
                if (overflowed) kill(process);
                int exit = process.waitFor();
                return new Output(exit, stdout.toString(StandardCharsets.UTF_8), tail(errors), timedOut.get(),
                        overflowed);
            } finally {
                vertx.cancelTimer(timer);
                kill(process);
            }
        } finally {
            Files.deleteIfExists(errors);
        }
    }

    /** The tool as found on the PATH it is given, the one it would see itself; a path is taken as it is. */
    private Path executable() {
        String name = command.get(0);
        if (name.contains("/")) return Path.of(name);
        for (String folder : environment.getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(folder.isEmpty() ? "." : folder, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) return candidate;
        }
        throw new Missing(name + " is not installed on the machine Rounds runs on (not on its PATH "
                + environment.getOrDefault("PATH", "") + "); install the Debian package '" + debianPackage + "'");
    }

    private static boolean copyCapped(InputStream in, ByteArrayOutputStream out, long maxBytes) throws IOException {
        byte[] buffer = new byte[8192];
        for (int n; (n = in.read(buffer)) >= 0; ) {
            if (out.size() + n > maxBytes) {
                out.write(buffer, 0, (int) (maxBytes - out.size()));
                return true;
            }
            out.write(buffer, 0, n);
        }
        return false;
    }

    private static String tail(Path errors) throws IOException {
        long size = Files.size(errors);
        try (InputStream in = Files.newInputStream(errors)) {
            in.skipNBytes(Math.max(0, size - ERROR_BYTES));
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
    }

    private static void kill(Process process) {
        process.descendants().forEach(ProcessHandle::destroyForcibly);
        process.destroyForcibly();
    }
}
