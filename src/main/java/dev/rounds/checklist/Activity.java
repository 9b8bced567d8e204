package dev.rounds.checklist;

import java.time.Duration;
import java.util.List;

/**
 * One line of a checklist.
 *
 * @param due its own due offset, or {@code null} to use the checklist's
 * @param enabled {@code false} pauses the activity: its occurrences are waived with {@code pausedReason}
 * @param line the line of its file where the activity is written, 1 for the first; 0 where it was not read from a file
 * @param controls the controls it implements: its own and its checklist's, each once, in the order written
 */
public record Activity(
        String id,
        String title,
        String guidance,
        Duration due,
        List<ProbeSpec> probes,
        SignoffPolicy signoff,
        boolean enabled,
        String pausedReason,
        int line,
        List<ControlRef> controls) {

    public Activity {
        probes = List.copyOf(probes);
        controls = List.copyOf(controls);
    }

    public boolean isManual() {
        return probes.isEmpty();
    }
}
