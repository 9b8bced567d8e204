package dev.rounds.report.oscal;

import java.nio.ByteBuffer;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.UUID;

/**
 * Name-based UUIDs of version 5 (RFC 4122 section 4.3: SHA-1 of the namespace's 16 bytes and the name's UTF-8), so
 * that the same name under the same namespace always gives the same UUID and a document rebuilt from the same facts
 * is the same bytes.
 */
public final class NameUuid {

    /** The namespace of every UUID in Rounds' OSCAL documents; fixed, so anyone can recompute them. */
    public static final UUID ROUNDS = UUID.fromString("8289c66d-bdba-4003-b5c8-fb7db4d9008f");

    private NameUuid() {}

    /** The version 5 UUID of {@code name} in {@code namespace}. */
    public static UUID v5(UUID namespace, String name) {
        MessageDigest sha1;
        try {
            sha1 = MessageDigest.getInstance("SHA-1");
        } catch (NoSuchAlgorithmException e) {
            throw new IllegalStateException("every Java runtime has SHA-1", e);
        }
        sha1.update(ByteBuffer.allocate(16)
                .putLong(namespace.getMostSignificantBits())
                .putLong(namespace.getLeastSignificantBits())
                .array());
        byte[] hash = sha1.digest(name.getBytes(StandardCharsets.UTF_8));
        hash[6] = (byte) ((hash[6] & 0x0f) | 0x50); // version 5
        hash[8] = (byte) ((hash[8] & 0x3f) | 0x80); // the RFC 4122 variant
        ByteBuffer bytes = ByteBuffer.wrap(hash, 0, 16);
        return new UUID(bytes.getLong(), bytes.getLong());
    }
}
