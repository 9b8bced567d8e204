package dev.rounds.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rounds.SharedChecklistsProfile;
import dev.rounds.audit.AuditDetail;
import dev.rounds.audit.AuditEntries;
import dev.rounds.audit.AuditLog;
import dev.rounds.audit.ChainedAuditLog;
import dev.rounds.audit.RefusedAppend;
import dev.rounds.audit.ResultDigest;
import dev.rounds.checklist.ConditionOutcome;
import io.micrometer.core.instrument.simple.SimpleMeterRegistry;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.sql.Connection;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import javax.sql.DataSource;
import org.junit.jupiter.api.Test;

/** Batches of results in the real H2 database, anchored in the audit log by a digest that can be recomputed. */
@QuarkusTest
@TestProfile(SharedChecklistsProfile.class)
class ResultWriterTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant START = Instant.parse("2026-11-26T08:19:19.123456789Z");

    @Inject
    ResultWriter writer;

    @Inject
    ChainedAuditLog audit;

    @Inject
    DataSource dataSource;

    private static ProbeResult result(String checklist, String target, int second, ProbeStatus status) {
        return new ProbeResult(
                new ProbeKey(checklist, "services-up", 0, target),
                "http",
                START.plusSeconds(second),
                Duration.ofNanos(812_345_678),
                status,
                Map.of("status", 200, "response_time", Duration.ofNanos(812_500), "body", "ok"),
                List.of(new ConditionOutcome("status (200) == 200", true)),
                status + " at " + second);
    }

    private static String uniqueChecklist() {
        return "c" + UUID.randomUUID().toString().substring(0, 8);
    }

    private long rows(String checklist) throws SQLException {
        try (Connection c = dataSource.getConnection();
                var select = c.prepareStatement("SELECT COUNT(*) FROM probe_result WHERE checklist_id = ?")) {
            select.setString(1, checklist);
            try (ResultSet rows = select.executeQuery()) {
                rows.next();
                return rows.getLong(1);
            }
        }
    }

    private Map<String, Object> recomputed(long firstId, long lastId) throws Exception {
        try (Connection c = dataSource.getConnection()) {
            return StoredResults.digest(c, firstId, lastId);
        }
    }

    private List<AuditEntries.Entry> digestsSince(long before) {
        return AuditEntries.after(audit, before).stream()
                .filter(entry -> entry.action().equals(ResultDigest.ACTION))
                .toList();
    }

    @Test
    void resultsAreWrittenInBatchesEachAnchoredByADigestOfTheRowsAsStored() throws Exception {
        String checklist = uniqueChecklist();
        long before = AuditEntries.head(dataSource);
        for (int i = 0; i < 2500; i++) writer.submit(result(checklist, "t" + (i % 300), i, ProbeStatus.UP));

        writer.flush();

        assertEquals(2500, rows(checklist));
        var digests = digestsSince(before);
        assertTrue(digests.size() >= 3, "2500 results in batches of at most 1000 need three or more");
        long counted = 0;
        for (var entry : digests) {
            assertEquals(AuditLog.SYSTEM, entry.actor());
            assertEquals(ResultDigest.SUBJECT, entry.subject());
            long first = ((Number) entry.detail().get("first_id")).longValue();
            long last = ((Number) entry.detail().get("last_id")).longValue();
            assertTrue(((Number) entry.detail().get("count")).longValue() <= 1000);
            assertEquals(AuditDetail.canonical(recomputed(first, last)), entry.canonicalDetail());
            counted += ((Number) entry.detail().get("count")).longValue();
        }
        assertEquals(2500, counted);
    }

    @Test
    void storedValuesFollowTheConvention() throws Exception {
        String checklist = uniqueChecklist();
        writer.submit(result(checklist, "host01", 0, ProbeStatus.UP));
        writer.flush();

        try (Connection c = dataSource.getConnection();
                var select = c.prepareStatement(
                        "SELECT started_at, duration_us, status, values_json, conditions_json FROM probe_result"
                                + " WHERE checklist_id = ?")) {
            select.setString(1, checklist);
            try (ResultSet row = select.executeQuery()) {
                row.next();
                assertEquals(
                        Instant.parse("2026-11-26T08:19:19.123456Z"),
                        row.getObject(1, OffsetDateTime.class).toInstant());
                assertEquals(812_345, row.getLong(2));
                assertEquals("up", row.getString(3));
                Map<String, Object> values = JSON.readValue(row.getString(4), new TypeReference<>() {});
                assertEquals(0.8125, values.get("response_time"), "durations are stored as milliseconds");
                assertEquals(200, values.get("status"));
                assertEquals("[{\"text\":\"status (200) == 200\",\"holds\":true}]", row.getString(5));
            }
        }
    }

    @Test
    void probeStateCountsConsecutiveDownsFromTheFirstOne() throws Exception {
        String checklist = uniqueChecklist();
        writer.submit(result(checklist, "host01", 1, ProbeStatus.UP));
        writer.submit(result(checklist, "host01", 2, ProbeStatus.DOWN));
        writer.flush();
        writer.submit(result(checklist, "host01", 3, ProbeStatus.DOWN));
        writer.submit(result(checklist, "host01", 4, ProbeStatus.ERROR));
        writer.flush();

        Object[] state = state(checklist + "/services-up#0@host01");
        assertEquals("error", state[0]);
        assertEquals(2, state[1], "Rounds' own error neither adds to nor ends a run of downs");
        assertEquals(START.plusSeconds(2).truncatedTo(java.time.temporal.ChronoUnit.MICROS), state[2]);
        assertEquals("ERROR at 4", state[3]);

        writer.submit(result(checklist, "host01", 5, ProbeStatus.UP));
        writer.flush();

        state = state(checklist + "/services-up#0@host01");
        assertEquals("up", state[0]);
        assertEquals(0, state[1]);
        assertNull(state[2]);
    }

    @Test
    void aBatchHoldingDownsIsToldOnceCommittedAndABatchOfUpsIsNot() throws Exception {
        String checklist = uniqueChecklist();
        var told = new ArrayList<DownsWritten>();
        try (Connection connection = dataSource.getConnection()) {
            connection.setAutoCommit(false);
            var own = new ResultWriter(
                    ProbeThroughputBenchmark.plainJdbc(connection),
                    (actor, action, subject, detail) -> 0L,
                    1000,
                    Duration.ofSeconds(1),
                    100,
                    new SimpleMeterRegistry(),
                    told::add);
            own.submit(result(checklist, "host01", 1, ProbeStatus.UP));
            own.flush();
            assertEquals(List.of(), told);

            own.submit(result(checklist, "host01", 2, ProbeStatus.DOWN));
            own.submit(result(checklist, "host02", 2, ProbeStatus.DOWN));
            own.submit(result(checklist, "host03", 2, ProbeStatus.UP));
            own.flush();
            assertEquals(List.of(new DownsWritten(2)), told);
            assertEquals("down", state(checklist + "/services-up#0@host02")[0], "told after the commit");
        }
    }

    private Object[] state(String key) throws SQLException {
        try (Connection c = dataSource.getConnection();
                var select = c.prepareStatement(
                        "SELECT last_status, consecutive_down, first_down_at, last_message FROM probe_state"
                                + " WHERE probe_key = ?")) {
            select.setString(1, key);
            try (ResultSet row = select.executeQuery()) {
                assertTrue(row.next(), "no probe_state row for " + key);
                OffsetDateTime firstDown = row.getObject(3, OffsetDateTime.class);
                return new Object[] {
                    row.getString(1), row.getInt(2), firstDown == null ? null : firstDown.toInstant(), row.getString(4)
                };
            }
        }
    }

    @Test
    void aFailedBatchIsRolledBackWholeAndWrittenOnceOnRetry() throws Exception {
        String checklist = uniqueChecklist();
        long before = AuditEntries.head(dataSource);
        var batch = new ArrayList<ProbeResult>();
        for (int i = 0; i < 50; i++) batch.add(result(checklist, "t" + i, i, ProbeStatus.UP));
        try (RefusedAppend.Armed refused = RefusedAppend.next(dataSource, ResultDigest.ACTION)) {
            batch.forEach(writer::submit);
            writer.flush();
            assertFalse(refused.pending(), "the first attempt's audit entry was refused");
        }

        assertEquals(50, rows(checklist), "the first attempt's rows were rolled back with its audit entry");
        var digests = digestsSince(before);
        long counted = digests.stream()
                .mapToLong(e -> ((Number) e.detail().get("count")).longValue())
                .sum();
        assertEquals(50, counted);
    }
}
