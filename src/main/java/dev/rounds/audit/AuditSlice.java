package dev.rounds.audit;

import java.util.List;

/**
 * One page of the audit log, newest first.
 *
 * @param entries the entries of the page, newest (highest seq) first
 * @param newer whether entries matching the filter exist after the first of them
 * @param older whether entries matching the filter exist before the last of them
 */
public record AuditSlice(List<AuditEntry> entries, boolean newer, boolean older) {

    public AuditSlice {
        entries = List.copyOf(entries);
    }
}
