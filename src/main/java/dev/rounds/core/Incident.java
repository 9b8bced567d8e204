package dev.rounds.core;

import java.time.Instant;

/**
 * A confirmed failure of one probe against one target: {@code confirm} consecutive {@code down} results. It counts
 * from its first {@code down} ({@code startedAt}) until the first {@code up} or {@code warn} result after it
 * ({@code endedAt}, {@code null} while it lasts). Stored in the {@code incident} table.
 *
 * @param probeKey the probe × target it belongs to, as {@link dev.rounds.probe.ProbeKey#toString()}
 * @param continuous whether its probe runs continuously ({@code every}): only those count towards availability
 * @param confirmedAt when the confirming result was recorded
 * @param message the message of the confirming result
 */
public record Incident(
        long id,
        String targetId,
        String probeKey,
        boolean continuous,
        Instant startedAt,
        Instant confirmedAt,
        Instant endedAt,
        String message) {

    public boolean isOpen() {
        return endedAt == null;
    }

    /** Its span, an open incident counted up to {@code now}. */
    public Interval span(Instant now) {
        return new Interval(startedAt, endedAt != null ? endedAt : (now.isBefore(startedAt) ? startedAt : now));
    }
}
