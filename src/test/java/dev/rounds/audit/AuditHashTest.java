package dev.rounds.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.time.Instant;
import java.util.Locale;
import org.junit.jupiter.api.Test;

class AuditHashTest {

    /** Expected values computed with {@code printf '%s' '<fields joined by |>' | sha256sum}. */
    @Test
    void hashIsLowercaseHexSha256OfTheFieldsJoinedByPipeAsStandardToolsComputeIt() {
        String first = AuditHash.of(
                1,
                "2026-11-26T08:19:19.123456Z",
                "system",
                "checklist.loaded",
                "daily",
                "{\"file\":\"daily.yaml\",\"sha256\":\"ab\"}",
                AuditHash.ZERO);
        assertEquals("c89c7ce80de6baa5457e05fc49a6f67d75a37fedd16f8618b4ffb95af3d8d347", first);

        String second = AuditHash.of(
                2,
                "2026-11-26T08:19:19.123456Z",
                "alice",
                "signoff.created",
                "daily/backup-review@2026-11-26",
                "{\"note\":\"Ünïcode ✓\"}",
                first);
        assertEquals("8b735ce068fbd18f28808897f115d0d614e61388d490d6ada224b9218f1b0be1", second);
    }

    /** The walk compares bytes with the stored text instead of formatting: it must accept exactly that text. */
    @Test
    void recomputationMatchesOnlyTheExactLowercaseHexTheEntryHashesTo() {
        AuditHash.Recomputation hashes = new AuditHash.Recomputation();
        String hash = "8b735ce068fbd18f28808897f115d0d614e61388d490d6ada224b9218f1b0be1";
        for (int round = 0; round < 2; round++) {
            assertTrue(hashes.matches(entry(hash)), "the buffers are reused from entry to entry");
        }
        assertFalse(hashes.matches(entry(hash.toUpperCase(Locale.ROOT))));
        assertFalse(hashes.matches(entry(hash.substring(0, 63) + "0")));
        assertFalse(hashes.matches(entry("0" + hash.substring(1))));
        assertFalse(hashes.matches(entry(hash.substring(0, 62))));
        assertFalse(hashes.matches(entry(hash + "0")));
    }

    private static AuditEntry entry(String hash) {
        return new AuditEntry(
                2,
                "2026-11-26T08:19:19.123456Z",
                "alice",
                "signoff.created",
                "daily/backup-review@2026-11-26",
                "{\"note\":\"Ünïcode ✓\"}",
                "c89c7ce80de6baa5457e05fc49a6f67d75a37fedd16f8618b4ffb95af3d8d347",
                hash);
    }

    @Test
    void timestampIsUtcTruncatedToMicrosecondsWithSixDigitsAndZ() {
        assertEquals(
                "2026-11-26T08:19:19.123456Z", AuditHash.timestamp(Instant.parse("2026-11-26T08:19:19.123456789Z")));
        assertEquals("2026-11-26T08:19:19.000000Z", AuditHash.timestamp(Instant.parse("2026-11-26T08:19:19Z")));
        assertEquals("2026-11-26T08:19:19.120000Z", AuditHash.timestamp(Instant.parse("2026-11-26T08:19:19.12Z")));
    }

    @Test
    void firstPrevHashIsSixtyFourZeros() {
        assertEquals(64, AuditHash.ZERO.length());
        assertEquals("", AuditHash.ZERO.replace("0", ""));
    }
}
