package dev.rounds.backupcheck;

import dev.rounds.probe.SetupMissing;
import dev.rounds.probe.SetupNeed;
import dev.rounds.probe.type.ChildProcess;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * A backup tool's command line and the only environment it gets (nothing inherited), run as a
 * {@link ChildProcess}: no shell, no input, killed with its children at the timeout or when its output passes the
 * read cap.
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

    /**
     * The tool as a child process keeping at most {@code maxBytes} of its output.
     *
     * @throws SetupMissing when the tool is not on the PATH it is given
     */
    ChildProcess process(long maxBytes) {
        List<String> resolved = new ArrayList<>(command);
        resolved.set(0, executable().toString());
        return new ChildProcess(
                resolved, environment, maxBytes, ChildProcess.OverCap.STOP, ChildProcess.ErrorOutput.last(ERROR_BYTES));
    }

    /** The last non-blank line the tool wrote to its error output, or its exit code. */
    static String complaint(ChildProcess.Exited exited) {
        List<String> lines = exited.errors()
                .lines()
                .map(String::strip)
                .filter(l -> !l.isEmpty())
                .toList();
        return lines.isEmpty() ? "exit code " + exited.exitCode() : lines.get(lines.size() - 1);
    }

    /** The tool as found on the PATH it is given, the one it would see itself; a path is taken as it is. */
    private Path executable() {
        String name = command.get(0);
        if (name.contains("/")) return Path.of(name);
        for (String folder : environment.getOrDefault("PATH", "").split(":")) {
            Path candidate = Path.of(folder.isEmpty() ? "." : folder, name);
            if (Files.isRegularFile(candidate) && Files.isExecutable(candidate)) return candidate;
        }
        throw new SetupMissing(
                SetupNeed.tool("install " + name + " (Debian: apt install " + debianPackage + ")"),
                name + " is not installed on the machine Rounds runs on (not on its PATH "
                        + environment.getOrDefault("PATH", "") + "); install the Debian package '" + debianPackage
                        + "'");
    }
}
