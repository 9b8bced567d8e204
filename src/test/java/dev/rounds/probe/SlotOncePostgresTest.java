package dev.rounds.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import dev.rounds.audit.AuditLog;
import dev.rounds.audit.TestDatabase;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * Two instances' writers on one PostgreSQL database, each with its own connection: a slot of a probe is stored once
 * whichever instance ran it, so a run made twice while the members' views settled neither doubles a row nor counts
 * twice towards {@code confirm}; the batch that met the stored slot keeps its other results and its digest.
 */
class SlotOncePostgresTest {

    private static final ProbeKey KEY = new ProbeKey("daily", "services-up", 0, "host0");
    private static final Instant SLOT = Instant.parse("2026-12-03T10:00:05Z");
    private static final Duration EVERY = Duration.ofSeconds(5);

    private static TestDatabase database;
    private static Connection first;
    private static Connection second;

    @BeforeAll
    static void createDatabase() throws SQLException {
        database = TestDatabase.postgres();
        first = database.dataSource().getConnection();
        second = database.anotherInstance().getConnection();
        first.setAutoCommit(false);
        second.setAutoCommit(false);
    }

    @AfterAll
    static void dropDatabase() throws Exception {
        if (first != null) first.close();
        if (second != null) second.close();
        if (database != null) database.close();
    }

    @Test
    void aSlotRunTwiceIsStoredOnceAndCountedOnceTowardsConfirm() throws Exception {
        var digests = new CopyOnWriteArrayList<Map<String, Object>>();
        var firstMetrics = new SimpleMeterRegistry();
        var secondMetrics = new SimpleMeterRegistry();
        ResultWriter a = writer(first, digests, firstMetrics);
        ResultWriter b = writer(second, digests, secondMetrics);

        a.submit(down(0), SLOT);
        a.submit(down(1), SLOT.plus(EVERY));
        a.flush();
        assertEquals(2, consecutiveDown(), "two slots down");

        b.submit(down(1), SLOT.plus(EVERY));
        b.submit(up(2), SLOT.plus(EVERY.multipliedBy(2)));
        b.submit(new ProbeResult(
                new ProbeKey("daily", "backups", 0, "host0"),
                "tcp",
                SLOT,
                Duration.ofMillis(1),
                ProbeStatus.UP,
                Map.of(),
                List.of(),
                "once per occurrence"));
        b.flush();

        assertEquals(
                1.0, secondMetrics.counter("rounds.probe.results.duplicate").count());
        assertEquals(0.0, secondMetrics.counter("rounds.probe.results.lost").count(), "nothing else was lost");
        assertEquals(4, count("SELECT count(*) FROM probe_result"), "three slots of one probe and one other result");
        assertEquals(
                0,
                count("SELECT count(*) FROM (SELECT probe_key, slot_at FROM probe_result WHERE slot_at IS NOT NULL"
                        + " GROUP BY probe_key, slot_at HAVING count(*) > 1) twice"));
        assertEquals(0, consecutiveDown(), "the up of the third slot ended the run");
        assertEquals(2, digests.size(), "one digest per stored batch, none for the refused attempt");
        for (var detail : digests) {
            assertEquals(
                    StoredResults.digest(first, (Long) detail.get("first_id"), (Long) detail.get("last_id")),
                    detail,
                    "each digest covers exactly the rows its batch stored");
        }
        first.commit();

        b.submit(down(3), SLOT.plus(EVERY.multipliedBy(3)));
        b.submit(down(3), SLOT.plus(EVERY.multipliedBy(3)));
        b.flush();
        assertEquals(1, consecutiveDown(), "the same slot twice in one batch counts once");
        assertEquals(0.0, secondMetrics.counter("rounds.probe.results.lost").count(), "and neither is lost");
    }

    private static ResultWriter writer(
            Connection connection, List<Map<String, Object>> digests, SimpleMeterRegistry metrics) {
        AuditLog audit = (actor, action, subject, detail) -> {
            digests.add(detail);
            return digests.size();
        };
        return new ResultWriter(
                work -> {
                    int before = digests.size();
                    try {
                        work.run(connection);
                        connection.commit();
                    } catch (SQLException | RuntimeException failure) {
                        try {
                            connection.rollback();
                        } catch (SQLException ignored) {
                            // the failure below says what happened
                        }
                        while (digests.size() > before) digests.remove(digests.size() - 1);
                        throw new IllegalStateException(failure.getMessage(), failure);
                    }
                },
                audit,
                1000,
                Duration.ofSeconds(1),
                1000,
                metrics);
    }

    private static ProbeResult down(int slot) {
        return result(slot, ProbeStatus.DOWN);
    }

    private static ProbeResult up(int slot) {
        return result(slot, ProbeStatus.UP);
    }

    private static ProbeResult result(int slot, ProbeStatus status) {
        return new ProbeResult(
                KEY,
                "tcp",
                SLOT.plus(EVERY.multipliedBy(slot)).plusMillis(3),
                Duration.ofMillis(1),
                status,
                Map.of(),
                List.of(),
                status.label());
    }

    private static int consecutiveDown() throws SQLException {
        return count("SELECT consecutive_down FROM probe_state WHERE probe_key = '" + KEY + "'");
    }

    private static int count(String sql) throws SQLException {
        try (var statement = first.createStatement();
                ResultSet row = statement.executeQuery(sql)) {
            row.next();
            int value = row.getInt(1);
            first.commit();
            return value;
        }
    }
}
