package dev.rounds.probe;

import java.time.Instant;

/**
 * A probe's run of consecutive down results, the one count behind both {@code probe_state.consecutive_down} (kept by
 * the result writer) and {@code rollup_probe.consecutive_down} (kept by the rollup fold, which opens an incident when
 * the run reaches the probe's {@code confirm}). A down grows the run, an up or warn ends it, and an error or unknown
 * result says nothing about the target, so the run neither breaks nor grows.
 */
public final class DownRun {

    private int downs;
    private Instant firstDownAt;
    private boolean ended;

    /** A run that starts from nothing known. */
    public DownRun() {}

    /** A run that carries on from stored state: {@code downs} so far, the first of them at {@code firstDownAt}. */
    public DownRun(int downs, Instant firstDownAt) {
        this.downs = downs;
        this.firstDownAt = firstDownAt;
    }

    /** Adds the probe's next result, in the order they ran. */
    public void add(ProbeStatus status, Instant startedAt) {
        if (status == ProbeStatus.DOWN) {
            if (downs++ == 0) firstDownAt = startedAt;
        } else if (status.isAvailable()) {
            ended = true;
            downs = 0;
            firstDownAt = null;
        }
    }

    /** Downs since the last up or warn, or since the run this one carries on from. */
    public int downs() {
        return downs;
    }

    /** The first of {@link #downs()}, or {@code null} when there are none. */
    public Instant firstDownAt() {
        return firstDownAt;
    }

    /** Whether an up or warn ended the run this one started from. */
    public boolean ended() {
        return ended;
    }
}
