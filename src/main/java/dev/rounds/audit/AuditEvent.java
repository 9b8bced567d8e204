package dev.rounds.audit;

import dev.rounds.text.SuppliedText;
import java.util.Map;

/**
 * Something that happened, ready to be appended to the audit log.
 *
 * <p>{@code actor}, {@code action} and {@code subject} may not contain {@code |}: the hash joins the fields with
 * it, so a {@code |} inside one would let an intruder move text from one field to the next without changing the
 * hash. A {@code null} detail means no detail and is recorded as {@code {}}.
 *
 * @param actor who did it: a user name, or {@link AuditLog#SYSTEM} for what Rounds does by itself
 * @param action a dotted verb such as {@code checklist.loaded}
 * @param subject what the action is about, e.g. {@code daily/backup-review@2026-11-26}; may be empty
 * @param detail JSON-serialisable facts: strings, numbers, booleans, lists and maps of them
 */
public record AuditEvent(String actor, String action, String subject, Map<String, Object> detail) {

    static final int MAX_ACTOR = 255;
    static final int MAX_ACTION = 255;
    static final int MAX_SUBJECT = 2000;

    public AuditEvent {
        // A lone surrogate would be hashed as '?' but sent as U+FFFD: keep what is hashed and what is read alike.
        actor = SuppliedText.wellFormed(actor);
        action = SuppliedText.wellFormed(action);
        subject = SuppliedText.wellFormed(subject);
        requireField("actor", actor, MAX_ACTOR, false);
        requireField("action", action, MAX_ACTION, false);
        requireField("subject", subject, MAX_SUBJECT, true);
        detail = detail == null ? Map.of() : detail;
    }

    private static void requireField(String name, String value, int maxLength, boolean mayBeEmpty) {
        if (value == null || (!mayBeEmpty && value.isBlank())) {
            throw new IllegalArgumentException(
                    "audit entry " + name + " is required, got " + (value == null ? "null" : "'" + value + "'"));
        }
        if (value.indexOf('|') >= 0) {
            throw new IllegalArgumentException("audit entry " + name
                    + " may not contain '|' (the hash separator), got '" + SuppliedText.bounded(value, 200) + "'");
        }
        if (value.length() > maxLength) {
            throw new IllegalArgumentException("audit entry " + name + " may have at most " + maxLength
                    + " characters, got " + value.length() + ": '" + SuppliedText.bounded(value, 200) + "'");
        }
    }
}
