package dev.rounds.report.rollup;

import static dev.rounds.core.SqlTimestamps.instant;
import static dev.rounds.core.SqlTimestamps.setTimestamp;
import static dev.rounds.core.SqlTimestamps.timestamp;
import static dev.rounds.report.rollup.InListQuery.forEachIn;

import dev.rounds.probe.DownRun;
import dev.rounds.probe.ProbeKey;
import dev.rounds.probe.ProbeStatus;
import dev.rounds.report.rollup.ChunkFold.Coverage;
import dev.rounds.report.rollup.ChunkFold.NewIncident;
import dev.rounds.report.rollup.ChunkFold.ProbeRun;
import dev.rounds.report.rollup.ChunkFold.TargetKey;
import dev.rounds.report.rollup.ChunkFold.UnknownSpan;
import dev.rounds.report.rollup.ChunkFold.ValueKey;
import dev.rounds.report.sla.LatencyHistogram;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * The SQL of the rollup fold, on the caller's connection and transaction: the watermark, the results after it, the
 * stored state of the probes, targets and buckets a chunk touches, and the chunk's outcome written back with one
 * batch of updates and one of inserts per table.
 */
final class RollupStore {

    private static final String LOCK_WATERMARK = "SELECT last_result_id FROM rollup_watermark WHERE id = 1 FOR UPDATE";
    private static final String READ_RESULTS = "SELECT id, probe_key, checklist_id, activity_id, probe_index,"
            + " target_id, started_at, duration_us, status, values_json, message FROM probe_result WHERE id > ?"
            + " ORDER BY id LIMIT ?";
    private static final String TARGET_COLUMNS =
            "up_count, warn_count, down_count, error_count, unknown_count," + " latency, first_at, last_at";
    private static final String VALUE_UPDATE = " SET n = n + ?, total = total + ?,"
            + " min_value = LEAST(min_value, CAST(? AS DOUBLE PRECISION)),"
            + " max_value = GREATEST(max_value, CAST(? AS DOUBLE PRECISION)),"
            + " last_value = CASE WHEN last_at <= ? THEN CAST(? AS DOUBLE PRECISION) ELSE last_value END,"
            + " last_at = CASE WHEN last_at <= ? THEN CAST(? AS TIMESTAMP(6) WITH TIME ZONE) ELSE last_at END"
            + " WHERE probe_key = ? AND value_name = ? AND ";

    private final Connection connection;

    RollupStore(Connection connection) {
        this.connection = connection;
    }

    /** Locks the watermark row until the transaction ends and returns the last result id folded. */
    long lockWatermark() throws SQLException {
        try (Statement lock = connection.createStatement();
                ResultSet row = lock.executeQuery(LOCK_WATERMARK)) {
            row.next();
            return row.getLong(1);
        }
    }

    void moveWatermark(long lastResultId) throws SQLException {
        try (PreparedStatement move =
                connection.prepareStatement("UPDATE rollup_watermark SET last_result_id = ? WHERE id = 1")) {
            move.setLong(1, lastResultId);
            move.executeUpdate();
        }
    }

    /** Up to {@code chunk} results after the watermark, in id order. */
    List<ResultRow> results(long watermark, int chunk) throws SQLException {
        var results = new ArrayList<ResultRow>();
        try (PreparedStatement select = connection.prepareStatement(READ_RESULTS)) {
            select.setLong(1, watermark);
            select.setInt(2, chunk);
            select.setFetchSize(Math.min(chunk, 10_000));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    results.add(new ResultRow(
                            rows.getLong(1),
                            rows.getString(2),
                            new ProbeKey(rows.getString(3), rows.getString(4), rows.getInt(5), rows.getString(6)),
                            rows.getObject(7, OffsetDateTime.class).toInstant(),
                            rows.getLong(8),
                            ProbeStatus.ofLabel(rows.getString(9)),
                            rows.getString(10),
                            rows.getString(11)));
                }
            }
        }
        return results;
    }

    /** The stored runs of the results' probes, by probe key. */
    Map<String, ProbeRun> runs(List<ResultRow> results) throws SQLException {
        Set<String> keys = new HashSet<>();
        results.forEach(result -> keys.add(result.probeKey()));
        Map<String, ProbeRun> runs = new HashMap<>();
        forEachIn(
                connection,
                "SELECT probe_key, consecutive_down, first_down_at, open_incident_id"
                        + " FROM rollup_probe WHERE probe_key IN ",
                keys,
                List.of(),
                rows -> {
                    DownRun downs = new DownRun(rows.getInt(2), instant(rows, 3));
                    long open = rows.getLong(4);
                    Long openId = rows.wasNull() ? null : open;
                    runs.put(rows.getString(1), new ProbeRun(downs, openId, true));
                });
        return runs;
    }

    /** The stored coverage of the results' targets, by target id. */
    Map<String, Coverage> coverage(List<ResultRow> results) throws SQLException {
        Set<String> targets = new HashSet<>();
        results.forEach(result -> targets.add(result.key().targetId()));
        Map<String, Coverage> coverage = new HashMap<>();
        forEachIn(
                connection,
                "SELECT target_id, first_covered_at, covered_until FROM rollup_coverage" + " WHERE target_id IN ",
                targets,
                List.of(),
                rows -> coverage.put(rows.getString(1), new Coverage(instant(rows, 2), instant(rows, 3), true)));
        return coverage;
    }

    /** Adds the stored rows of the target buckets the chunk touched to the chunk's buckets. */
    void addStoredBuckets(ChunkFold fold) throws SQLException {
        addStoredBuckets("rollup_target_hour", "bucket_start", fold.hours());
        addStoredBuckets("rollup_target_day", "bucket_day", fold.days());
    }

    /** Writes the chunk's outcome: buckets, incidents (before the runs that name them), runs, coverage. */
    void write(ChunkFold fold) throws SQLException {
        writeTargetBuckets("rollup_target_hour", "bucket_start", fold.hours());
        writeTargetBuckets("rollup_target_day", "bucket_day", fold.days());
        writeValues("rollup_value_day", "bucket_day", fold.valueDays());
        writeIncidents(fold.opened(), fold.ended());
        writeRuns(fold.runs());
        writeCoverage(fold.coverage(), fold.unknown());
    }

    private void addStoredBuckets(String table, String bucketColumn, Map<TargetKey, TargetBucket> buckets)
            throws SQLException {
        Set<String> targets = new HashSet<>();
        Object first = null;
        Object last = null;
        for (TargetKey key : buckets.keySet()) {
            targets.add(key.targetId());
            if (first == null || compare(key.bucket(), first) < 0) first = key.bucket();
            if (last == null || compare(key.bucket(), last) > 0) last = key.bucket();
        }
        forEachIn(
                connection,
                "SELECT target_id, " + bucketColumn + ", " + TARGET_COLUMNS + " FROM " + table + " WHERE "
                        + bucketColumn + " BETWEEN ? AND ? AND target_id IN ",
                targets,
                List.of(bucket(first), bucket(last)),
                rows -> {
                    Object bucket =
                            bucketColumn.equals("bucket_day") ? rows.getObject(2, LocalDate.class) : instant(rows, 2);
                    TargetBucket found = buckets.get(new TargetKey(rows.getString(1), bucket));
                    if (found == null) return;
                    long[] counts = new long[found.counts.length];
                    for (int i = 0; i < counts.length; i++) counts[i] = rows.getLong(3 + i);
                    found.addStored(
                            counts, LatencyHistogram.decode(rows.getString(8)), instant(rows, 9), instant(rows, 10));
                });
    }

    private void writeTargetBuckets(String table, String bucketColumn, Map<TargetKey, TargetBucket> buckets)
            throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE " + table + " SET up_count = ?,"
                        + " warn_count = ?, down_count = ?, error_count = ?, unknown_count = ?, latency = ?, first_at = ?,"
                        + " last_at = ? WHERE target_id = ? AND " + bucketColumn + " = ?");
                PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " ("
                        + TARGET_COLUMNS + ", target_id, " + bucketColumn
                        + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Map.Entry<TargetKey, TargetBucket> entry : buckets.entrySet()) {
                TargetBucket bucket = entry.getValue();
                PreparedStatement statement = bucket.stored ? update : insert;
                for (int i = 0; i < 5; i++) statement.setLong(1 + i, bucket.counts[i]);
                statement.setString(6, bucket.latency.encode());
                statement.setObject(7, timestamp(bucket.firstAt));
                statement.setObject(8, timestamp(bucket.lastAt));
                statement.setString(9, entry.getKey().targetId());
                statement.setObject(10, bucket(entry.getKey().bucket()));
                statement.addBatch();
            }
            update.executeBatch();
            insert.executeBatch();
        }
    }

    /** Adds to each value's stored row in one batch, then inserts the rows that the update did not find. */
    private void writeValues(String table, String bucketColumn, Map<ValueKey, ValueBucket> buckets)
            throws SQLException {
        if (buckets.isEmpty()) return;
        var entries = new ArrayList<>(buckets.entrySet());
        var missing = new ArrayList<Map.Entry<ValueKey, ValueBucket>>();
        try (PreparedStatement update =
                connection.prepareStatement("UPDATE " + table + VALUE_UPDATE + bucketColumn + " = ?")) {
            for (Map.Entry<ValueKey, ValueBucket> entry : entries) {
                ValueBucket value = entry.getValue();
                OffsetDateTime lastAt = timestamp(value.lastAt);
                update.setLong(1, value.count);
                update.setDouble(2, value.sum);
                update.setDouble(3, value.min);
                update.setDouble(4, value.max);
                update.setObject(5, lastAt);
                update.setDouble(6, value.last);
                update.setObject(7, lastAt);
                update.setObject(8, lastAt);
                update.setString(9, entry.getKey().probeKey());
                update.setString(10, entry.getKey().name());
                update.setObject(11, bucket(entry.getKey().bucket()));
                update.addBatch();
            }
            int[] updated = update.executeBatch();
            for (int i = 0; i < updated.length; i++) {
                if (updated[i] == 0) missing.add(entries.get(i));
            }
        }
        if (missing.isEmpty()) return;
        try (PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " (probe_key,"
                + " value_name, " + bucketColumn + ", checklist_id, activity_id, n, total, min_value, max_value,"
                + " last_value, last_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
            for (Map.Entry<ValueKey, ValueBucket> entry : missing) {
                ValueBucket value = entry.getValue();
                insert.setString(1, entry.getKey().probeKey());
                insert.setString(2, entry.getKey().name());
                insert.setObject(3, bucket(entry.getKey().bucket()));
                insert.setString(4, value.checklistId);
                insert.setString(5, value.activityId);
                insert.setLong(6, value.count);
                insert.setDouble(7, value.sum);
                insert.setDouble(8, value.min);
                insert.setDouble(9, value.max);
                insert.setDouble(10, value.last);
                insert.setObject(11, timestamp(value.lastAt));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private void writeIncidents(List<NewIncident> opened, Map<Long, Instant> ended) throws SQLException {
        if (!opened.isEmpty()) {
            // One at a time: the generated id is needed for the probe's state, and incidents are rare.
            try (PreparedStatement insert = connection.prepareStatement(
                    "INSERT INTO incident (target_id,"
                            + " probe_key, checklist_id, activity_id, continuous, started_at, confirmed_at, ended_at,"
                            + " message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)",
                    new String[] {"id"})) {
                for (NewIncident incident : opened) {
                    ResultRow confirming = incident.confirming;
                    insert.setString(1, confirming.key().targetId());
                    insert.setString(2, confirming.probeKey());
                    insert.setString(3, confirming.key().checklistId());
                    insert.setString(4, confirming.key().activityId());
                    insert.setBoolean(5, incident.continuous);
                    insert.setObject(6, timestamp(incident.startedAt));
                    insert.setObject(7, timestamp(confirming.startedAt()));
                    setTimestamp(insert, 8, incident.endedAt);
                    insert.setString(9, confirming.message());
                    insert.executeUpdate();
                    try (ResultSet key = insert.getGeneratedKeys()) {
                        key.next();
                        incident.id = key.getLong(1);
                    }
                }
            }
        }
        if (ended.isEmpty()) return;
        try (PreparedStatement end = connection.prepareStatement("UPDATE incident SET ended_at = ? WHERE id = ?")) {
            for (Map.Entry<Long, Instant> incident : ended.entrySet()) {
                end.setObject(1, timestamp(incident.getValue()));
                end.setLong(2, incident.getKey());
                end.addBatch();
            }
            end.executeBatch();
        }
    }

    private void writeRuns(Map<String, ProbeRun> runs) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement("UPDATE rollup_probe SET consecutive_down = ?,"
                        + " first_down_at = ?, open_incident_id = ? WHERE probe_key = ?");
                PreparedStatement insert = connection.prepareStatement("INSERT INTO rollup_probe"
                        + " (consecutive_down, first_down_at, open_incident_id, probe_key) VALUES (?, ?, ?, ?)")) {
            for (Map.Entry<String, ProbeRun> entry : runs.entrySet()) {
                ProbeRun run = entry.getValue();
                PreparedStatement statement = run.stored ? update : insert;
                statement.setInt(1, run.downs.downs());
                setTimestamp(statement, 2, run.downs.firstDownAt());
                Long open = run.opened != null ? Long.valueOf(run.opened.id) : run.openId;
                if (open == null) {
                    statement.setNull(3, Types.BIGINT);
                } else {
                    statement.setLong(3, open);
                }
                statement.setString(4, entry.getKey());
                statement.addBatch();
            }
            update.executeBatch();
            insert.executeBatch();
        }
    }

    private void writeCoverage(Map<String, Coverage> coverage, List<UnknownSpan> unknown) throws SQLException {
        try (PreparedStatement update = connection.prepareStatement(
                        "UPDATE rollup_coverage SET" + " first_covered_at = ?, covered_until = ? WHERE target_id = ?");
                PreparedStatement insert = connection.prepareStatement("INSERT INTO rollup_coverage"
                        + " (first_covered_at, covered_until, target_id) VALUES (?, ?, ?)")) {
            for (Map.Entry<String, Coverage> entry : coverage.entrySet()) {
                Coverage target = entry.getValue();
                if (target.coveredUntil == null) continue;
                PreparedStatement statement = target.stored ? update : insert;
                statement.setObject(1, timestamp(target.firstCoveredAt));
                statement.setObject(2, timestamp(target.coveredUntil));
                statement.setString(3, entry.getKey());
                statement.addBatch();
            }
            update.executeBatch();
            insert.executeBatch();
        }
        if (unknown.isEmpty()) return;
        try (PreparedStatement insert = connection.prepareStatement(
                "INSERT INTO rollup_unknown (target_id, started_at, ended_at) VALUES (?, ?, ?)")) {
            for (UnknownSpan span : unknown) {
                insert.setString(1, span.targetId());
                insert.setObject(2, timestamp(span.from()));
                insert.setObject(3, timestamp(span.to()));
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        return ((Comparable) a).compareTo(b);
    }

    private static Object bucket(Object bucket) {
        return bucket instanceof Instant instant ? timestamp(instant) : bucket;
    }
}
