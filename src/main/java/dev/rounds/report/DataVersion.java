package dev.rounds.report;

import dev.rounds.checklist.ChecklistSet;
import java.time.Instant;

/**
 * What a page built from the database was built from, cheap enough to read on every request: the checklists, the
 * audit log's last entry (every decision, occurrence status, change and written batch of results is one), how far
 * the rollups have folded, and which window of the clock it was. While two reads are {@link #same}, nothing such a
 * page shows can have changed but the clock, by less than the window. {@link #readAt} is the clock when it was read.
 */
public record DataVersion(ChecklistSet checklists, long auditSeq, long folded, long window, Instant readAt) {

    public boolean same(DataVersion other) {
        // the checklists by identity: a reload makes a new set, and comparing two sets whole costs more
        return checklists == other.checklists
                && auditSeq == other.auditSeq
                && folded == other.folded
                && window == other.window;
    }
}
