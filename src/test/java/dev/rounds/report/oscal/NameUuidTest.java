package dev.rounds.report.oscal;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.util.UUID;
import org.junit.jupiter.api.Test;

class NameUuidTest {

    /** RFC 4122 appendix C's namespace for domain names. */
    private static final UUID NAMESPACE_DNS = UUID.fromString("6ba7b810-9dad-11d1-80b4-00c04fd430c8");

    @Test
    void matchesAKnownVersion5Uuid() {
        // Python: uuid.uuid5(uuid.NAMESPACE_DNS, "python.org")
        assertEquals(UUID.fromString("886313e1-3b8a-5372-9b90-0c9aee199e5d"), NameUuid.v5(NAMESPACE_DNS, "python.org"));
    }

    @Test
    void isVersion5OfTheRfcVariant() {
        UUID uuid = NameUuid.v5(NameUuid.ROUNDS, "observation:daily/backups");
        assertEquals(5, uuid.version());
        assertEquals(2, uuid.variant());
    }

    @Test
    void theSameNameGivesTheSameUuidAndAnotherNameAnother() {
        assertEquals(NameUuid.v5(NameUuid.ROUNDS, "a"), NameUuid.v5(NameUuid.ROUNDS, "a"));
        assertNotEquals(NameUuid.v5(NameUuid.ROUNDS, "a"), NameUuid.v5(NameUuid.ROUNDS, "b"));
        assertNotEquals(NameUuid.v5(NameUuid.ROUNDS, "a"), NameUuid.v5(NAMESPACE_DNS, "a"));
    }
}
