package dev.rounds.audit;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Appends to the hash-chained, append-only audit log. Every feature records what happened through this.
 */
public interface AuditLog {

    /** The actor for what Rounds does by itself. */
    String SYSTEM = "system";

    /**
     * Appends one entry and commits it with the caller's transaction (or its own, if there is none).
     *
     * @param action a dotted verb such as {@code checklist.loaded} or {@code occurrence.status}
     * @param subject what the action is about, e.g. {@code daily/backup-review@2026-11-26}
     * @param detail JSON-serialisable facts: strings, numbers, booleans, lists and maps of them
     * @return the new entry's sequence number
     */
    long append(String actor, String action, String subject, Map<String, Object> detail);

    /**
     * Appends several entries in list order, with the caller's transaction (or its own). {@link ChainedAuditLog}
     * writes them with consecutive sequence numbers under one lock of the chain head and in one JDBC batch; this
     * default appends them one by one.
     *
     * @return the new entries' sequence numbers, in list order
     */
    default List<Long> appendAll(List<AuditEvent> events) {
        List<Long> seqs = new ArrayList<>(events.size());
        for (AuditEvent event : events) {
            seqs.add(append(event.actor(), event.action(), event.subject(), event.detail()));
        }
        return seqs;
    }
}
