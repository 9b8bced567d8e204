package dev.rounds.report.rollup;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rounds.TestClock;
import dev.rounds.checklist.ProbeSpec;
import dev.rounds.probe.ProbeKey;
import dev.rounds.probe.ProbeResult;
import dev.rounds.probe.ProbeStatus;
import dev.rounds.probe.ResultWriter;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * The fold resumed chunk by chunk from its stored state gives the rollups of one pass, in databases of their own:
 * an H2 folded in one chunk against an H2, and a PostgreSQL, folded three results at a time.
 */
class RollupFoldTest {

    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String[] TABLES = {
        "SELECT * FROM rollup_target_hour ORDER BY target_id, bucket_start",
        "SELECT * FROM rollup_target_day ORDER BY target_id, bucket_day",
        "SELECT * FROM rollup_value_day ORDER BY probe_key, value_name, bucket_day",
        "SELECT target_id, started_at, ended_at FROM rollup_unknown ORDER BY target_id, started_at",
        "SELECT * FROM rollup_coverage ORDER BY target_id",
        "SELECT * FROM rollup_probe ORDER BY probe_key",
        "SELECT id, target_id, probe_key, continuous, started_at, confirmed_at, ended_at, message FROM incident ORDER BY id",
        "SELECT * FROM rollup_watermark"
    };
    private static final ProbeSpec EVERY_MINUTE_CONFIRM_2 =
            new ProbeSpec(0, "tcp", "web", List.of(), Map.of(), Duration.ofMinutes(1), null, 2, List.of());

    @Test
    void foldingInSmallChunksGivesTheRollupsOfOnePass() throws Exception {
        assertEquals(foldedH2(1000), foldedH2(3));
    }

    @Test
    void theUpsertsWorkOnPostgresql() throws Exception {
        String name =
                "rounds_rollup_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        try (Connection admin = DriverManager.getConnection(POSTGRES + "postgres", "postgres", "")) {
            admin.createStatement().execute("CREATE DATABASE " + name);
        } catch (SQLException unreachable) {
            Assumptions.abort("PostgreSQL is not reachable at 127.0.0.1:5432 as postgres: " + unreachable.getMessage());
        }
        try {
            Flyway.configure()
                    .dataSource(POSTGRES + name, "postgres", "")
                    .locations("classpath:db/migration/common", "classpath:db/migration/postgresql")
                    .load()
                    .migrate();
            List<List<String>> postgres;
            try (Connection connection = DriverManager.getConnection(POSTGRES + name, "postgres", "")) {
                postgres = writeAndFold(connection, 3);
            }
            assertEquals(foldedH2(1000), postgres);
        } finally {
            try (Connection admin = DriverManager.getConnection(POSTGRES + "postgres", "postgres", "")) {
                admin.createStatement().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
            }
        }
    }

    @Test
    void aMissingBatchHoldsTheFoldBackUntilItSettles() throws Exception {
        String url = "jdbc:h2:mem:rollup_" + UUID.randomUUID().toString().replace('-', '_') + ";DB_CLOSE_DELAY=-1";
        Flyway.configure()
                .dataSource(url, "sa", "")
                .locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .load()
                .migrate();
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            connection.setAutoCommit(false);
            ResultWriter writer = writer(connection);
            Instant start = Instant.parse("2026-11-20T10:00:00Z");
            writer.submit(upResult(start));
            writer.flush();
            // another instance takes the next block of ids and has not committed its batch yet
            connection
                    .createStatement()
                    .executeQuery("SELECT NEXT VALUE FOR probe_result_id_seq")
                    .close();
            writer.submit(upResult(start.plusSeconds(60)));
            writer.flush();
            var clock = new TestClock();
            var fold =
                    new RollupFold(1000, ZoneId.of("UTC"), key -> EVERY_MINUTE_CONFIRM_2, clock, Duration.ofMinutes(1));

            assertEquals(1, fold.foldNextChunk(connection), "the batch before the missing block");
            assertEquals(0, fold.foldNextChunk(connection), "held back while the missing block may still come");
            clock.advance(Duration.ofSeconds(61));
            assertEquals(1, fold.foldNextChunk(connection), "taken as rolled back once it settled");
            connection.commit();
        }
    }

    private static ProbeResult upResult(Instant at) {
        return new ProbeResult(
                new ProbeKey("daily", "up", 0, "host0"),
                "tcp",
                at,
                Duration.ofMillis(1),
                ProbeStatus.UP,
                Map.of(),
                List.of(),
                "up");
    }

    /** A writer of batches of at most seven results on the connection, each batch committed; digests not kept. */
    static ResultWriter writer(Connection connection) {
        return new ResultWriter(
                work -> {
                    try {
                        work.run(connection);
                        connection.commit();
                    } catch (SQLException failure) {
                        throw new IllegalStateException(failure);
                    }
                },
                (actor, action, subject, detail) -> 1,
                7,
                Duration.ofSeconds(1),
                1000,
                new SimpleMeterRegistry());
    }

    private static List<List<String>> foldedH2(int chunk) throws Exception {
        String url = "jdbc:h2:mem:rollup_" + UUID.randomUUID().toString().replace('-', '_') + ";DB_CLOSE_DELAY=-1";
        Flyway.configure()
                .dataSource(url, "sa", "")
                .locations("classpath:db/migration/common", "classpath:db/migration/h2")
                .load()
                .migrate();
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            return writeAndFold(connection, chunk);
        }
    }

    /** Writes the same results through the real writer, folds them in chunks, and dumps every rollup table. */
    private static List<List<String>> writeAndFold(Connection connection, int chunk) throws Exception {
        connection.setAutoCommit(false);
        ResultWriter writer = writer(connection);
        Instant start = Instant.parse("2026-11-20T23:30:00Z");
        ProbeStatus[] pattern = {
            ProbeStatus.UP,
            ProbeStatus.DOWN,
            ProbeStatus.ERROR,
            ProbeStatus.DOWN,
            ProbeStatus.DOWN,
            ProbeStatus.WARN,
            ProbeStatus.UNKNOWN,
            ProbeStatus.DOWN,
            ProbeStatus.UP
        };
        for (int i = 0; i < 60; i++) {
            String target = "host" + (i % 2);
            // a pause of ten minutes in the middle leaves an unknown span on each target
            Instant at = start.plusSeconds(i * 30L + (i >= 30 ? 600 : 0));
            assertTrue(writer.submit(new ProbeResult(
                    new ProbeKey("daily", "up", i % 3 == 0 ? 1 : 0, target),
                    "tcp",
                    at,
                    Duration.ofNanos(1000L * (50 + i * i)),
                    pattern[i % pattern.length],
                    Map.of("connect_time", Duration.ofNanos(1000L * (50 + i)), "load", i % 5, "ok", true),
                    List.of(),
                    "run " + i)));
        }
        writer.flush();
        var fold = new RollupFold(
                chunk,
                ZoneId.of("Europe/Paris"),
                key -> key.probeIndex() == 0 ? EVERY_MINUTE_CONFIRM_2 : null,
                Clock.systemUTC(),
                Duration.ZERO);
        int folded;
        do {
            folded = fold.foldNextChunk(connection);
            connection.commit();
        } while (folded > 0);
        var dump = new ArrayList<List<String>>();
        for (String table : TABLES) {
            var rows = new ArrayList<String>();
            try (ResultSet result = connection.createStatement().executeQuery(table)) {
                int columns = result.getMetaData().getColumnCount();
                while (result.next()) {
                    var row = new StringBuilder();
                    for (int c = 1; c <= columns; c++)
                        row.append(text(result.getObject(c))).append('|');
                    rows.add(row.toString());
                }
            }
            dump.add(rows);
        }
        connection.commit();
        assertTrue(dump.get(4).size() >= 2, "an unknown span per target: " + dump.get(4));
        assertTrue(!dump.get(7).isEmpty(), "incidents: " + dump.get(7));
        return dump;
    }

    private static String text(Object value) {
        if (value instanceof java.time.OffsetDateTime time)
            return time.toInstant().toString();
        if (value instanceof java.sql.Timestamp time) return time.toInstant().toString();
        if (value instanceof java.sql.Date date) return date.toLocalDate().toString();
        if (value instanceof Number number && !(value instanceof Double)) return Long.toString(number.longValue());
        return String.valueOf(value);
    }
}
