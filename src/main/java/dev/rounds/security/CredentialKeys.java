package dev.rounds.security;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.GeneralSecurityException;
import java.security.SecureRandom;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;

/**
 * Makes the {@link CredentialKey} of a user name and password with a random key of its own, made when it is and kept
 * only in memory: a key cannot be computed outside this process, nor recognised after a restart.
 */
public final class CredentialKeys {

    private static final String HMAC = "HmacSHA256";

    private final SecretKeySpec secret;

    public CredentialKeys() {
        byte[] key = new byte[32];
        new SecureRandom().nextBytes(key);
        secret = new SecretKeySpec(key, HMAC);
    }

    /** The key of this user name and password; the name's length comes first, so that no two pairs share a text. */
    public CredentialKey of(String username, String password) {
        byte[] name = username.getBytes(StandardCharsets.UTF_8);
        byte[] pass = password.getBytes(StandardCharsets.UTF_8);
        try {
            Mac mac = Mac.getInstance(HMAC);
            mac.init(secret);
            mac.update(ByteBuffer.allocate(Integer.BYTES).putInt(name.length).array());
            mac.update(name);
            return new CredentialKey(mac.doFinal(pass));
        } catch (GeneralSecurityException e) {
            throw new IllegalStateException("HMAC-SHA256 is part of every Java runtime", e);
        }
    }
}
