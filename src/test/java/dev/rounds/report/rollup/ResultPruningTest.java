package dev.rounds.report.rollup;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rounds.TestClock;
import dev.rounds.checklist.ProbeSpec;
import dev.rounds.probe.ProbeKey;
import dev.rounds.probe.ProbeResult;
import dev.rounds.probe.ProbeStatus;
import dev.rounds.probe.ResultWriter;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.Test;

/**
 * Raw results are pruned by age and beyond the newest {@code max-rows}, only once rolled up, with one audit entry per
 * pruning; hourly rollups are pruned by age and daily rollups are kept. On H2 and on PostgreSQL (the cap's query).
 */
class ResultPruningTest {

    private static final String POSTGRES = "jdbc:postgresql://127.0.0.1:5432/";
    private static final Instant NOW = Instant.parse("2026-11-20T12:00:00Z");
    private static final ProbeSpec EVERY_MINUTE =
            new ProbeSpec(0, "tcp", "web", List.of(), Map.of(), Duration.ofMinutes(1), null, 2, List.of());

    private final List<Map<String, Object>> audited = new ArrayList<>();

    @Test
    void onH2() throws Exception {
        String url = "jdbc:h2:mem:pruning_" + UUID.randomUUID().toString().replace('-', '_') + ";DB_CLOSE_DELAY=-1";
        migrate(url, "sa", "h2");
        try (Connection connection = DriverManager.getConnection(url, "sa", "")) {
            resultsBeyondTheCapArePrunedOnlyOnceRolledUp(connection);
        }
        String hours = "jdbc:h2:mem:pruning_" + UUID.randomUUID().toString().replace('-', '_') + ";DB_CLOSE_DELAY=-1";
        migrate(hours, "sa", "h2");
        try (Connection connection = DriverManager.getConnection(hours, "sa", "")) {
            hourlyRollupsOlderThanTheirRetentionGoAndDailyOnesStay(connection);
        }
    }

    @Test
    void onPostgresql() throws Exception {
        for (int run = 0; run < 2; run++) {
            String name = "rounds_pruning_"
                    + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
            try (Connection admin = DriverManager.getConnection(POSTGRES + "postgres", "postgres", "")) {
                admin.createStatement().execute("CREATE DATABASE " + name);
            } catch (SQLException unreachable) {
                Assumptions.abort("PostgreSQL is not reachable at 127.0.0.1:5432: " + unreachable.getMessage());
            }
            try {
                migrate(POSTGRES + name, "postgres", "postgresql");
                try (Connection connection = DriverManager.getConnection(POSTGRES + name, "postgres", "")) {
                    if (run == 0) resultsBeyondTheCapArePrunedOnlyOnceRolledUp(connection);
                    else hourlyRollupsOlderThanTheirRetentionGoAndDailyOnesStay(connection);
                }
            } finally {
                try (Connection admin = DriverManager.getConnection(POSTGRES + "postgres", "postgres", "")) {
                    admin.createStatement().execute("DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
                }
            }
        }
    }

    private void resultsBeyondTheCapArePrunedOnlyOnceRolledUp(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        ResultWriter writer = RollupFoldTest.writer(connection);
        // ten recent results, a batch (so a block of ids) each, rolled up; then two not yet rolled up
        for (int i = 0; i < 10; i++) write(writer, NOW.minus(Duration.ofMinutes(30 - i)));
        fold(connection);
        write(writer, NOW.minus(Duration.ofMinutes(5)));
        write(writer, NOW.minus(Duration.ofMinutes(4)));
        List<Long> ids = ids(connection);
        var pruning = new ResultPruning(this::audit, Duration.ofDays(90), 1, 3);

        assertEquals(10, pruning.prune(NOW, plain(connection)), "every rolled-up result beyond the newest one");
        assertEquals(ids.subList(10, 12), ids(connection), "results not yet rolled up stay, whatever the cap");
        assertEquals(1, audited.size());
        assertEquals(ids.get(9) + 1, ((Number) audited.get(0).get("before_id")).longValue());
        assertEquals(1L, ((Number) audited.get(0).get("max_rows")).longValue());
        assertEquals(10L, ((Number) audited.get(0).get("count")).longValue());

        fold(connection);
        assertEquals(1, pruning.prune(NOW, plain(connection)));
        assertEquals(ids.subList(11, 12), ids(connection), "the newest one is kept");
        assertEquals(0, pruning.prune(NOW, plain(connection)));
        assertEquals(2, audited.size(), "a pruning that deletes nothing is not audited");

        write(writer, NOW.minus(Duration.ofDays(91)));
        fold(connection);
        var byAge = new ResultPruning(this::audit, Duration.ofDays(90), 1000, 3);
        assertEquals(1, byAge.prune(NOW, plain(connection)), "older than the retention, under the cap");
        assertEquals(ids.subList(11, 12), ids(connection));
    }

    private void hourlyRollupsOlderThanTheirRetentionGoAndDailyOnesStay(Connection connection) throws SQLException {
        connection.setAutoCommit(false);
        ResultWriter writer = RollupFoldTest.writer(connection);
        for (int day = 40; day >= 1; day--) write(writer, NOW.minus(Duration.ofDays(day)));
        fold(connection);
        assertEquals(40, count(connection, "rollup_target_hour"));

        long deleted = new HourlyRollupRetention(Duration.ofDays(35)).prune(NOW, plain(connection));

        assertEquals(5, deleted, "the hours of days 40 to 36 ago");
        assertEquals(35, count(connection, "rollup_target_hour"));
        assertEquals(40, count(connection, "rollup_target_day"), "daily rollups are kept");
        assertEquals(40, count(connection, "probe_result"), "raw results are another retention's");
    }

    private long audit(String actor, String action, String subject, Map<String, Object> detail) {
        audited.add(Map.copyOf(detail));
        return audited.size();
    }

    private static void migrate(String url, String user, String vendor) {
        Flyway.configure()
                .dataSource(url, user, "")
                .locations("classpath:db/migration/common", "classpath:db/migration/" + vendor)
                .load()
                .migrate();
    }

    private static void write(ResultWriter writer, Instant at) {
        writer.submit(new ProbeResult(
                new ProbeKey("daily", "up", 0, "web"),
                "tcp",
                at,
                Duration.ofMillis(1),
                ProbeStatus.UP,
                Map.of("connect_ms", 1),
                List.of(),
                "up"));
        writer.flush();
    }

    private static void fold(Connection connection) throws SQLException {
        var fold = new RollupFold(1000, ZoneOffset.UTC, key -> EVERY_MINUTE, new TestClock(), Duration.ZERO);
        while (fold.foldNextChunk(connection) > 0) connection.commit();
        connection.commit();
    }

    private static PruningTransactions plain(Connection connection) {
        return step -> {
            try {
                long result = step.run(connection);
                connection.commit();
                return result;
            } catch (SQLException failure) {
                throw new IllegalStateException(failure);
            }
        };
    }

    private static List<Long> ids(Connection connection) throws SQLException {
        var ids = new ArrayList<Long>();
        try (ResultSet rows = connection.createStatement().executeQuery("SELECT id FROM probe_result ORDER BY id")) {
            while (rows.next()) ids.add(rows.getLong(1));
        }
        connection.commit();
        return ids;
    }

    private static long count(Connection connection, String table) throws SQLException {
        try (ResultSet rows = connection.createStatement().executeQuery("SELECT COUNT(*) FROM " + table)) {
            rows.next();
            long count = rows.getLong(1);
            connection.commit();
            return count;
        }
    }
}
