package dev.rounds.report.rollup;

import dev.rounds.probe.ProbeKey;
import dev.rounds.probe.ProbeStatus;
import java.time.Instant;

/** A {@code probe_result} row as the rollup fold reads it: {@code probeKey} is {@code key} as the row stores it. */
record ResultRow(
        long id,
        String probeKey,
        ProbeKey key,
        Instant startedAt,
        long durationUs,
        ProbeStatus status,
        String valuesJson,
        String message) {}
