package dev.rounds.probe;

import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a batch's results say about one probe's row in {@code probe_state}: its last result and the run of downs
 * the batch leaves, which the store adds to the row's own run unless an up or warn in the batch ended it.
 */
final class ProbeStateChange {

    private final ProbeKey key;
    private final DownRun run = new DownRun();
    private StoredResult last;
    private long lastId;
    private boolean answered;

    /** The changes of a batch stored under ids from {@code firstId} on: one per probe, in order of first result. */
    static Collection<ProbeStateChange> of(long firstId, List<StoredResult> batch) {
        Map<String, ProbeStateChange> changes = new LinkedHashMap<>();
        for (int i = 0; i < batch.size(); i++) {
            StoredResult result = batch.get(i);
            changes.computeIfAbsent(result.probe(), probe -> new ProbeStateChange(result.key()))
                    .add(result, firstId + i);
        }
        return changes.values();
    }

    private ProbeStateChange(ProbeKey key) {
        this.key = key;
    }

    private void add(StoredResult result, long id) {
        run.add(result.status(), result.startedAt());
        answered |= result.status().isAvailable();
        last = result;
        lastId = id;
    }

    /** The probe as its first result in the batch names it. */
    ProbeKey key() {
        return key;
    }

    /** The downs since the batch's last up or warn, or since its start, and whether an up or warn came before them. */
    DownRun run() {
        return run;
    }

    /** Whether the target answered (up or warn) in the batch. */
    boolean answered() {
        return answered;
    }

    StoredResult last() {
        return last;
    }

    long lastId() {
        return lastId;
    }
}
