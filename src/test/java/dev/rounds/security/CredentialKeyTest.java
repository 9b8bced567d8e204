package dev.rounds.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotEquals;

import java.nio.charset.StandardCharsets;
import java.util.HexFormat;
import org.junit.jupiter.api.Test;

/** The key a verified password is kept under holds neither the password nor anything computable without the process. */
class CredentialKeyTest {

    private static final String PASSWORD = "correct-horse-battery";

    @Test
    void theKeyHoldsNoTraceOfThePassword() {
        CredentialKey key = new CredentialKeys().of("alice", PASSWORD);
        byte[] bytes = key.bytes();
        byte[] password = PASSWORD.getBytes(StandardCharsets.UTF_8);

        assertEquals(32, bytes.length, "an HMAC-SHA256, not the text it was made of");
        assertFalse(contains(bytes, password), "the password's bytes");
        assertFalse(HexFormat.of().formatHex(bytes).contains(HexFormat.of().formatHex(password)));
        assertFalse(key.toString().contains(PASSWORD), key.toString());
        assertFalse(key.toString().contains(HexFormat.of().formatHex(bytes)), "the HMAC is not printed either");
    }

    @Test
    void oneProcessFilesTheSamePairUnderOneKeyAndEveryOtherPairApart() {
        CredentialKeys keys = new CredentialKeys();
        assertEquals(keys.of("alice", PASSWORD), keys.of("alice", PASSWORD));
        assertEquals(
                keys.of("alice", PASSWORD).hashCode(),
                keys.of("alice", PASSWORD).hashCode());
        assertNotEquals(keys.of("alice", PASSWORD), keys.of("alice", PASSWORD + "x"));
        assertNotEquals(keys.of("alice", PASSWORD), keys.of("bob", PASSWORD));
        assertNotEquals(keys.of("ab", "c"), keys.of("a", "bc"), "the name's end is part of the key");
    }

    @Test
    void anotherProcessCannotComputeTheKey() {
        assertNotEquals(new CredentialKeys().of("alice", PASSWORD), new CredentialKeys().of("alice", PASSWORD));
    }

    private static boolean contains(byte[] haystack, byte[] needle) {
        for (int i = 0; i + needle.length <= haystack.length; i++) {
            int j = 0;
            while (j < needle.length && haystack[i + j] == needle[j]) j++;
            if (j == needle.length) return true;
        }
        return false;
    }
}
