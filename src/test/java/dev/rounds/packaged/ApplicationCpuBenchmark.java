package dev.rounds.packaged;

import dev.rounds.probe.ThreadCpu;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Locale;
import java.util.Map;

/**
 * CPU per probe result in the running application, a benchmark, not a test: the packaged H2 build runs {@code pairs}
 * tcp probes every {@code every} against loopback listeners (one activity over all of them); after a warm-up it
 * measures the process's CPU seconds ({@code /proc/<pid>/stat}, every thread: the JIT and garbage collection too)
 * over a window and divides them by the results written ({@code rounds_probe_results_written_total}). The baseline
 * in the same run is the same process with the probes' interval made 100 times longer (a reload of the checklist):
 * what Rounds costs when it does next to no probing, so that the difference is the probes' own cost. The CPU of each
 * thread group is printed for both windows: that is where a difference from {@code ProbeThroughputBenchmark}'s
 * figure goes.
 *
 * <p>Run after {@code ./mvnw -B -q package -DskipTests}, with the classpath of docs/development.md:
 * {@code java -cp $CP dev.rounds.packaged.ApplicationCpuBenchmark [pairs] [every-seconds] [warm-up-seconds]
 * [window-seconds]}; defaults 1000 10 60 60. {@code -Drounds.benchmark.jvm-options=...} passes options to the
 * application's JVM (a JFR recording, say).
 */
public final class ApplicationCpuBenchmark {

    private static final String WRITTEN = "rounds_probe_results_written_total";

    private ApplicationCpuBenchmark() {}

    /** One measured window. */
    private record Window(double cpuSeconds, double results, double seconds, String threads) {

        double cpuPerResultMs() {
            return cpuSeconds / results * 1000;
        }

        @Override
        public String toString() {
            return String.format(
                    Locale.ROOT,
                    "%,.0f results in %.0f s (%.1f/s), %.2f CPU s (%.1f%% of a core), %.3f ms CPU per result%n"
                            + "          CPU by thread: %s",
                    results,
                    seconds,
                    results / seconds,
                    cpuSeconds,
                    cpuSeconds / seconds * 100,
                    cpuPerResultMs(),
                    threads);
        }
    }

    public static void main(String[] args) throws Exception {
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        Duration every = Duration.ofSeconds(args.length > 1 ? Integer.parseInt(args[1]) : 10);
        Duration warmUp = Duration.ofSeconds(args.length > 2 ? Integer.parseInt(args[2]) : 60);
        Duration window = Duration.ofSeconds(args.length > 3 ? Integer.parseInt(args[3]) : 60);
        Path home = Files.createTempDirectory("rounds-cpu-benchmark");
        Map<String, String> environment = new HashMap<>(Map.of("ROUNDS_BACKUP_AT_FIRST_START", "false"));
        String jvmOptions = System.getProperty("rounds.benchmark.jvm-options", "");
        if (!jvmOptions.isBlank()) environment.put("JAVA_TOOL_OPTIONS", jvmOptions);
        try (LoopbackListeners listeners = new LoopbackListeners(pairs)) {
            var probing = new LoopbackChecklist(listeners.ports(), 1, 1, every);
            probing.writeInto(home);
            var rounds = new PackagedRounds(home, PackagedRounds.jar(), environment);
            rounds.start();
            try {
                rounds.useApiToken();
                System.out.printf(
                        Locale.ROOT,
                        "%,d tcp probes every %d s against loopback listeners; warm-up %d s, window %d s; load average"
                                + " %.1f; home %s%n",
                        pairs,
                        every.toSeconds(),
                        warmUp.toSeconds(),
                        window.toSeconds(),
                        loadAverage(),
                        home);
                PackagedRounds.sleep(warmUp.toMillis());
                Window probes = measure(rounds, window);
                System.out.println("probing   " + probes);

                new LoopbackChecklist(listeners.ports(), 1, 1, every.multipliedBy(100)).writeInto(home);
                // the reload (rounds.checklists.poll, 5 s) and the last runs of the short interval settle first
                PackagedRounds.sleep(every.toMillis() + 10_000);
                Window idle = measure(rounds, window);
                System.out.println("baseline  " + idle);
                double idleRate = idle.cpuSeconds() / idle.seconds();
                System.out.printf(
                        Locale.ROOT,
                        "ratio     CPU per result %.3f ms, of which the probes' own (above the baseline's %.1f%% of a"
                                + " core) %.3f ms; load average %.1f%n",
                        probes.cpuPerResultMs(),
                        idleRate * 100,
                        (probes.cpuSeconds() - idleRate * probes.seconds()) / probes.results() * 1000,
                        loadAverage());
            } finally {
                rounds.stop();
            }
        }
    }

    private static Window measure(PackagedRounds rounds, Duration window) throws Exception {
        double written = Metrics.of(rounds).total(WRITTEN);
        ThreadCpu threads = ThreadCpu.of(rounds.pid());
        double cpu = processCpuSeconds(rounds.pid());
        long start = System.nanoTime();
        PackagedRounds.sleep(window.toMillis());
        double cpuAfter = processCpuSeconds(rounds.pid());
        String byThread = ThreadCpu.of(rounds.pid()).since(threads);
        double seconds = (System.nanoTime() - start) / 1e9;
        return new Window(cpuAfter - cpu, Metrics.of(rounds).total(WRITTEN) - written, seconds, byThread);
    }

    /** utime + stime of the whole process, from {@code /proc/<pid>/stat}. */
    private static double processCpuSeconds(long pid) throws Exception {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }
}
