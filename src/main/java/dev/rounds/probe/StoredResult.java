package dev.rounds.probe;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rounds.audit.CanonicalRows;
import dev.rounds.audit.ResultDigest;
import dev.rounds.checklist.ConditionOutcome;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * A probe result in the form {@code probe_result} stores it, and the digest row of that form.
 *
 * <p>Stored {@code values_json} follows one convention: durations are milliseconds as JSON numbers (so
 * {@code response_time} of 812.5 µs is {@code 0.8125}), instants are ISO-8601 strings, and numbers, booleans,
 * strings, lists and maps are themselves. Conditions are {@code {"text": ..., "holds": ...}} in declaration order,
 * {@code started_at} is truncated to microseconds and a message is cut to {@value #MESSAGE_CHARS} characters. The
 * digest is computed over exactly these stored forms.
 */
record StoredResult(
        ProbeResult result,
        String probe,
        Instant startedAt,
        long durationUs,
        Map<String, Object> values,
        List<Map<String, Object>> conditions,
        String message,
        Instant slot) {

    static final int MESSAGE_CHARS = 2000;

    private static final ObjectMapper JSON = new ObjectMapper();

    static StoredResult of(ProbeResult result) {
        return of(result, null);
    }

    /** @param slot the scheduled slot of a continuous probe's run, or {@code null} */
    static StoredResult of(ProbeResult result, Instant slot) {
        return new StoredResult(
                result,
                result.key().toString(),
                result.startedAt().truncatedTo(ChronoUnit.MICROS),
                result.duration().toNanos() / 1000,
                jsonValues(result.values()),
                result.conditions().stream().map(StoredResult::condition).toList(),
                shortened(result.message()),
                slot == null ? null : slot.truncatedTo(ChronoUnit.MICROS));
    }

    ProbeKey key() {
        return result.key();
    }

    ProbeStatus status() {
        return result.status();
    }

    String valuesJson() {
        return json(values);
    }

    String conditionsJson() {
        return conditions.isEmpty() ? "[]" : json(conditions);
    }

    /** The canonical text of this result's {@link ResultDigest#row} under the id it is stored with. */
    String canonicalDigestRow(long id) {
        return CanonicalRows.resultRow(id, probe, startedAt, durationUs, status().label(), values, conditions, message);
    }

    /** The digest of results stored under consecutive ids from {@code firstId}. */
    static ResultDigest digest(long firstId, List<StoredResult> results) {
        var digest = new ResultDigest();
        for (int i = 0; i < results.size(); i++) {
            digest.addCanonical(firstId + i, results.get(i).canonicalDigestRow(firstId + i));
        }
        return digest;
    }

    /** A condition's outcome as stored, {@code text} before {@code holds} for readers of the column. */
    private static Map<String, Object> condition(ConditionOutcome outcome) {
        var stored = new LinkedHashMap<String, Object>();
        stored.put("text", outcome.text());
        stored.put("holds", outcome.holds());
        return stored;
    }

    /** The stored form of measured values; see the class comment for the convention. */
    private static Map<String, Object> jsonValues(Map<String, Object> values) {
        var stored = new LinkedHashMap<String, Object>();
        values.forEach((name, value) -> stored.put(name, jsonValue(value)));
        return stored;
    }

    private static Object jsonValue(Object value) {
        if (value instanceof Duration duration) return duration.toNanos() / 1e6;
        if (value instanceof Instant instant) return instant.toString();
        if (value instanceof Double number && !Double.isFinite(number)) return number.toString();
        if (value instanceof Float number && !Float.isFinite(number)) return number.toString();
        if (value instanceof Number || value instanceof Boolean || value instanceof String || value == null) {
            return value;
        }
        if (value instanceof Map<?, ?> map) {
            var stored = new LinkedHashMap<String, Object>();
            map.forEach((name, item) -> stored.put(String.valueOf(name), jsonValue(item)));
            return stored;
        }
        if (value instanceof Collection<?> items)
            return items.stream().map(StoredResult::jsonValue).toList();
        return value.toString();
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot write " + value + " as JSON: " + e.getOriginalMessage(), e);
        }
    }

    private static String shortened(String message) {
        return message == null || message.length() <= MESSAGE_CHARS
                ? message
                : message.substring(0, MESSAGE_CHARS - 3) + "...";
    }
}
