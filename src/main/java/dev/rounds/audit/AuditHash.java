package dev.rounds.audit;

import dev.rounds.core.Sha256;
import java.nio.charset.StandardCharsets;
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
        String text = new StringBuilder(160 + canonicalDetail.length())
                .append(seq)
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
                .append(prevHash)
                .toString();
        return HEX.formatHex(SHA256.get().digest(text.getBytes(StandardCharsets.UTF_8)));
    }

    static MessageDigest newSha256() {
        return Sha256.newDigest();
    }
}
