package dev.rounds.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;

/** What an audit detail is hashed and stored as: well-formed and at most 64 KiB of canonical JSON. */
class AuditDetailTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    @Test
    void anOrdinaryDetailIsItsCanonicalJson() {
        String canonical = CanonicalJson.of(Map.of("b", 1, "a", "\uD83D\uDE00 \u202E"));
        assertSame(canonical, AuditDetail.bounded(canonical));
    }

    @Test
    void aLoneSurrogateIsHashedAndStoredAsAReplacementCharacter() {
        assertEquals(
                "{\"note\":\"lone \uFFFD surrogate\"}", AuditDetail.canonical(Map.of("note", "lone \uD800 surrogate")));
    }

    @Test
    void javaHashesALoneSurrogateAsAQuestionMarkSoStoredEntriesStayVerifiable() {
        // Entries stored before the text rule hold lone surrogates: String.getBytes(UTF_8) writes '?' for each,
        // on every Java, so their hash is stable; the bundle writes the same '?' so it verifies offline.
        String stored =
                AuditHash.of(1, "2026-01-01T00:00:00.000000Z", "a", "x", "s", "{\"n\":\"\uD800\"}", AuditHash.ZERO);
        String asQuestionMark =
                AuditHash.of(1, "2026-01-01T00:00:00.000000Z", "a", "x", "s", "{\"n\":\"?\"}", AuditHash.ZERO);
        assertEquals(asQuestionMark, stored);
    }

    @Test
    void aDetailOverTheCapKeepsItsShapeWithItsLongStringsCutAndSaysSo() throws Exception {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("problems", List.of("x".repeat(1_000_000), "short"));
        detail.put("files", Map.of("daily.yaml", "abc"));
        detail.put("count", 2);
        String uncut = CanonicalJson.of(detail);

        String stored = AuditDetail.canonical(detail);

        byte[] bytes = stored.getBytes(StandardCharsets.UTF_8);
        assertTrue(bytes.length <= AuditDetail.MAX_BYTES, bytes.length + " bytes");
        assertEquals(stored, CanonicalJson.of(JSON.readValue(stored, Map.class)), "still canonical");
        JsonNode tree = JSON.readTree(stored);
        assertEquals("short", tree.at("/problems/1").asText());
        assertEquals("abc", tree.at("/files/daily.yaml").asText());
        assertEquals(2, tree.at("/count").asInt());
        assertTrue(
                tree.at("/problems/0").asText().matches("x{1000,}\u2026\\[cut \\d+ characters]"),
                tree.at("/problems/0").asText().substring(0, 20));
        byte[] original = uncut.getBytes(StandardCharsets.UTF_8);
        assertEquals(original.length, tree.at("/detail_cut/bytes").asInt());
        assertEquals(
                HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(original)),
                tree.at("/detail_cut/sha256").asText());
        assertEquals(AuditDetail.MAX_BYTES, tree.at("/detail_cut/max_bytes").asInt());
    }

    @Test
    void aDetailTooBigEvenWithEmptyStringsKeepsOnlyTheFactsOfTheCut() throws Exception {
        Map<String, Object> detail = new LinkedHashMap<>();
        for (int i = 0; i < 20_000; i++) detail.put("key" + i, i);

        JsonNode tree = JSON.readTree(AuditDetail.canonical(detail));

        assertEquals(List.of("detail_cut"), iterable(tree));
        assertTrue(tree.at("/detail_cut/bytes").asInt() > AuditDetail.MAX_BYTES);
    }

    private static List<String> iterable(JsonNode tree) {
        List<String> names = new java.util.ArrayList<>();
        tree.fieldNames().forEachRemaining(names::add);
        return names;
    }
}
