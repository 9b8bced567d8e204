package dev.rounds.security;

import dev.rounds.core.Sha256;
import java.security.SecureRandom;
import java.util.Base64;

/** Makes personal API tokens and the SHA-256 under which they are stored. */
public final class TokenHash {

    /** Every token starts with this, so that secret scanners and people can tell what it is. */
    public static final String PREFIX = "rounds_";

    private static final SecureRandom RANDOM = new SecureRandom();

    private TokenHash() {}

    /** A new token: the prefix and 32 random bytes, URL-safe Base64. */
    public static String newToken() {
        return newToken(PREFIX);
    }

    /** A new token of another kind, e.g. a calendar token: its own prefix (starting with {@link #PREFIX}). */
    public static String newToken(String prefix) {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return prefix + Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }

    /** The lower-case hex SHA-256 of the token; a token has enough entropy that no salt or slow hash is needed. */
    public static String of(String token) {
        return Sha256.hex(token);
    }
}
