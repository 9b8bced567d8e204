package dev.rounds.probe;

import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rounds.audit.ResultDigest;
import java.sql.Connection;
import java.sql.ResultSet;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads {@code probe_result} back the way {@code verify} will, independently of the writer's own code. */
final class StoredResults {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final DateTimeFormatter MICROS =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);

    private StoredResults() {}

    /** The digest detail of the rows with ids from {@code firstId} to {@code lastId}, in the documented row form. */
    static Map<String, Object> digest(Connection connection, long firstId, long lastId) throws Exception {
        var digest = new ResultDigest();
        try (var select = connection.prepareStatement(
                "SELECT id, probe_key, started_at, duration_us, status, values_json, conditions_json, message"
                        + " FROM probe_result WHERE id BETWEEN ? AND ? ORDER BY id")) {
            select.setLong(1, firstId);
            select.setLong(2, lastId);
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) {
                    var row = new LinkedHashMap<String, Object>();
                    row.put("id", rows.getLong(1));
                    row.put("probe", rows.getString(2));
                    row.put("started_at", MICROS.format(rows.getObject(3, OffsetDateTime.class)));
                    row.put("duration_us", rows.getLong(4));
                    row.put("status", rows.getString(5));
                    row.put("values", JSON.readValue(rows.getString(6), new TypeReference<Map<String, Object>>() {}));
                    row.put("conditions", JSON.readValue(rows.getString(7), new TypeReference<List<Object>>() {}));
                    row.put("message", rows.getString(8));
                    digest.add(rows.getLong(1), row);
                }
            }
        }
        return digest.detail();
    }
}
