package dev.rounds.probe;

import static org.junit.jupiter.api.Assertions.assertEquals;

import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rounds.audit.ResultDigest;
import dev.rounds.checklist.ConditionOutcome;
import java.net.URI;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The stored form of a result and its digest, without a database. */
class StoredResultTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Instant START = Instant.parse("2026-11-26T08:19:19.123456789Z");
    private static final ProbeKey KEY = new ProbeKey("daily", "services-up", 0, "host01");

    private static ProbeResult result(Map<String, Object> values, String message) {
        return new ProbeResult(
                KEY,
                "http",
                START,
                Duration.ofNanos(812_345_678),
                ProbeStatus.UP,
                values,
                List.of(new ConditionOutcome("status (200) == 200", true), new ConditionOutcome("body ~ ok", false)),
                message);
    }

    @Test
    void valuesFollowTheStoredConvention() throws Exception {
        var values = new LinkedHashMap<String, Object>();
        values.put("response_time", Duration.ofNanos(812_500));
        values.put("not_after", Instant.parse("2027-01-01T00:00:00Z"));
        values.put("ratio", Double.NaN);
        values.put("peak", Float.POSITIVE_INFINITY);
        values.put("status", 200);
        values.put("ok", true);
        values.put("url", URI.create("https://example.org/"));
        values.put("phases", List.of(Duration.ofMillis(2), "dns"));
        values.put("by_port", Map.of(443, Duration.ofMillis(1)));

        StoredResult stored = StoredResult.of(result(values, "ok"));

        // ProbeResult keeps its values in a map of no order, so the text is compared as parsed JSON.
        assertEquals(
                JSON.readValue(
                        "{\"response_time\":0.8125,\"not_after\":\"2027-01-01T00:00:00Z\","
                                + "\"ratio\":\"NaN\",\"peak\":\"Infinity\",\"status\":200,\"ok\":true,\"url\":\"https://example.org/\","
                                + "\"phases\":[2.0,\"dns\"],\"by_port\":{\"443\":1.0}}",
                        Map.class),
                JSON.readValue(stored.valuesJson(), Map.class));
    }

    @Test
    void conditionsKeepTheirOrderWithTextBeforeHolds() {
        StoredResult stored = StoredResult.of(result(Map.of(), "ok"));

        assertEquals(
                "[{\"text\":\"status (200) == 200\",\"holds\":true},{\"text\":\"body ~ ok\",\"holds\":false}]",
                stored.conditionsJson());
    }

    @Test
    void startedAtIsTruncatedToMicrosecondsAndTheDurationStoredInMicroseconds() {
        StoredResult stored = StoredResult.of(result(Map.of(), "ok"));

        assertEquals(Instant.parse("2026-11-26T08:19:19.123456Z"), stored.startedAt());
        assertEquals(812_345, stored.durationUs());
        assertEquals("daily/services-up#0@host01", stored.probe());
    }

    @Test
    void aLongMessageIsCutToTheColumnWithAnEllipsis() {
        String exact = "m".repeat(StoredResult.MESSAGE_CHARS);

        assertEquals(exact, StoredResult.of(result(Map.of(), exact)).message());
        String cut = StoredResult.of(result(Map.of(), exact + "more")).message();
        assertEquals(StoredResult.MESSAGE_CHARS, cut.length());
        assertEquals("m".repeat(StoredResult.MESSAGE_CHARS - 3) + "...", cut);
    }

    /** What verify computes: each row rebuilt from the stored columns, JSON parsed back. */
    @Test
    void theDigestIsTheOneVerifyRecomputesFromTheStoredColumns() throws Exception {
        List<StoredResult> batch = List.of(
                StoredResult.of(result(Map.of("response_time", Duration.ofNanos(812_500), "status", 200), "ok")),
                StoredResult.of(result(Map.of("ratio", 0.1 + 0.2, "big", 9_007_199_254_740_993L), null)));

        var readBack = new ResultDigest();
        for (int i = 0; i < batch.size(); i++) {
            StoredResult row = batch.get(i);
            readBack.add(
                    41 + i,
                    ResultDigest.row(
                            41 + i,
                            row.probe(),
                            Instant.parse("2026-11-26T08:19:19.123456Z"),
                            row.durationUs(),
                            "up",
                            JSON.readValue(row.valuesJson(), Object.class),
                            JSON.readValue(row.conditionsJson(), Object.class),
                            row.message()));
        }

        Map<String, Object> written = StoredResult.digest(41, batch).detail();
        assertEquals(readBack.detail(), written);
        assertEquals(41L, written.get("first_id"));
        assertEquals(42L, written.get("last_id"));
    }
}
