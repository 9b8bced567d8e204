package dev.rounds.checklist;

import dev.rounds.audit.AuditLog;
import dev.rounds.audit.CanonicalJson;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.inject.Alternative;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * An audit log that keeps entries in memory, for checklist tests to assert on what was recorded. It is no
 * chain, but like the real one it canonicalises every detail, so a detail the real log could not store fails
 * here too. Enabled only by {@link ChecklistTestProfile}.
 */
@Alternative
@ApplicationScoped
public class InMemoryAuditLog implements AuditLog {

    /** One appended entry; {@code canonicalDetail} is the detail as the hash chain would see it. */
    public record Entry(long seq, String actor, String action, String subject, Map<String, Object> detail,
            String canonicalDetail) {
    }

    private final List<Entry> entries = new ArrayList<>();

    @Override
    public synchronized long append(String actor, String action, String subject, Map<String, Object> detail) {
        Entry entry = new Entry(entries.size() + 1, actor, action, subject, detail, CanonicalJson.of(detail));
        entries.add(entry);
        return entry.seq();
    }

    /**
     * The entries about the checklist configuration: the rest of the application (the schedule, the result
     * writer) appends too while a test runs.
     */
    public synchronized List<Entry> entries() {
        return entries.stream().filter(e -> e.subject().equals(ChecklistRegistry.SUBJECT)).toList();
    }

    public synchronized Entry last() {
        List<Entry> about = entries();
        return about.get(about.size() - 1);
    }
}
