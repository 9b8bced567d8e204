package dev.rounds.probe;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * CPU seconds by thread group of a process on Linux, read from {@code /proc/<pid>/task/*}/stat: every thread counts,
 * the JVM's own too (garbage collection, the JIT), which {@code ThreadMXBean} does not see. Threads are grouped by
 * name without trailing digits ({@code vert.x-eventloop-thread-1} and {@code -0} are one group). Elsewhere it is
 * empty.
 */
public record ThreadCpu(Map<String, Double> seconds) {

    private static final double TICKS_PER_SECOND = 100; // USER_HZ on Linux

    public static ThreadCpu of(long pid) {
        var seconds = new HashMap<String, Double>();
        try (Stream<Path> tasks = Files.list(Path.of("/proc", Long.toString(pid), "task"))) {
            tasks.forEach(task -> {
                try {
                    String stat = Files.readString(task.resolve("stat"));
                    // pid (comm) state ... : comm may hold spaces and parentheses, so split at the last ')'
                    String name = stat.substring(stat.indexOf('(') + 1, stat.lastIndexOf(')'));
                    String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
                    double cpu = (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / TICKS_PER_SECOND;
                    seconds.merge(name.replaceAll("[#0-9 ]+$", ""), cpu, Double::sum);
                } catch (IOException | RuntimeException gone) {
                    // a thread that ended while read
                }
            });
        } catch (IOException notLinux) {
            return new ThreadCpu(Map.of());
        }
        return new ThreadCpu(seconds);
    }

    public static ThreadCpu ofThisProcess() {
        return of(ProcessHandle.current().pid());
    }

    /** What each group spent since {@code earlier}, the largest first, as {@code name 1.2 s}; groups under 0.05 s left out. */
    public String since(ThreadCpu earlier) {
        return seconds.entrySet().stream()
                .map(e -> Map.entry(e.getKey(), e.getValue() - earlier.seconds.getOrDefault(e.getKey(), 0.0)))
                .filter(e -> e.getValue() >= 0.05)
                .sorted(Map.Entry.<String, Double>comparingByValue().reversed())
                .map(e -> String.format(Locale.ROOT, "%s %.1f s", e.getKey(), e.getValue()))
                .collect(Collectors.joining(", "));
    }
}
