package dev.rounds.report.rollup;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rounds.checklist.ProbeSpec;
import dev.rounds.probe.DownRun;
import dev.rounds.probe.ProbeKey;
import dev.rounds.probe.ProbeStatus;
import dev.rounds.probe.ResultWriter;
import dev.rounds.report.sla.LatencyHistogram;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Statement;
import java.sql.Types;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.Function;

/**
 * Folds the next chunk of {@code probe_result} rows after the watermark into the rollup tables, on the caller's
 * connection and transaction. All state lives in the tables, so a fold resumed after a restart, or split into
 * smaller chunks, gives the same rollups. Each chunk is folded in memory and written with one statement per
 * bucket, probe and target it touched.
 */
public final class RollupFold {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** Targets or probe keys per {@code IN} list. */
    private static final int IN_LIST = 500;

    private static final String LOCK_WATERMARK =
            "SELECT last_result_id FROM rollup_watermark WHERE id = 1 FOR UPDATE";
    private static final String READ_RESULTS = "SELECT id, probe_key, checklist_id, activity_id, probe_index,"
            + " target_id, started_at, duration_us, status, values_json, message FROM probe_result WHERE id > ?"
            + " ORDER BY id LIMIT ?";
    private static final String TARGET_COLUMNS = "up_count, warn_count, down_count, error_count, unknown_count,"
            + " latency, first_at, last_at";
    private static final String VALUE_UPDATE = " SET n = n + ?, total = total + ?,"
            + " min_value = LEAST(min_value, CAST(? AS DOUBLE PRECISION)),"
            + " max_value = GREATEST(max_value, CAST(? AS DOUBLE PRECISION)),"
            + " last_value = CASE WHEN last_at <= ? THEN CAST(? AS DOUBLE PRECISION) ELSE last_value END,"
            + " last_at = CASE WHEN last_at <= ? THEN CAST(? AS TIMESTAMP(6) WITH TIME ZONE) ELSE last_at END"
            + " WHERE probe_key = ? AND value_name = ? AND ";

    private final int chunk;
    private final ZoneId zone;
    private final Function<ProbeKey, ProbeSpec> specs;
    private final Clock clock;
    private final Duration settle;
    /** The first id block missing after the watermark, by when this fold first saw it missing. */
    private final Map<Long, Instant> gapsSeen = new ConcurrentHashMap<>();

    /**
     * @param specs the probe a result's key names as now configured, or {@code null} when it no longer exists
     * @param settle how long a missing block of result ids holds the fold back before it is taken as never coming
     */
    public RollupFold(int chunk, ZoneId zone, Function<ProbeKey, ProbeSpec> specs, Clock clock, Duration settle) {
        if (chunk < 1) throw new IllegalArgumentException("rounds.rollup.chunk must be at least 1, got " + chunk);
        this.chunk = chunk;
        this.zone = zone;
        this.specs = specs;
        this.clock = clock;
        this.settle = settle;
    }

    /** Folds up to one chunk of new results and moves the watermark past them; returns how many were folded. */
    public int foldNextChunk(Connection connection) throws SQLException {
        long watermark;
        try (Statement lock = connection.createStatement(); ResultSet row = lock.executeQuery(LOCK_WATERMARK)) {
            row.next();
            watermark = row.getLong(1);
        }
        List<Result> results = read(connection, watermark);
        results = results.subList(0, settled(results, watermark));
        if (results.isEmpty()) return 0;
        new Chunk(connection, results).fold();
        try (PreparedStatement move = connection.prepareStatement(
                "UPDATE rollup_watermark SET last_result_id = ? WHERE id = 1")) {
            move.setLong(1, results.get(results.size() - 1).id);
            move.executeUpdate();
        }
        return results.size();
    }

    /**
     * How many of the results can be folded now. Each batch of results takes its own block of ids, and with several
     * instances writing, a later block can commit before an earlier one: a block missing after the watermark may
     * still arrive, and moving the watermark past it would leave it out of the rollups for good. So the fold stops
     * before a missing block until it has been missing for {@code settle}; then it takes it as rolled back.
     */
    private int settled(List<Result> results, long watermark) {
        long folded = block(watermark);
        gapsSeen.keySet().removeIf(missing -> missing <= folded);
        long block = folded;
        for (int i = 0; i < results.size(); i++) {
            long next = block(results.get(i).id);
            if (next > block + 1) {
                Instant seen = gapsSeen.computeIfAbsent(block + 1, missing -> clock.instant());
                if (clock.instant().isBefore(seen.plus(settle))) return i;
            }
            block = next;
        }
        return results.size();
    }

    private static long block(long id) {
        return Math.floorDiv(id - 1, ResultWriter.ID_BLOCK);
    }

    private List<Result> read(Connection connection, long watermark) throws SQLException {
        var results = new ArrayList<Result>();
        try (PreparedStatement select = connection.prepareStatement(READ_RESULTS)) {
            select.setLong(1, watermark);
            select.setInt(2, chunk);
            select.setFetchSize(Math.min(chunk, 10_000));
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    results.add(new Result(rows.getLong(1), rows.getString(2),
                            new ProbeKey(rows.getString(3), rows.getString(4), rows.getInt(5), rows.getString(6)),
                            rows.getObject(7, OffsetDateTime.class).toInstant(), rows.getLong(8), rows.getString(9),
                            rows.getString(10), rows.getString(11)));
                }
            }
        }
        return results;
    }

    private record Result(long id, String probeKey, ProbeKey key, Instant startedAt, long durationUs, String status,
            String valuesJson, String message) {
    }

    /** A target's bucket: counts, latency, first and last result. */
    private static final class TargetBucket {
        final long[] counts = new long[5];
        LatencyHistogram latency = new LatencyHistogram();
        Instant firstAt;
        Instant lastAt;
        boolean stored;

        void add(Result result, ProbeStatus status) {
            // counts holds the columns up_count to unknown_count, in the order of ProbeStatus.
            counts[status.ordinal()]++;
            if (status != ProbeStatus.ERROR) latency.recordMicros(result.durationUs);
            if (firstAt == null || result.startedAt.isBefore(firstAt)) firstAt = result.startedAt;
            if (lastAt == null || result.startedAt.isAfter(lastAt)) lastAt = result.startedAt;
        }
    }

    /** A numeric value's bucket as the chunk adds to it. */
    private static final class ValueBucket {
        final String checklistId;
        final String activityId;
        long count;
        double sum;
        double min = Double.POSITIVE_INFINITY;
        double max = Double.NEGATIVE_INFINITY;
        double last;
        Instant lastAt;

        ValueBucket(ProbeKey key) {
            this.checklistId = key.checklistId();
            this.activityId = key.activityId();
        }

        void add(double value, Instant at) {
            count++;
            sum += value;
            min = Math.min(min, value);
            max = Math.max(max, value);
            if (lastAt == null || !at.isBefore(lastAt)) {
                last = value;
                lastAt = at;
            }
        }
    }

    private record UnknownSpan(String targetId, Instant from, Instant to) {
    }

    private record TargetKey(String targetId, Object bucket) {
    }

    private record ValueKey(String probeKey, String name, Object bucket) {
    }

    /** An incident this chunk opened, written when the chunk is. */
    private static final class NewIncident {
        final Result confirming;
        final Instant startedAt;
        final boolean continuous;
        Instant endedAt;
        long id;

        NewIncident(Result confirming, Instant startedAt, boolean continuous) {
            this.confirming = confirming;
            this.startedAt = startedAt;
            this.continuous = continuous;
        }
    }

    /** A probe's run of downs; {@code openId} or {@code opened} is its open incident. */
    private static final class ProbeRun {
        DownRun downs = new DownRun();
        Long openId;
        NewIncident opened;
        boolean stored;
    }

    private static final class Coverage {
        Instant firstCoveredAt;
        Instant coveredUntil;
        boolean stored;
    }

    /** One chunk's fold: its state loaded for the keys it touches, changed in memory, then written. */
    private final class Chunk {
        final Connection connection;
        final List<Result> results;
        final Map<TargetKey, TargetBucket> hours = new HashMap<>();
        final Map<TargetKey, TargetBucket> days = new HashMap<>();
        final Map<ValueKey, ValueBucket> valueHours = new HashMap<>();
        final Map<ValueKey, ValueBucket> valueDays = new HashMap<>();
        final Map<String, ProbeRun> runs = new HashMap<>();
        final Map<String, Coverage> coverage = new HashMap<>();
        final List<NewIncident> opened = new ArrayList<>();
        final Map<Long, Instant> ended = new LinkedHashMap<>();
        final List<UnknownSpan> unknown = new ArrayList<>();
        final Map<ProbeKey, ProbeSpec> specCache = new HashMap<>();

        Chunk(Connection connection, List<Result> results) {
            this.connection = connection;
            this.results = results;
        }

        void fold() throws SQLException {
            loadRuns();
            loadCoverage();
            for (Result result : results) {
                ProbeStatus status = ProbeStatus.ofLabel(result.status);
                Instant hour = result.startedAt.truncatedTo(ChronoUnit.HOURS);
                LocalDate day = LocalDate.ofInstant(result.startedAt, zone);
                hours.computeIfAbsent(new TargetKey(result.key.targetId(), hour), k -> new TargetBucket())
                        .add(result, status);
                days.computeIfAbsent(new TargetKey(result.key.targetId(), day), k -> new TargetBucket())
                        .add(result, status);
                foldValues(result, hour, day);
                ProbeSpec spec = specCache.computeIfAbsent(result.key, specs::apply);
                foldRun(result, status, spec);
                if (spec != null && spec.isContinuous() && status.judgesTarget()) foldCoverage(result, spec.every());
            }
            loadTargetBuckets("rollup_target_hour", "bucket_start", hours);
            loadTargetBuckets("rollup_target_day", "bucket_day", days);
            writeTargetBuckets("rollup_target_hour", "bucket_start", hours);
            writeTargetBuckets("rollup_target_day", "bucket_day", days);
            writeValues("rollup_value_hour", "bucket_start", valueHours);
            writeValues("rollup_value_day", "bucket_day", valueDays);
            writeIncidents();
            writeRuns();
            writeCoverage();
        }

        private void foldValues(Result result, Instant hour, LocalDate day) {
            if (result.valuesJson.indexOf(':') < 0) return;
            JsonNode values;
            try {
                values = JSON.readTree(result.valuesJson);
            } catch (JsonProcessingException unreadable) {
                return;
            }
            for (Iterator<Map.Entry<String, JsonNode>> fields = values.fields(); fields.hasNext(); ) {
                Map.Entry<String, JsonNode> field = fields.next();
                if (!field.getValue().isNumber() || field.getKey().length() > 200) continue;
                double value = field.getValue().doubleValue();
                valueHours.computeIfAbsent(new ValueKey(result.probeKey, field.getKey(), hour),
                        k -> new ValueBucket(result.key)).add(value, result.startedAt);
                valueDays.computeIfAbsent(new ValueKey(result.probeKey, field.getKey(), day),
                        k -> new ValueBucket(result.key)).add(value, result.startedAt);
            }
        }

        private void foldRun(Result result, ProbeStatus status, ProbeSpec spec) {
            ProbeRun run = runs.computeIfAbsent(result.probeKey, k -> new ProbeRun());
            boolean open = run.openId != null || run.opened != null;
            // Once an incident is open, its run stays at the downs that confirmed it until an up or warn ends both.
            if (status == ProbeStatus.DOWN && open) return;
            run.downs.add(status, result.startedAt);
            if (status == ProbeStatus.DOWN) {
                int confirm = spec != null ? spec.confirm() : ProbeSpec.DEFAULT_CONFIRM;
                if (run.downs.downs() >= confirm) {
                    run.opened = new NewIncident(result, run.downs.firstDownAt(), spec != null && spec.isContinuous());
                    opened.add(run.opened);
                }
            } else if (status.isAvailable()) {
                if (run.opened != null) run.opened.endedAt = result.startedAt;
                if (run.openId != null) ended.put(run.openId, result.startedAt);
                run.opened = null;
                run.openId = null;
            }
        }

        private void foldCoverage(Result result, Duration every) {
            Instant until = result.startedAt.plus(every.multipliedBy(2));
            Coverage target = coverage.computeIfAbsent(result.key.targetId(), k -> new Coverage());
            if (target.coveredUntil == null) {
                target.firstCoveredAt = result.startedAt;
                target.coveredUntil = until;
                return;
            }
            if (result.startedAt.isAfter(target.coveredUntil)) {
                unknown.add(new UnknownSpan(result.key.targetId(), target.coveredUntil, result.startedAt));
            }
            if (result.startedAt.isBefore(target.firstCoveredAt)) target.firstCoveredAt = result.startedAt;
            if (until.isAfter(target.coveredUntil)) target.coveredUntil = until;
        }

        private void loadRuns() throws SQLException {
            Set<String> keys = new HashSet<>();
            results.forEach(result -> keys.add(result.probeKey));
            forEachIn("SELECT probe_key, consecutive_down, first_down_at, open_incident_id FROM rollup_probe"
                    + " WHERE probe_key IN ", keys, rows -> {
                ProbeRun run = new ProbeRun();
                run.downs = new DownRun(rows.getInt(2), instant(rows, 3));
                long open = rows.getLong(4);
                run.openId = rows.wasNull() ? null : open;
                run.stored = true;
                runs.put(rows.getString(1), run);
            });
        }

        private void loadCoverage() throws SQLException {
            Set<String> targets = new HashSet<>();
            results.forEach(result -> targets.add(result.key.targetId()));
            forEachIn("SELECT target_id, first_covered_at, covered_until FROM rollup_coverage WHERE target_id IN ",
                    targets, rows -> {
                        Coverage target = new Coverage();
                        target.firstCoveredAt = instant(rows, 2);
                        target.coveredUntil = instant(rows, 3);
                        target.stored = true;
                        coverage.put(rows.getString(1), target);
                    });
        }

        /** Merges the stored rows of the buckets this chunk touches into the chunk's buckets. */
        private void loadTargetBuckets(String table, String bucketColumn, Map<TargetKey, TargetBucket> buckets)
                throws SQLException {
            Set<String> targets = new HashSet<>();
            Object first = null;
            Object last = null;
            for (TargetKey key : buckets.keySet()) {
                targets.add(key.targetId);
                if (first == null || compare(key.bucket, first) < 0) first = key.bucket;
                if (last == null || compare(key.bucket, last) > 0) last = key.bucket;
            }
            Object from = first;
            Object to = last;
            forEachIn("SELECT target_id, " + bucketColumn + ", " + TARGET_COLUMNS + " FROM " + table + " WHERE "
                    + bucketColumn + " BETWEEN ? AND ? AND target_id IN ", targets, List.of(bucket(from), bucket(to)),
                    rows -> {
                        Object bucket = bucketColumn.equals("bucket_day") ? rows.getObject(2, LocalDate.class)
                                : instant(rows, 2);
                        TargetBucket found = buckets.get(new TargetKey(rows.getString(1), bucket));
                        if (found == null) return;
                        for (int i = 0; i < 5; i++) found.counts[i] += rows.getLong(3 + i);
                        found.latency.merge(LatencyHistogram.decode(rows.getString(8)));
                        Instant firstAt = instant(rows, 9);
                        Instant lastAt = instant(rows, 10);
                        if (firstAt.isBefore(found.firstAt)) found.firstAt = firstAt;
                        if (lastAt.isAfter(found.lastAt)) found.lastAt = lastAt;
                        found.stored = true;
                    });
        }

        private void writeTargetBuckets(String table, String bucketColumn, Map<TargetKey, TargetBucket> buckets)
                throws SQLException {
            try (PreparedStatement update = connection.prepareStatement("UPDATE " + table + " SET up_count = ?,"
                    + " warn_count = ?, down_count = ?, error_count = ?, unknown_count = ?, latency = ?, first_at = ?,"
                    + " last_at = ? WHERE target_id = ? AND " + bucketColumn + " = ?");
                    PreparedStatement insert = connection.prepareStatement("INSERT INTO " + table + " ("
                            + TARGET_COLUMNS + ", target_id, " + bucketColumn + ") VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)")) {
                for (Map.Entry<TargetKey, TargetBucket> entry : buckets.entrySet()) {
                    TargetBucket bucket = entry.getValue();
                    PreparedStatement statement = bucket.stored ? update : insert;
                    for (int i = 0; i < 5; i++) statement.setLong(1 + i, bucket.counts[i]);
                    statement.setString(6, bucket.latency.encode());
                    statement.setObject(7, timestamp(bucket.firstAt));
                    statement.setObject(8, timestamp(bucket.lastAt));
                    statement.setString(9, entry.getKey().targetId);
                    statement.setObject(10, bucket(entry.getKey().bucket));
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
            try (PreparedStatement update = connection.prepareStatement(
                    "UPDATE " + table + VALUE_UPDATE + bucketColumn + " = ?")) {
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
                    update.setString(9, entry.getKey().probeKey);
                    update.setString(10, entry.getKey().name);
                    update.setObject(11, bucket(entry.getKey().bucket));
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
                    insert.setString(1, entry.getKey().probeKey);
                    insert.setString(2, entry.getKey().name);
                    insert.setObject(3, bucket(entry.getKey().bucket));
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

        private void writeIncidents() throws SQLException {
            if (!opened.isEmpty()) {
                // One at a time: the generated id is needed for the probe's state, and incidents are rare.
                try (PreparedStatement insert = connection.prepareStatement("INSERT INTO incident (target_id,"
                        + " probe_key, checklist_id, activity_id, continuous, started_at, confirmed_at, ended_at,"
                        + " message) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)", new String[] {"id"})) {
                    for (NewIncident incident : opened) {
                        Result confirming = incident.confirming;
                        insert.setString(1, confirming.key.targetId());
                        insert.setString(2, confirming.probeKey);
                        insert.setString(3, confirming.key.checklistId());
                        insert.setString(4, confirming.key.activityId());
                        insert.setBoolean(5, incident.continuous);
                        insert.setObject(6, timestamp(incident.startedAt));
                        insert.setObject(7, timestamp(confirming.startedAt));
                        setTimestamp(insert, 8, incident.endedAt);
                        insert.setString(9, confirming.message);
                        insert.executeUpdate();
                        try (ResultSet key = insert.getGeneratedKeys()) {
                            key.next();
                            incident.id = key.getLong(1);
                        }
                    }
                }
            }
            if (ended.isEmpty()) return;
            try (PreparedStatement end = connection.prepareStatement(
                    "UPDATE incident SET ended_at = ? WHERE id = ?")) {
                for (Map.Entry<Long, Instant> incident : ended.entrySet()) {
                    end.setObject(1, timestamp(incident.getValue()));
                    end.setLong(2, incident.getKey());
                    end.addBatch();
                }
                end.executeBatch();
            }
        }

        private void writeRuns() throws SQLException {
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

        private void writeCoverage() throws SQLException {
            try (PreparedStatement update = connection.prepareStatement("UPDATE rollup_coverage SET"
                    + " first_covered_at = ?, covered_until = ? WHERE target_id = ?");
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
                    insert.setString(1, span.targetId);
                    insert.setObject(2, timestamp(span.from));
                    insert.setObject(3, timestamp(span.to));
                    insert.addBatch();
                }
                insert.executeBatch();
            }
        }

        private void forEachIn(String sql, Collection<String> keys, RowReader reader) throws SQLException {
            forEachIn(sql, keys, List.of(), reader);
        }

        /** Runs {@code sql} ending in {@code IN } for the keys, {@value #IN_LIST} at a time, after other parameters. */
        private void forEachIn(String sql, Collection<String> keys, List<Object> before, RowReader reader)
                throws SQLException {
            var all = new ArrayList<>(keys);
            for (int from = 0; from < all.size(); from += IN_LIST) {
                List<String> part = all.subList(from, Math.min(all.size(), from + IN_LIST));
                String marks = "(" + String.join(", ", Collections.nCopies(part.size(), "?")) + ")";
                try (PreparedStatement select = connection.prepareStatement(sql + marks)) {
                    int index = 1;
                    for (Object parameter : before) select.setObject(index++, parameter);
                    for (String key : part) select.setString(index++, key);
                    try (ResultSet rows = select.executeQuery()) {
                        while (rows.next()) reader.read(rows);
                    }
                }
            }
        }
    }

    @FunctionalInterface
    private interface RowReader {
        void read(ResultSet rows) throws SQLException;
    }

    @SuppressWarnings({"unchecked", "rawtypes"})
    private static int compare(Object a, Object b) {
        return ((Comparable) a).compareTo(b);
    }

    private static Object bucket(Object bucket) {
        return bucket instanceof Instant instant ? timestamp(instant) : bucket;
    }

    static OffsetDateTime timestamp(Instant instant) {
        return OffsetDateTime.ofInstant(instant, ZoneOffset.UTC);
    }

    static Instant instant(ResultSet rows, int column) throws SQLException {
        OffsetDateTime value = rows.getObject(column, OffsetDateTime.class);
        return value == null ? null : value.toInstant();
    }

    private static void setTimestamp(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, timestamp(instant));
        }
    }
}
