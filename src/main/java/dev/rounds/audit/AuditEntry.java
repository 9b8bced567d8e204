package dev.rounds.audit;

import com.fasterxml.jackson.annotation.JsonProperty;
import com.fasterxml.jackson.annotation.JsonRawValue;
import dev.rounds.text.SuppliedText;
import java.sql.ResultSet;
import java.sql.SQLException;

/**
 * One row of the audit log as stored and hashed.
 *
 * @param at ISO-8601 UTC with microseconds, exactly as hashed
 * @param detail the canonical JSON text exactly as hashed; rendered as a JSON object, not as a string
 */
public record AuditEntry(
        long seq,
        String at,
        String actor,
        String action,
        String subject,
        @JsonRawValue String detail,
        @JsonProperty("prev_hash") String prevHash,
        String hash) {

    /** Recomputes this entry's hash from its fields; equal to {@link #hash()} unless the row was altered. */
    public String recomputeHash() {
        return AuditHash.of(seq, at, actor, action, subject, detail, prevHash);
    }

    /**
     * This entry as it is sent: each lone surrogate (stored before the text rule existed) as U+FFFD, so any encoder
     * can write it. Only for sending: the hash covers the stored text, which {@link #recomputeHash()} uses.
     */
    public AuditEntry wellFormed() {
        return new AuditEntry(
                seq,
                at,
                SuppliedText.wellFormed(actor),
                SuppliedText.wellFormed(action),
                SuppliedText.wellFormed(subject),
                SuppliedText.wellFormed(detail),
                prevHash,
                hash);
    }

    /** Reads the current row of a query selecting {@code seq, at, actor, action, subject, detail, prev_hash, hash}. */
    static AuditEntry read(ResultSet row) throws SQLException {
        return new AuditEntry(
                row.getLong(1),
                row.getString(2),
                row.getString(3),
                row.getString(4),
                row.getString(5),
                row.getString(6),
                row.getString(7),
                row.getString(8));
    }
}
