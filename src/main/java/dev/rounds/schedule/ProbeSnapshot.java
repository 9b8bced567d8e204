package dev.rounds.schedule;

import dev.rounds.probe.ProbeStatus;
import dev.rounds.probe.SetupNeed;
import java.time.Instant;

/**
 * The latest known state of one probe against one target, as the result writer keeps it.
 *
 * @param setup what the probe lacks before it can judge its target, or {@code null}
 */
public record ProbeSnapshot(
        String probeKey,
        ProbeStatus status,
        Instant lastStartedAt,
        int consecutiveDown,
        String message,
        SetupNeed setup) {

    /** Whether the latest result says Rounds is not set up for this probe yet, rather than that the target fails. */
    public boolean needsSetup() {
        return setup != null;
    }
}
