package dev.rounds.packaged;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rounds.probe.SilentServer;
import java.io.IOException;
import java.net.InetAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The packaged application stopped by SIGTERM, as systemd or a container runtime stops it: every probe result,
 * including those of runs still in flight, reaches the H2 database before it closes, and nothing is logged as lost.
 * Runs after {@code package} (failsafe), because only the packaged jar has Rounds' own {@code main}.
 */
class OrderlyStopIT {

    private static final Path JAR = Path.of("target/quarkus-app/quarkus-run.jar");
    private static final Pattern WRITER_STOPPED =
            Pattern.compile("result writer stopped: written=(\\d+) lost=(\\d+) dropped=(\\d+) waiting=(\\d+)");

    @TempDir
    Path dir;

    @Test
    void sigtermWritesEveryResultIncludingRunsInFlightBeforeTheDatabaseCloses() throws Exception {
        assertTrue(Files.isRegularFile(JAR), "package Rounds first: ./mvnw -DskipTests package");
        var accepted = new AtomicInteger();
        try (ServerSocket listening = new ServerSocket(0, 50, InetAddress.getByName("127.0.0.1"));
                SilentServer hung = new SilentServer()) {
            Thread acceptor = new Thread(() -> {
                try {
                    while (true) {
                        try (Socket socket = listening.accept()) {
                            accepted.incrementAndGet();
                        }
                    }
                } catch (IOException closed) {
                    // the test is over
                }
            });
            acceptor.setDaemon(true);
            acceptor.start();
            Path checklists = Files.createDirectories(dir.resolve("checklists"));
            Files.writeString(
                    checklists.resolve("inventory.yaml"), """
                    targets:
                      - id: listening
                        address: 127.0.0.1:%d
                      - id: hung
                        address: 127.0.0.1:%d
                    """.formatted(listening.getLocalPort(), hung.port()));
            Files.writeString(checklists.resolve("daily.yaml"), """
                    id: daily
                    title: Daily
                    cadence: daily
                    due: 23h
                    activities:
                      - id: services-up
                        title: Services are up
                        probes:
                          - type: tcp
                            target: listening
                            port: %d
                            every: 1s
                          - type: http
                            target: hung
                            every: 1s
                            timeout: 3s
                    """.formatted(listening.getLocalPort()));
            Path log = dir.resolve("rounds.log");
            String url = "jdbc:h2:file:" + dir.resolve("db/rounds").toAbsolutePath() + ";AUTO_SERVER=TRUE";
            Process rounds = new ProcessBuilder(List.of(
                            Path.of(System.getProperty("java.home"), "bin", "java")
                                    .toString(),
                            "-Dquarkus.http.port=0",
                            "-Dquarkus.datasource.jdbc.url=" + url,
                            "-Drounds.checklists.dir=" + checklists,
                            "-Drounds.backup.dir=" + dir.resolve("backups"),
                            "-Drounds.backup.at-first-start=false",
                            "-Drounds.evidence.dir=" + dir.resolve("evidence"),
                            "-Drounds.reports.dir=" + dir.resolve("reports"),
                            "-Drounds.security.initial-admin-password=orderly-stop-test",
                            "-jar",
                            JAR.toString()))
                    .redirectErrorStream(true)
                    .redirectOutput(log.toFile())
                    .start();
            try {
                awaitOrFail(
                        Duration.ofSeconds(40),
                        () -> accepted.get() >= 3 && hung.accepted() >= 1,
                        () -> "probes did not run; log:\n" + read(log));
                rounds.destroy(); // SIGTERM
                assertTrue(rounds.waitFor(30, TimeUnit.SECONDS), () -> "Rounds did not stop; log:\n" + read(log));
            } finally {
                rounds.destroyForcibly();
            }

            String output = read(log);
            assertEquals(0, rounds.exitValue(), output);
            for (String lost : List.of(
                    "failed twice",
                    "they are lost",
                    "Database is already closed",
                    "retrying once",
                    "did not finish within their timeouts")) {
                assertFalse(output.contains(lost), () -> "'" + lost + "' in the log:\n" + output);
            }
            assertTrue(output.contains("probe scheduler stopped: waited"), output);
            Matcher stopped = WRITER_STOPPED.matcher(output);
            assertTrue(stopped.find(), output);
            assertEquals(List.of("0", "0", "0"), List.of(stopped.group(2), stopped.group(3), stopped.group(4)), output);
            long written = Long.parseLong(stopped.group(1));
            try (Connection db = DriverManager.getConnection(url, "rounds", "")) {
                assertEquals(written, count(db, "SELECT COUNT(*) FROM probe_result"), output);
                // The hung target's run was in flight at SIGTERM: its timeout ended it during the stop.
                assertTrue(count(db, "SELECT COUNT(*) FROM probe_result WHERE type = 'http'") >= 1, output);
                assertTrue(count(db, "SELECT COUNT(*) FROM probe_result WHERE type = 'tcp'") >= 3, output);
            }
        }
    }

    private static long count(Connection db, String sql) throws SQLException {
        try (var statement = db.createStatement();
                ResultSet rows = statement.executeQuery(sql)) {
            rows.next();
            return rows.getLong(1);
        }
    }

    private static void awaitOrFail(Duration limit, BooleanSupplier condition, java.util.function.Supplier<String> why)
            throws InterruptedException {
        long end = System.nanoTime() + limit.toNanos();
        while (!condition.getAsBoolean()) {
            if (System.nanoTime() > end) throw new AssertionError(why.get());
            Thread.sleep(50);
        }
    }

    private static String read(Path log) {
        try {
            return Files.readString(log);
        } catch (IOException e) {
            return "(no log: " + e.getMessage() + ")";
        }
    }
}
