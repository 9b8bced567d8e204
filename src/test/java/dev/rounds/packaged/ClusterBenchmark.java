package dev.rounds.packaged;

import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TreeMap;

/**
 * Several instances on one database, a benchmark, not a test: 1, 2 and 3 instances of the PostgreSQL build
 * ({@code target/quarkus-app-postgresql}, packaged first), each time on a fresh database, share 10,000 continuous tcp
 * probe × target pairs (10 activities over 1,000 loopback listeners) at {@code every: 1m}. After the pairs are shared
 * and one interval of warm-up, it measures over a window: probes persisted per second in total ({@code probe_result}
 * rows) and per instance ({@code rounds_probe_results_written_total}), and the schedule's start lag p99 per instance
 * and over all ({@code rounds_probe_start_lag_seconds} buckets from {@code /q/metrics}, summed), each as a ratio
 * against one instance. The offered rate is the same for every count (pairs / interval), so the total should hold
 * while each instance's share falls.
 *
 * <p>Run from the project folder after {@code ./mvnw -B -q package -DskipTests}, with the classpath of
 * docs/development.md: {@code java -cp $CP dev.rounds.packaged.ClusterBenchmark [pairs] [every-seconds]
 * [window-seconds]}; defaults 10000 60 60, about ten minutes in all.
 */
public final class ClusterBenchmark {

    private static final int ACTIVITIES = 10;
    private static final String LAG = "rounds_probe_start_lag_seconds";
    private static final String WRITTEN = "rounds_probe_results_written_total";

    private ClusterBenchmark() {}

    /** One count of instances, measured. */
    private record Run(int instances, double persisted, List<Double> perInstance, double lagP99, List<Double> lags) {

        String line(Run one) {
            return String.format(
                    Locale.ROOT,
                    "%d instance(s): persisted %7.1f/s (x%.2f), per instance %s/s (mean x%.2f);"
                            + " start lag p99 %6.1f ms (x%.2f), per instance %s ms",
                    instances,
                    persisted,
                    persisted / one.persisted,
                    figures(perInstance, 1),
                    mean(perInstance) / one.persisted,
                    lagP99 * 1000,
                    lagP99 / one.lagP99,
                    figures(lags, 1000));
        }

        private static String figures(List<Double> values, double scale) {
            return values.stream()
                    .map(value -> String.format(Locale.ROOT, "%.1f", value * scale))
                    .toList()
                    .toString();
        }

        private static double mean(List<Double> values) {
            return values.stream().mapToDouble(Double::doubleValue).average().orElse(Double.NaN);
        }
    }

    public static void main(String[] args) throws Exception {
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Duration every = Duration.ofSeconds(args.length > 1 ? Integer.parseInt(args[1]) : 60);
        Duration window = Duration.ofSeconds(args.length > 2 ? Integer.parseInt(args[2]) : 60);
        Path dir = Files.createTempDirectory("rounds-cluster-benchmark");
        List<Run> runs = new ArrayList<>();
        try (LoopbackListeners listeners = new LoopbackListeners(pairs / ACTIVITIES)) {
            LoopbackChecklist checklist = new LoopbackChecklist(listeners.ports(), ACTIVITIES, 1, every);
            System.out.printf(
                    "%,d tcp probe x target pairs every %ds against %d loopback listeners, %d s window%n",
                    checklist.keys().size(),
                    every.toSeconds(),
                    listeners.ports().size(),
                    window.toSeconds());
            for (int instances = 1; instances <= 3; instances++) {
                runs.add(measure(dir.resolve("n" + instances), instances, checklist, window));
                System.out.println(runs.get(runs.size() - 1).line(runs.get(0)));
            }
        }
        System.out.println();
        runs.forEach(run -> System.out.println(run.line(runs.get(0))));
    }

    private static Run measure(Path dir, int count, LoopbackChecklist checklist, Duration window) throws Exception {
        List<PackagedRounds> instances = new ArrayList<>();
        try (SharedDatabase database = new SharedDatabase()) {
            Map<String, String> environment = new HashMap<>(database.environment());
            environment.put("ROUNDS_BACKUP_AT_FIRST_START", "false");
            try {
                for (int i = 1; i <= count; i++) {
                    Path home = dir.resolve("instance-" + i);
                    checklist.writeInto(home);
                    PackagedRounds instance = new PackagedRounds(home, PackagedRounds.postgresqlJar(), environment);
                    instances.add(instance);
                    instance.start();
                    instance.useApiToken();
                }
                ClusterHealth.awaitSettled(instances, count, checklist.keys().size(), Duration.ofSeconds(60));
                // One interval: every pair has run on the member that holds it, and the JIT has warmed up.
                PackagedRounds.sleep(checklist.every().toMillis());
                try (Connection db = database.connect()) {
                    List<Metrics> before = metrics(instances);
                    long rowsBefore = rows(db);
                    PackagedRounds.sleep(window.toMillis());
                    long rowsAfter = rows(db);
                    List<Metrics> after = metrics(instances);
                    double seconds = window.toSeconds();
                    List<Double> perInstance = new ArrayList<>();
                    List<Double> lags = new ArrayList<>();
                    TreeMap<Double, Double> allLags = new TreeMap<>();
                    for (int i = 0; i < count; i++) {
                        perInstance.add(
                                (after.get(i).total(WRITTEN) - before.get(i).total(WRITTEN)) / seconds);
                        TreeMap<Double, Double> lag = after.get(i).bucketsSince(before.get(i), LAG);
                        lags.add(Metrics.quantile(lag, 0.99));
                        lag.forEach((bound, observed) -> allLags.merge(bound, observed, Double::sum));
                    }
                    return new Run(
                            count,
                            (rowsAfter - rowsBefore) / seconds,
                            perInstance,
                            Metrics.quantile(allLags, 0.99),
                            lags);
                }
            } finally {
                for (PackagedRounds instance : instances) instance.stop();
            }
        }
    }

    private static List<Metrics> metrics(List<PackagedRounds> instances) throws Exception {
        List<Metrics> readings = new ArrayList<>();
        for (PackagedRounds instance : instances) readings.add(Metrics.of(instance));
        return readings;
    }

    private static long rows(Connection db) throws Exception {
        try (Statement count = db.createStatement();
                ResultSet row = count.executeQuery("SELECT COUNT(*) FROM probe_result")) {
            row.next();
            return row.getLong(1);
        }
    }
}
