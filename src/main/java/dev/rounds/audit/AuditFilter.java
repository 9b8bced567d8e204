package dev.rounds.audit;

import java.time.Instant;

/**
 * Which entries of the audit log a reader wants to see; every part is optional ({@code null} or empty: any).
 *
 * @param from entries at or after this instant
 * @param to entries before this instant
 * @param actor exactly this actor
 * @param action this action, or every action under it: {@code waiver} matches {@code waiver.approved}
 * @param subject subjects starting with this text: {@code daily/backup-review} matches each of its occurrences
 */
public record AuditFilter(Instant from, Instant to, String actor, String action, String subject) {

    /** Every entry. */
    public static final AuditFilter ALL = new AuditFilter(null, null, null, null, null);

    public AuditFilter {
        actor = blankToNull(actor);
        action = blankToNull(action);
        subject = blankToNull(subject);
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
