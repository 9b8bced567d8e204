package dev.rounds.packaged;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.lang.management.ManagementFactory;
import java.net.ServerSocket;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Locale;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;

/**
 * Start-up of the packaged application with the default pack on a warm database: the time from starting
 * {@code java ... -jar quarkus-run.jar} to the first 200 from {@code /q/health/ready}, and the resident memory
 * (VmRSS) then, against a bare JVM in the same sitting (a main that says it is ready and waits). The first start
 * migrates the database and is not counted; starts of Rounds and of the bare JVM alternate. Not a test: run it by
 * hand after {@code ./mvnw -DskipTests package}.
 *
 * <pre>
 * ./mvnw -B -q -DskipTests package
 * ./mvnw -B -q test-compile dependency:build-classpath -Dmdep.outputFile=target/cp.txt -Dmdep.includeScope=test
 * java -cp target/classes:target/test-classes:$(cat target/cp.txt) dev.rounds.packaged.StartupBenchmark \
 *     [starts] [JVM options for Rounds...]
 * </pre>
 *
 * <p>{@code starts} defaults to 5; the JVM options (say {@code -Xmx128m}) go before {@code -jar}, as the README's
 * start command puts them. {@code -Drounds.bench.jar=...} measures another build.
 */
public final class StartupBenchmark {

    private static final Duration READY_WITHIN = Duration.ofSeconds(180);
    private static final String BARE_READY = "ready";

    private StartupBenchmark() {}

    /** The bare JVM of the baseline: says it is ready, then waits for its input to close. */
    public static final class BareJvm {
        public static void main(String[] args) throws IOException {
            System.out.println(BARE_READY);
            System.out.flush();
            while (System.in.read() >= 0) {
                // wait until the benchmark closes the pipe
            }
        }
    }

    public static void main(String[] args) throws Exception {
        int starts = args.length > 0 ? Integer.parseInt(args[0]) : 5;
        List<String> options = args.length > 1 ? List.of(args).subList(1, args.length) : List.of();
        Path jar = Path.of(System.getProperty("rounds.bench.jar", "target/quarkus-app/quarkus-run.jar"))
                .toAbsolutePath();
        Path home = Files.createTempDirectory("rounds-startup-bench");
        copyFolder(Path.of("checklists"), home.resolve("checklists"));
        System.out.printf(
                Locale.ROOT,
                "start-up benchmark: %d starts of %s %s with the default pack, %s, %d cores, load average %.2f%n",
                starts,
                options.isEmpty() ? "(no JVM options)" : String.join(" ", options),
                jar,
                Runtime.version(),
                Runtime.getRuntime().availableProcessors(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());

        Start first = startRounds(jar, options, home);
        System.out.printf(Locale.ROOT, "first start (migrates the database, not counted): %s%n", first);
        List<Start> rounds = new ArrayList<>();
        List<Start> bare = new ArrayList<>();
        for (int i = 1; i <= starts; i++) {
            Start jvm = startBareJvm();
            Start start = startRounds(jar, options, home);
            System.out.printf(Locale.ROOT, "start %d: Rounds %s; bare JVM %s%n", i, start, jvm);
            rounds.add(start);
            bare.add(jvm);
        }
        Start median = median(rounds);
        Start bareMedian = median(bare);
        System.out.printf(
                Locale.ROOT,
                "median: Rounds ready in %.2f s, %.2f s CPU, %d MiB RSS; bare JVM %.3f s, %.2f s CPU, %d MiB;"
                        + " Rounds / bare JVM: %.0fx time, %.0fx CPU, %.1fx RSS; load average now %.2f;"
                        + " targets: ready < 3 s, < 300 MB RSS%n",
                median.seconds(),
                median.cpuSeconds(),
                median.rssMib(),
                bareMedian.seconds(),
                bareMedian.cpuSeconds(),
                bareMedian.rssMib(),
                median.seconds() / bareMedian.seconds(),
                median.cpuSeconds() / Math.max(0.01, bareMedian.cpuSeconds()),
                (double) median.rssMib() / bareMedian.rssMib(),
                ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage());
        deleteFolder(home);
    }

    /**
     * One start: how long until ready, the CPU time the process had used by then (what a loaded machine changes
     * least), and the resident memory then.
     */
    record Start(double seconds, double cpuSeconds, long rssMib) {
        @Override
        public String toString() {
            return String.format(Locale.ROOT, "ready in %.3f s, %.2f s CPU, %d MiB RSS", seconds, cpuSeconds, rssMib);
        }
    }

    private static Start median(List<Start> starts) {
        List<Start> sorted = starts.stream()
                .sorted(Comparator.comparingDouble(Start::seconds))
                .toList();
        Start middle = sorted.get(sorted.size() / 2);
        List<Double> cpu = starts.stream().map(Start::cpuSeconds).sorted().toList();
        List<Long> rss = starts.stream().map(Start::rssMib).sorted().toList();
        return new Start(middle.seconds(), cpu.get(cpu.size() / 2), rss.get(rss.size() / 2));
    }

    private static Start startRounds(Path jar, List<String> options, Path home) throws Exception {
        int port;
        try (ServerSocket free = new ServerSocket(0)) {
            port = free.getLocalPort();
        }
        List<String> command = new ArrayList<>();
        command.add(Path.of(System.getProperty("java.home"), "bin", "java").toString());
        command.addAll(options);
        command.add("-Dquarkus.http.port=" + port);
        command.add("-Drounds.security.initial-admin-password=startup-benchmark-password");
        command.add("-jar");
        command.add(jar.toString());
        Path log = home.resolve("server.log");
        long begun = System.nanoTime();
        Process process = new ProcessBuilder(command)
                .directory(home.toFile())
                .redirectErrorStream(true)
                .redirectOutput(ProcessBuilder.Redirect.appendTo(log.toFile()))
                .start();
        try {
            HttpClient http = HttpClient.newBuilder()
                    .connectTimeout(Duration.ofSeconds(1))
                    .build();
            HttpRequest ready = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + "/q/health/ready"))
                    .timeout(Duration.ofSeconds(2))
                    .build();
            long deadline = begun + READY_WITHIN.toNanos();
            while (System.nanoTime() < deadline) {
                if (!process.isAlive()) {
                    throw new IllegalStateException("Rounds exited with " + process.exitValue() + "; see " + log);
                }
                try {
                    if (http.send(ready, HttpResponse.BodyHandlers.discarding()).statusCode() == 200) {
                        return new Start(
                                (System.nanoTime() - begun) / 1e9, cpuSeconds(process.pid()), rssMib(process.pid()));
                    }
                } catch (IOException notYet) {
                    // not listening yet
                }
                Thread.sleep(20);
            }
            throw new IllegalStateException("Rounds was not ready within " + READY_WITHIN + "; see " + log);
        } finally {
            process.destroy();
            if (!process.waitFor(60, TimeUnit.SECONDS)) {
                process.destroyForcibly().waitFor();
            }
        }
    }

    private static Start startBareJvm() throws Exception {
        List<String> command = List.of(
                Path.of(System.getProperty("java.home"), "bin", "java").toString(),
                "-cp",
                Path.of(BareJvm.class
                                .getProtectionDomain()
                                .getCodeSource()
                                .getLocation()
                                .toURI())
                        .toString(),
                BareJvm.class.getName());
        long begun = System.nanoTime();
        Process process = new ProcessBuilder(command)
                .redirectError(ProcessBuilder.Redirect.INHERIT)
                .start();
        try (BufferedReader out =
                new BufferedReader(new InputStreamReader(process.getInputStream(), StandardCharsets.UTF_8))) {
            if (!BARE_READY.equals(out.readLine())) {
                throw new IllegalStateException("the bare JVM did not start: " + command);
            }
            Start start =
                    new Start((System.nanoTime() - begun) / 1e9, cpuSeconds(process.pid()), rssMib(process.pid()));
            process.getOutputStream().close();
            process.waitFor(30, TimeUnit.SECONDS);
            return start;
        } finally {
            process.destroyForcibly();
        }
    }

    /** User and system CPU time of a running process, from /proc (in clock ticks of 1/100 s on Linux). */
    static double cpuSeconds(long pid) throws IOException {
        String stat = Files.readString(Path.of("/proc", Long.toString(pid), "stat"));
        // the fields after the command name, which is in parentheses and may hold spaces
        String[] fields = stat.substring(stat.lastIndexOf(')') + 2).split(" ");
        return (Long.parseLong(fields[11]) + Long.parseLong(fields[12])) / 100.0;
    }

    /** VmRSS of a running process, from /proc. */
    static long rssMib(long pid) throws IOException {
        for (String line : Files.readAllLines(Path.of("/proc", Long.toString(pid), "status"))) {
            if (line.startsWith("VmRSS:")) {
                return Long.parseLong(line.replaceAll("[^0-9]", "")) / 1024;
            }
        }
        throw new IllegalStateException("no VmRSS for process " + pid);
    }

    private static void copyFolder(Path from, Path to) throws IOException {
        try (Stream<Path> paths = Files.walk(from)) {
            for (Path path : paths.toList()) {
                Files.copy(path, to.resolve(from.relativize(path).toString()));
            }
        }
    }

    private static void deleteFolder(Path folder) throws IOException {
        try (Stream<Path> paths = Files.walk(folder)) {
            for (Path path : paths.sorted(Comparator.reverseOrder()).toList()) {
                Files.delete(path);
            }
        }
    }
}
