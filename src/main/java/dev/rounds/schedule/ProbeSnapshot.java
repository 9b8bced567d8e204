package dev.rounds.schedule;

import dev.rounds.probe.ProbeStatus;
import java.time.Instant;

/** The latest known state of one probe against one target, as the result writer keeps it. */
public record ProbeSnapshot(
        String probeKey, ProbeStatus status, Instant lastStartedAt, int consecutiveDown, String message) {}
