package dev.rounds.probe;

import dev.rounds.audit.AuditLog;
import jakarta.enterprise.inject.Alternative;
import jakarta.inject.Singleton;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicBoolean;

/** An audit log that remembers what was appended, for tests of what the probe feature records. */
@Alternative
@Singleton
public class RecordingAuditLog implements AuditLog {

    /** One appended entry. */
    public record Entry(String actor, String action, String subject, Map<String, Object> detail) {
    }

    private final List<Entry> entries = new CopyOnWriteArrayList<>();
    private final AtomicBoolean failNext = new AtomicBoolean();

    @Override
    public long append(String actor, String action, String subject, Map<String, Object> detail) {
        if (failNext.compareAndSet(true, false)) {
            throw new IllegalStateException("audit log unavailable (failure injected by the test)");
        }
        entries.add(new Entry(actor, action, subject, detail));
        return entries.size();
    }

    /** Makes the next append fail, as a database error would. */
    public void failNextAppend() {
        failNext.set(true);
    }

    public List<Entry> entries() {
        return List.copyOf(entries);
    }
}
