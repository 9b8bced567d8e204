package dev.rounds.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertThrows;

import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** The digest row shape the writer and {@code verify} share, without a database. */
class ResultDigestTest {

    private static final Instant AT = Instant.parse("2026-11-26T08:19:19.123456789Z");

    private static Map<String, Object> row(long id, String message) {
        return ResultDigest.row(
                id,
                "daily/services-up#0@host01",
                AT,
                812L,
                "up",
                Map.of("status", 200),
                List.of(Map.of("text", "status (200) == 200", "holds", true)),
                message);
    }

    @Test
    void aRowHasTheDocumentedFieldsInOrderWithStartedAtInMicroseconds() {
        Map<String, Object> row = row(7, "ok");

        assertEquals(
                List.of("id", "probe", "started_at", "duration_us", "status", "values", "conditions", "message"),
                new ArrayList<>(row.keySet()));
        assertEquals(7L, row.get("id"));
        assertEquals("2026-11-26T08:19:19.123456Z", row.get("started_at"));
        assertEquals(812L, row.get("duration_us"));
        assertEquals(
                "{\"conditions\":[{\"holds\":true,\"text\":\"status (200) == 200\"}],\"duration_us\":812,"
                        + "\"id\":7,\"message\":\"ok\",\"probe\":\"daily/services-up#0@host01\","
                        + "\"started_at\":\"2026-11-26T08:19:19.123456Z\",\"status\":\"up\",\"values\":{\"status\":200}}",
                CanonicalJson.of(row));
    }

    @Test
    void columnsReadBackAsNullStayNull() {
        Map<String, Object> row = ResultDigest.row(1, null, null, null, null, null, null, null);

        assertNull(row.get("started_at"));
        assertNull(row.get("duration_us"));
        assertEquals(8, row.size());
    }

    @Test
    void rowsGivenAsMapsOrAsTheirCanonicalTextDigestAlike() {
        var asMaps = new ResultDigest().add(1, row(1, "a")).add(2, row(2, null)).detail();
        var asText = new ResultDigest()
                .addCanonical(1, CanonicalJson.of(row(1, "a")))
                .addCanonical(2, CanonicalJson.of(row(2, null)))
                .detail();
        var altered = new ResultDigest().add(1, row(1, "a")).add(2, row(2, "b")).detail();

        assertEquals(asMaps, asText);
        assertEquals(Map.of("first_id", 1L, "last_id", 2L, "count", 2L, "sha256", asMaps.get("sha256")), asMaps);
        assertNotEquals(asMaps.get("sha256"), altered.get("sha256"));
    }

    @Test
    void rowsOutOfIdOrderAreRefused() {
        var digest = new ResultDigest().add(5, row(5, "a"));

        assertThrows(IllegalArgumentException.class, () -> digest.add(5, row(5, "a")));
    }
}
