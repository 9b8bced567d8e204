package dev.rounds.probe;

import static dev.rounds.core.SqlTimestamps.instant;
import static dev.rounds.core.SqlTimestamps.setTimestamp;
import static dev.rounds.core.SqlTimestamps.timestamp;

import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Types;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;

/**
 * The SQL of the result writer, on the caller's connection and transaction: a block of ids from
 * {@code probe_result_id_seq}, one JDBC batch insert of the results, and {@code probe_state} brought up to date
 * with one batch update and one batch insert of the rows the update did not find.
 */
final class ResultStore {

    private static final String INSERT_RESULT = "INSERT INTO probe_result (id, probe_key, checklist_id, activity_id,"
            + " probe_index, target_id, type, started_at, duration_us, status, values_json, conditions_json, message,"
            + " slot_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    private static final String INSERT_STATE = "INSERT INTO probe_state (last_status, last_result_id,"
            + " last_started_at, consecutive_down, first_down_at, last_message, answered, setup_kind, setup_fix,"
            + " probe_key, checklist_id, activity_id, probe_index, target_id)"
            + " VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?, ?)";
    /**
     * Folds a batch's results for one probe into its row in one statement, so that no read or row lock comes
     * first: the right-hand sides see the row as it was. Parameters 4 and 6 say whether an up or warn result ended
     * the run of downs; 5 is the first down of the run the batch ends with, 7 how many downs that run has; 9 whether
     * the batch holds an answer; 10 to 14 the last result's setup need, dropped by 10 (it lapses at the first answer)
     * when the target has answered before or in the batch.
     */
    private static final String UPDATE_STATE = "UPDATE probe_state SET last_status = ?, last_result_id = ?,"
            + " last_started_at = ?,"
            + " first_down_at = CASE WHEN ? OR consecutive_down = 0 THEN CAST(? AS TIMESTAMP(6) WITH TIME ZONE)"
            + " ELSE first_down_at END,"
            + " consecutive_down = CASE WHEN ? THEN 0 ELSE consecutive_down END + ?,"
            + " last_message = ?, answered = answered OR ?,"
            + " setup_kind = CASE WHEN ? AND (answered OR ?) THEN NULL ELSE ? END,"
            + " setup_fix = CASE WHEN ? AND (answered OR ?) THEN NULL ELSE ? END"
            + " WHERE probe_key = ?";

    private volatile String nextIdSql;

    /** Takes the next block of {@link ResultWriter#ID_BLOCK} ids and returns its first. */
    long nextBlock(Connection connection) throws SQLException {
        if (nextIdSql == null) {
            nextIdSql = connection
                            .getMetaData()
                            .getDatabaseProductName()
                            .toLowerCase(Locale.ROOT)
                            .contains("postgres")
                    ? "SELECT nextval('probe_result_id_seq')"
                    : "SELECT NEXT VALUE FOR probe_result_id_seq";
        }
        try (var statement = connection.createStatement();
                ResultSet next = statement.executeQuery(nextIdSql)) {
            next.next();
            return next.getLong(1);
        }
    }

    /** Inserts the results under consecutive ids from {@code firstId}, in one batch. */
    void insert(Connection connection, long firstId, List<StoredResult> batch) throws SQLException {
        try (PreparedStatement insert = connection.prepareStatement(INSERT_RESULT)) {
            long id = firstId;
            for (StoredResult result : batch) {
                ProbeKey key = result.key();
                insert.setLong(1, id++);
                insert.setString(2, result.probe());
                insert.setString(3, key.checklistId());
                insert.setString(4, key.activityId());
                insert.setInt(5, key.probeIndex());
                insert.setString(6, key.targetId());
                insert.setString(7, result.result().type());
                insert.setObject(8, timestamp(result.startedAt()));
                insert.setLong(9, result.durationUs());
                insert.setString(10, result.status().label());
                insert.setString(11, result.valuesJson());
                insert.setString(12, result.conditionsJson());
                insert.setString(13, result.message());
                setTimestamp(insert, 14, result.slot());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    /**
     * The results whose probe and slot no row holds yet, each probe's slot once; results without a slot are always
     * kept.
     */
    List<StoredResult> notYetStored(Connection connection, List<StoredResult> batch) throws SQLException {
        var kept = new ArrayList<StoredResult>(batch.size());
        var seen = new HashSet<String>();
        try (PreparedStatement stored =
                connection.prepareStatement("SELECT 1 FROM probe_result WHERE probe_key = ? AND slot_at = ?")) {
            for (StoredResult result : batch) {
                if (result.slot() == null) {
                    kept.add(result);
                    continue;
                }
                if (!seen.add(result.probe() + "@" + result.slot())) continue;
                stored.setString(1, result.probe());
                stored.setObject(2, timestamp(result.slot()));
                try (ResultSet row = stored.executeQuery()) {
                    if (!row.next()) kept.add(result);
                }
            }
        }
        return kept;
    }

    /** Updates each probe's row in one batch, then inserts the rows that the update did not find. */
    void updateStates(Connection connection, Collection<ProbeStateChange> changes) throws SQLException {
        var missing = new ArrayList<ProbeStateChange>();
        try (PreparedStatement update = connection.prepareStatement(UPDATE_STATE)) {
            for (ProbeStateChange change : changes) {
                StoredResult last = change.last();
                update.setString(1, last.status().label());
                update.setLong(2, change.lastId());
                update.setObject(3, timestamp(last.startedAt()));
                update.setBoolean(4, change.run().ended());
                setTimestamp(update, 5, change.run().firstDownAt());
                update.setBoolean(6, change.run().ended());
                update.setInt(7, change.run().downs());
                update.setString(8, last.message());
                update.setBoolean(9, change.answered());
                SetupNeed need = last.result().setup();
                boolean lapses = need != null && need.onlyUntilFirstAnswer();
                update.setBoolean(10, lapses);
                update.setBoolean(11, change.answered());
                update.setString(12, need == null ? null : need.kind());
                update.setBoolean(13, lapses);
                update.setBoolean(14, change.answered());
                update.setString(15, need == null ? null : need.fix());
                update.setString(16, last.probe());
                update.addBatch();
            }
            int[] updated = update.executeBatch();
            int i = 0;
            for (ProbeStateChange change : changes) {
                if (updated[i++] == 0) missing.add(change);
            }
        }
        if (missing.isEmpty()) return;
        try (PreparedStatement insert = connection.prepareStatement(INSERT_STATE)) {
            for (ProbeStateChange change : missing) {
                StoredResult last = change.last();
                ProbeKey key = change.key();
                insert.setString(1, last.status().label());
                insert.setLong(2, change.lastId());
                insert.setObject(3, timestamp(last.startedAt()));
                insert.setInt(4, change.run().downs());
                setTimestamp(insert, 5, change.run().firstDownAt());
                insert.setString(6, last.message());
                insert.setBoolean(7, change.answered());
                SetupNeed need = last.result().setup();
                if (need != null && need.onlyUntilFirstAnswer() && change.answered()) need = null;
                insert.setString(8, need == null ? null : need.kind());
                insert.setString(9, need == null ? null : need.fix());
                insert.setString(10, last.probe());
                insert.setString(11, key.checklistId());
                insert.setString(12, key.activityId());
                insert.setInt(13, key.probeIndex());
                insert.setString(14, key.targetId());
                insert.addBatch();
            }
            insert.executeBatch();
        }
    }

    private static void setTimestamp(PreparedStatement statement, int index, Instant instant) throws SQLException {
        if (instant == null) {
            statement.setNull(index, Types.TIMESTAMP_WITH_TIMEZONE);
        } else {
            statement.setObject(index, timestamp(instant));
        }
    }
}
