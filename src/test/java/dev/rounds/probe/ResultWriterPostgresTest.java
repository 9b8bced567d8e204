package dev.rounds.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rounds.audit.AuditLog;
import dev.rounds.checklist.ConditionOutcome;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CopyOnWriteArrayList;
import org.flywaydb.core.Flyway;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The writer's SQL on PostgreSQL, in a database of its own: the migration, the id blocks of the sequence, time zone
 * columns and the probe_state upsert. The JTA wrapper is Quarkus' and is tested on H2; here plain JDBC commits.
 */
class ResultWriterPostgresTest {

    private static final String SERVER = "jdbc:postgresql://127.0.0.1:5432/";
    private static final String DATABASE =
            "rounds_probe_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);

    private static Connection connection;

    @BeforeAll
    static void createDatabase() throws SQLException {
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", "")) {
            admin.createStatement().execute("CREATE DATABASE " + DATABASE);
        } catch (SQLException unreachable) {
            Assumptions.abort("PostgreSQL is not reachable at 127.0.0.1:5432 as postgres: " + unreachable.getMessage());
        }
        Flyway.configure()
                .dataSource(SERVER + DATABASE, "postgres", "")
                .locations("classpath:db/migration/common")
                .load()
                .migrate();
        connection = DriverManager.getConnection(SERVER + DATABASE, "postgres", "");
        connection.setAutoCommit(false);
    }

    @AfterAll
    static void dropDatabase() throws SQLException {
        if (connection != null) connection.close();
        try (Connection admin = DriverManager.getConnection(SERVER + "postgres", "postgres", "")) {
            admin.createStatement().execute("DROP DATABASE IF EXISTS " + DATABASE + " WITH (FORCE)");
        }
    }

    @Test
    void batchesGetTheirOwnIdBlockAndDigestsMatchTheRowsReadBack() throws Exception {
        var digests = new CopyOnWriteArrayList<Map<String, Object>>();
        AuditLog audit = (actor, action, subject, detail) -> {
            digests.add(detail);
            return digests.size();
        };
        var writer = new ResultWriter(
                work -> {
                    try {
                        work.run(connection);
                        connection.commit();
                    } catch (SQLException failure) {
                        throw new IllegalStateException(failure);
                    }
                },
                audit,
                1000,
                Duration.ofSeconds(1),
                10_000,
                new SimpleMeterRegistry());
        Instant start = Instant.parse("2026-11-26T08:19:19.123456Z");
        for (int i = 0; i < 1500; i++) {
            writer.submit(new ProbeResult(
                    new ProbeKey("daily", "services-up", 0, "host" + (i % 2)),
                    "tcp",
                    start.plusMillis(i),
                    Duration.ofNanos(120_500),
                    i < 1498 ? ProbeStatus.UP : ProbeStatus.DOWN,
                    Map.of("connected", i < 1498, "connect_time", Duration.ofNanos(120_500)),
                    List.of(new ConditionOutcome("connected (true) == true", i < 1498)),
                    "run " + i));
        }

        writer.flush();

        assertEquals(2, digests.size());
        assertEquals(1L, digests.get(0).get("first_id"));
        assertEquals(10_001L, digests.get(1).get("first_id"), "the second batch starts a new block of ids");
        for (var detail : digests) {
            assertEquals(
                    StoredResults.digest(connection, (Long) detail.get("first_id"), (Long) detail.get("last_id")),
                    detail);
        }
        assertState(1, start.plusMillis(1498), "down");

        writer.submit(result(start.plusMillis(2000), ProbeStatus.DOWN));
        writer.flush();
        assertState(2, start.plusMillis(1498), "down");

        writer.submit(result(start.plusMillis(3000), ProbeStatus.UP));
        writer.submit(result(start.plusMillis(4000), ProbeStatus.DOWN));
        writer.flush();
        assertState(1, start.plusMillis(4000), "down");
    }

    private static ProbeResult result(Instant startedAt, ProbeStatus status) {
        return new ProbeResult(
                new ProbeKey("daily", "services-up", 0, "host0"),
                "tcp",
                startedAt,
                Duration.ofMillis(1),
                status,
                Map.of(),
                List.of(),
                status.label());
    }

    private void assertState(int consecutiveDown, Instant firstDownAt, String lastStatus) throws SQLException {
        try (var select = connection.prepareStatement(
                "SELECT consecutive_down, first_down_at, last_status FROM probe_state WHERE probe_key = ?")) {
            select.setString(1, "daily/services-up#0@host0");
            try (ResultSet row = select.executeQuery()) {
                row.next();
                assertEquals(consecutiveDown, row.getInt(1));
                assertEquals(
                        firstDownAt,
                        row.getObject(2, java.time.OffsetDateTime.class).toInstant());
                assertEquals(lastStatus, row.getString(3));
            }
        }
        connection.commit();
    }
}
