package dev.rounds.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;

import java.time.Instant;
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
