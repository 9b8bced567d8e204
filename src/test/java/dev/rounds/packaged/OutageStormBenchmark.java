package dev.rounds.packaged;

import com.fasterxml.jackson.databind.JsonNode;
import com.sun.net.httpserver.HttpServer;
import java.io.IOException;
import java.net.InetSocketAddress;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An outage storm, a benchmark, not a test: the packaged H2 build probes {@code targets} loopback listeners with tcp
 * probes every {@code every} and notifies a webhook on a loopback HTTP server of this program; once every target has
 * answered, every listener closes at once. From that instant it follows, every half second, when each target is
 * seen down in {@code probe_state} (the results written: the baseline, what the probes alone take), when its
 * incident is opened, when its notification is recorded, when the webhook receives it, and when the dashboard
 * ({@code GET /}) shows it down; it samples the writer's queue ({@code rounds_probe_results_queued}) meanwhile. Each
 * stage's last arrival is compared with the bar of one interval plus 5 s, and as a ratio with the baseline. The
 * webhook's count is checked against what docs/notifications.md promises: one delivery per incident, none twice.
 *
 * <p>The probes confirm a failure at the first down ({@code confirm: 1}, the second argument): with the default of 2
 * an incident waits for a second down one interval after the first, so it comes between one and two intervals
 * after the outage by definition.
 *
 * <p>Run after {@code ./mvnw -B -q package -DskipTests}, with the classpath of docs/development.md:
 * {@code java -cp $CP dev.rounds.packaged.OutageStormBenchmark [targets] [confirm] [every-seconds]}; defaults
 * 1000 1 30, about three minutes.
 */
public final class OutageStormBenchmark {

    private static final String QUEUED = "rounds_probe_results_queued";
    private static final Pattern DOWN_GROUP =
            Pattern.compile("<li><span class=\"status (down|failing)\">[^<]*</span> ([^<]*)<");
    private static final Pattern TARGET = Pattern.compile("t\\d{5}");

    private OutageStormBenchmark() {}

    public static void main(String[] args) throws Exception {
        int targets = args.length > 0 ? Integer.parseInt(args[0]) : 1000;
        int confirm = args.length > 1 ? Integer.parseInt(args[1]) : 1;
        Duration every = Duration.ofSeconds(args.length > 2 ? Integer.parseInt(args[2]) : 30);
        Duration bar = every.plusSeconds(5);
        Path home = Files.createTempDirectory("rounds-outage-storm");
        var webhook = new Webhook();
        try (LoopbackListeners listeners = new LoopbackListeners(targets)) {
            new LoopbackChecklist(listeners.ports(), 1, 1, every, confirm).writeInto(home);
            Files.createDirectories(home.resolve("config"));
            Files.writeString(
                    home.resolve("config/application.properties"),
                    "rounds.notify.webhooks.storm.url=http://127.0.0.1:" + webhook.port() + "/hook\n");
            var rounds =
                    new PackagedRounds(home, PackagedRounds.jar(), Map.of("ROUNDS_BACKUP_AT_FIRST_START", "false"));
            rounds.start();
            try (Connection db = DriverManager.getConnection(
                    "jdbc:h2:file:" + home.resolve("data/rounds") + ";AUTO_SERVER=TRUE", "rounds", "")) {
                rounds.useApiToken();
                // every target answered once and the JIT has seen the probes: one interval and a bit
                awaitAllUp(db, targets, every.plus(every));
                System.out.printf(
                        Locale.ROOT,
                        "%,d tcp probes every %d s (confirm %d) with a webhook; all up; load average %.1f%n",
                        targets,
                        every.toSeconds(),
                        confirm,
                        loadAverage());

                listeners.stopListening();
                long outage = System.nanoTime();
                var seen = new Stages();
                double maxQueued = 0;
                long deadline = outage
                        + every.multipliedBy(confirm)
                                .plus(Duration.ofSeconds(90))
                                .toNanos();
                long nextDashboard = outage;
                while (System.nanoTime() < deadline && !seen.complete(targets, webhook)) {
                    double at = (System.nanoTime() - outage) / 1e9;
                    seen.note(
                            "results written (down)",
                            at,
                            count(db, "SELECT COUNT(*) FROM probe_state" + " WHERE last_status = 'down'"));
                    seen.note("incident opened", at, count(db, "SELECT COUNT(*) FROM incident WHERE ended_at IS NULL"));
                    seen.note(
                            "notification recorded",
                            at,
                            count(
                                    db,
                                    "SELECT COUNT(*) FROM notification" + " WHERE event_key LIKE 'incident-opened:%'"));
                    seen.note("webhook received", webhook.lastAt(outage), webhook.distinct());
                    if (System.nanoTime() >= nextDashboard) {
                        seen.note("dashboard shows down", at, downOnDashboard(rounds));
                        nextDashboard = System.nanoTime() + 2_000_000_000L;
                    }
                    maxQueued = Math.max(maxQueued, Metrics.of(rounds).total(QUEUED));
                    PackagedRounds.sleep(500);
                }
                double baseline = seen.last("results written (down)");
                System.out.printf(Locale.ROOT, "bar: one interval plus 5 s = %d s after the outage%n", bar.toSeconds());
                for (String stage : seen.names()) {
                    double last = seen.last(stage);
                    System.out.printf(
                            Locale.ROOT,
                            "%-24s %5d of %d, the last at %6.1f s (x%.2f the results)  %s%n",
                            stage,
                            seen.count(stage),
                            targets,
                            last,
                            last / baseline,
                            seen.count(stage) >= targets && last <= bar.toSeconds()
                                    ? "within the bar"
                                    : "MISSES the bar");
                }
                System.out.printf(
                        Locale.ROOT,
                        "webhook: %d deliveries of %d events, %d twice; writer's queue at most %.0f (sampled every"
                                + " 0.5 s); load average %.1f%n",
                        webhook.deliveries(),
                        webhook.distinct(),
                        webhook.deliveries() - webhook.distinct(),
                        maxQueued,
                        loadAverage());
            } finally {
                rounds.stop();
                webhook.stop();
            }
        }
    }

    private static void awaitAllUp(Connection db, int targets, Duration bound) throws SQLException {
        long end = System.nanoTime() + bound.toNanos();
        while (count(db, "SELECT COUNT(*) FROM probe_state WHERE last_status = 'up'") < targets) {
            if (System.nanoTime() > end) throw new IllegalStateException("not every target answered within " + bound);
            PackagedRounds.sleep(500);
        }
    }

    /** The targets the dashboard lists under a down probe group. */
    private static int downOnDashboard(PackagedRounds rounds) throws IOException, InterruptedException {
        PackagedRounds.Reply page = rounds.get("/");
        if (page.status() != 200) throw new IllegalStateException("GET / answered " + page.status());
        Set<String> down = ConcurrentHashMap.newKeySet();
        Matcher group = DOWN_GROUP.matcher(page.body());
        while (group.find()) {
            Matcher target = TARGET.matcher(group.group(2));
            while (target.find()) down.add(target.group());
        }
        return down.size();
    }

    private static int count(Connection db, String sql) throws SQLException {
        try (Statement statement = db.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            return row.getInt(1);
        }
    }

    private static double loadAverage() {
        return java.lang.management.ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
    }

    /** When each stage's count last grew, in seconds after the outage. */
    private static final class Stages {

        private final Map<String, Integer> counts = new java.util.LinkedHashMap<>();
        private final Map<String, Double> lastGrown = new HashMap<>();

        void note(String stage, double at, int count) {
            Integer before = counts.put(stage, count);
            if (before == null || count > before) lastGrown.put(stage, at);
        }

        boolean complete(int targets, Webhook webhook) {
            return counts.size() == 5 && counts.values().stream().allMatch(count -> count >= targets);
        }

        List<String> names() {
            return new ArrayList<>(counts.keySet());
        }

        int count(String stage) {
            return counts.getOrDefault(stage, 0);
        }

        double last(String stage) {
            return lastGrown.getOrDefault(stage, Double.NaN);
        }
    }

    /** The webhook: a loopback HTTP server that answers 204 and notes each event's key and arrival. */
    private static final class Webhook {

        private final HttpServer server;
        private final Map<String, Long> firstArrival = new ConcurrentHashMap<>();
        private final java.util.concurrent.atomic.AtomicInteger deliveries =
                new java.util.concurrent.atomic.AtomicInteger();

        Webhook() throws IOException {
            server = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 200);
            server.createContext("/hook", exchange -> {
                long at = System.nanoTime();
                JsonNode body = PackagedRounds.JSON.readTree(exchange.getRequestBody());
                String key = body.path("key").asText();
                if (key.startsWith("incident-opened:")) {
                    deliveries.incrementAndGet();
                    firstArrival.putIfAbsent(key, at);
                }
                exchange.sendResponseHeaders(204, -1);
                exchange.close();
            });
            server.start();
        }

        int port() {
            return server.getAddress().getPort();
        }

        int distinct() {
            return firstArrival.size();
        }

        int deliveries() {
            return deliveries.get();
        }

        /** Seconds after {@code outage} of the latest first arrival; 0 before any. */
        double lastAt(long outage) {
            return firstArrival.values().stream()
                            .mapToLong(at -> at - outage)
                            .max()
                            .orElse(0)
                    / 1e9;
        }

        void stop() {
            server.stop(0);
        }
    }
}
