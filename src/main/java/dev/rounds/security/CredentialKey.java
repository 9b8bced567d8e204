package dev.rounds.security;

import java.util.Arrays;

/**
 * What {@link VerifiedPasswords} files a verified user name and password under: their HMAC-SHA256 under a key that
 * exists only in this process ({@link CredentialKeys}), never the password or a plain hash of it.
 */
public final class CredentialKey {

    private final byte[] mac;

    CredentialKey(byte[] mac) {
        this.mac = mac.clone();
    }

    /** The HMAC itself, a copy. */
    public byte[] bytes() {
        return mac.clone();
    }

    @Override
    public boolean equals(Object other) {
        return other instanceof CredentialKey key && Arrays.equals(mac, key.mac);
    }

    @Override
    public int hashCode() {
        return Arrays.hashCode(mac);
    }

    @Override
    public String toString() {
        return "CredentialKey[HMAC-SHA256]";
    }
}
