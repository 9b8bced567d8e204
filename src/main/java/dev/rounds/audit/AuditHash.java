package dev.rounds.audit;

import dev.rounds.core.Sha256;
import java.nio.charset.StandardCharsets;
import java.security.DigestException;
import java.security.MessageDigest;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.temporal.ChronoUnit;
import java.util.HexFormat;

/**
 * The exact text forms the audit chain hashes: the entry timestamp and
 * {@code hex(sha256(seq|at|actor|action|subject|canonical(detail)|prev_hash))}.
 */
public final class AuditHash {

    /** The {@code prev_hash} of the first entry. */
    public static final String ZERO = "0".repeat(64);

    private static final DateTimeFormatter AT =
            DateTimeFormatter.ofPattern("uuuu-MM-dd'T'HH:mm:ss.SSSSSS'Z'").withZone(ZoneOffset.UTC);
    private static final HexFormat HEX = HexFormat.of();
    private static final ThreadLocal<MessageDigest> SHA256 = ThreadLocal.withInitial(AuditHash::newSha256);

    private AuditHash() {}

    /** The instant as ISO-8601 UTC truncated to microseconds, always six fraction digits and {@code Z}. */
    public static String timestamp(Instant instant) {
        return AT.format(instant.truncatedTo(ChronoUnit.MICROS));
    }

    /** The lowercase hex SHA-256 of an entry whose detail is already in canonical form. */
    public static String of(
            long seq, String at, String actor, String action, String subject, String canonicalDetail, String prevHash) {
        StringBuilder text = new StringBuilder(160 + canonicalDetail.length());
        hashedText(text, seq, at, actor, action, subject, canonicalDetail, prevHash);
        return HEX.formatHex(SHA256.get().digest(text.toString().getBytes(StandardCharsets.UTF_8)));
    }

    private static void hashedText(
            StringBuilder text,
            long seq,
            String at,
            String actor,
            String action,
            String subject,
            String canonicalDetail,
            String prevHash) {
        text.append(seq)
                .append('|')
                .append(at)
                .append('|')
                .append(actor)
                .append('|')
                .append(action)
                .append('|')
                .append(subject)
                .append('|')
                .append(canonicalDetail)
                .append('|')
                .append(prevHash);
    }

    /**
     * Recomputes the hashes of one walk's entries, reusing its buffers, and compares each with the stored lowercase
     * hex without formatting it: verify does this a million times, and formatting was a tenth of its hashing.
     */
    static final class Recomputation {
        private static final byte[] DIGITS = "0123456789abcdef".getBytes(StandardCharsets.US_ASCII);
        private final MessageDigest sha256 = newSha256();
        private final StringBuilder text = new StringBuilder(512);
        private final byte[] hash = new byte[32];

        /** True when the entry's fields hash to exactly the hash it stores. */
        boolean matches(AuditEntry entry) {
            text.setLength(0);
            hashedText(
                    text,
                    entry.seq(),
                    entry.at(),
                    entry.actor(),
                    entry.action(),
                    entry.subject(),
                    entry.detail(),
                    entry.prevHash());
            try {
                sha256.update(text.toString().getBytes(StandardCharsets.UTF_8));
                sha256.digest(hash, 0, hash.length);
            } catch (DigestException e) {
                throw new IllegalStateException("a SHA-256 hash is 32 bytes", e);
            }
            String stored = entry.hash();
            if (stored.length() != 2 * hash.length) {
                return false;
            }
            for (int i = 0; i < hash.length; i++) {
                if (stored.charAt(2 * i) != DIGITS[(hash[i] >> 4) & 0xf]
                        || stored.charAt(2 * i + 1) != DIGITS[hash[i] & 0xf]) {
                    return false;
                }
            }
            return true;
        }
    }

    static MessageDigest newSha256() {
        return Sha256.newDigest();
    }
}
