package dev.rounds.security;

import dev.rounds.audit.AuditEntry;
import dev.rounds.audit.ChainedAuditLog;
import java.util.ArrayList;
import java.util.List;

/** Reads what the audit log gained since a mark, tolerating the entries the running application adds meanwhile. */
final class AuditMark {

    private final ChainedAuditLog log;
    private final long mark;

    private AuditMark(ChainedAuditLog log, long mark) {
        this.log = log;
        this.mark = mark;
    }

    /** A trail that starts after the current last entry. */
    static AuditMark from(ChainedAuditLog log) {
        List<AuditEntry> all = since(log, 0);
        return new AuditMark(log, all.isEmpty() ? 0 : all.get(all.size() - 1).seq());
    }

    /** The entries since the mark with this action and subject. */
    List<AuditEntry> entries(String action, String subject) {
        return since(log, mark).stream()
                .filter(e -> e.action().equals(action) && e.subject().equals(subject))
                .toList();
    }

    private static List<AuditEntry> since(ChainedAuditLog log, long after) {
        List<AuditEntry> all = new ArrayList<>();
        List<AuditEntry> page;
        do {
            page = log.entries(after, 1000);
            all.addAll(page);
            if (!page.isEmpty()) after = page.get(page.size() - 1).seq();
        } while (page.size() == 1000);
        return all;
    }
}
