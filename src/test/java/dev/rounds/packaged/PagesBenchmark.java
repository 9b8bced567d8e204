package dev.rounds.packaged;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Pages under load, a benchmark, not a test: the packaged H2 build ({@code target/quarkus-app}, packaged first) in a
 * temporary home with 10,000 continuous tcp probe × target pairs (10 activities over 1,000 loopback listeners) at
 * {@code every: 1m}. Once every pair has run, {@code wrk} (2 threads, 50 connections) drives the dashboard, the
 * occurrences API, the weekly review and the audit log in turn, with an API token, with a session cookie and with
 * HTTP Basic, and prints req/s and p50/p90/p99 for each. The baseline is {@code /q/health/live} in the same run,
 * before and after; each page's throughput is given as a ratio of it.
 *
 * <p>Run from the project folder after {@code ./mvnw -B -q package -DskipTests}, with the classpath of
 * docs/development.md: {@code java -cp $CP dev.rounds.packaged.PagesBenchmark [pairs] [every-seconds]
 * [seconds-per-page]}; defaults 10000 60 10, about five minutes in all. With {@code -Dpages.jfr=file.jfr} the server
 * records a JFR profile (settings {@code profile}) into that file.
 */
public final class PagesBenchmark {

    private static final int ACTIVITIES = 10;
    private static final String WRITTEN = "rounds_probe_results_written_total";
    private static final List<String> PAGES = List.of("/", "/api/occurrences", "/reports/weekly", "/audit");
    private static final String BASELINE = "/q/health/live";

    private PagesBenchmark() {}

    public static void main(String[] args) throws Exception {
        int pairs = args.length > 0 ? Integer.parseInt(args[0]) : 10_000;
        Duration every = Duration.ofSeconds(args.length > 1 ? Integer.parseInt(args[1]) : 60);
        Duration perPage = Duration.ofSeconds(args.length > 2 ? Integer.parseInt(args[2]) : 10);
        Path home = Files.createTempDirectory("rounds-pages-benchmark");
        Map<String, String> environment = new HashMap<>(Map.of("ROUNDS_BACKUP_AT_FIRST_START", "false"));
        String jfr = System.getProperty("pages.jfr");
        if (jfr != null)
            environment.put(
                    "JAVA_TOOL_OPTIONS",
                    "-XX:StartFlightRecording=settings=profile,dumponexit=true,filename="
                            + Path.of(jfr).toAbsolutePath());
        try (LoopbackListeners listeners = new LoopbackListeners(pairs / ACTIVITIES)) {
            LoopbackChecklist checklist = new LoopbackChecklist(listeners.ports(), ACTIVITIES, 1, every);
            checklist.writeInto(home);
            System.out.printf(
                    "%s: %,d tcp probe x target pairs every %ds against %d loopback listeners; load average %s%n",
                    Instant.now(),
                    checklist.keys().size(),
                    every.toSeconds(),
                    listeners.ports().size(),
                    loadAverage());
            PackagedRounds rounds = new PackagedRounds(home, PackagedRounds.jar(), environment);
            rounds.start();
            try {
                rounds.useApiToken(); // its own reads of /q/metrics then cost no bcrypt
                awaitOneRound(rounds, checklist.keys().size(), every.plusSeconds(60));
                awaitLog(rounds, "filed the review of", Duration.ofMinutes(3));
                measure(rounds, perPage);
            } finally {
                try {
                    rounds.stop();
                } catch (AssertionError stillBusy) {
                    rounds.kill(); // requests still queued from the last run hold it past the stop's bound
                }
            }
        }
        System.out.println("load average at the end: " + loadAverage());
    }

    /** Waits until as many results were written as there are pairs: every pair has run once. */
    private static void awaitOneRound(PackagedRounds rounds, int pairs, Duration bound) throws Exception {
        long deadline = System.nanoTime() + bound.toNanos();
        double written = 0;
        while (System.nanoTime() < deadline) {
            written = Metrics.of(rounds).total(WRITTEN);
            if (written >= pairs) {
                System.out.printf("%,.0f results written: every pair has run%n", written);
                return;
            }
            PackagedRounds.sleep(1000);
        }
        throw new IllegalStateException(
                "only " + written + " results written within " + bound.toSeconds() + " s for " + pairs + " pairs");
    }

    /**
     * Waits for the first start's one-off work to be done, such as filing the closed week's review as a PDF a minute
     * after the start, so that it does not fall into a page's measurement.
     */
    private static void awaitLog(PackagedRounds rounds, String line, Duration bound) {
        long deadline = System.nanoTime() + bound.toNanos();
        while (!rounds.log().contains(line)) {
            if (System.nanoTime() > deadline) throw new IllegalStateException("no '" + line + "' in the log in time");
            PackagedRounds.sleep(1000);
        }
    }

    private static void measure(PackagedRounds rounds, Duration perPage) throws Exception {
        List<PageLogins.Login> logins = PageLogins.of(rounds);
        Wrk wrk = new Wrk(2, 50, perPage);
        Wrk warmUp = new Wrk(2, 50, Duration.ofSeconds(Math.max(2, perPage.toSeconds() / 2)));
        for (String page : PAGES) {
            System.out.printf("%-18s %s%n", page, PageLogins.probe(rounds.uri(page), logins.get(0)));
            warmUp.run(rounds.uri(page), logins.get(0).header());
        }
        awaitIdle(rounds);
        Wrk.Result baseline = wrk.run(rounds.uri(BASELINE), null);
        System.out.printf("%-18s %-8s %s%n", BASELINE, "none", baseline.line());
        for (PageLogins.Login login : logins) {
            for (String page : PAGES) {
                awaitIdle(rounds);
                Wrk.Result result = wrk.run(rounds.uri(page), login.header());
                System.out.printf(
                        "%-18s %-8s %s  x%.4f of the baseline%n",
                        page, login.name(), result.line(), result.perSecond() / baseline.perSecond());
            }
        }
        awaitIdle(rounds);
        System.out.printf(
                "%-18s %-8s %s%n",
                BASELINE, "none", wrk.run(rounds.uri(BASELINE), null).line());
    }

    /**
     * Waits (at most two minutes) until the server answers {@code /q/health/live} within 100 ms again: wrk stops
     * sending at the end of its run, but what it sent may still be queued, and that would fall into the next page's
     * figures.
     */
    private static void awaitIdle(PackagedRounds rounds) throws Exception {
        long deadline = System.nanoTime() + Duration.ofMinutes(2).toNanos();
        while (System.nanoTime() < deadline) {
            long begun = System.nanoTime();
            rounds.get(BASELINE);
            if (System.nanoTime() - begun < Duration.ofMillis(100).toNanos()) return;
            PackagedRounds.sleep(500);
        }
        System.out.println("(the server was still busy after two minutes)");
    }

    private static String loadAverage() throws Exception {
        return Files.readString(Path.of("/proc/loadavg")).trim();
    }
}
