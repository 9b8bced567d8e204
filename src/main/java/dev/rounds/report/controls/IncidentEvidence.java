package dev.rounds.report.controls;

import java.time.Instant;

/**
 * A confirmed failure of one of an activity's probes.
 *
 * @param probeKey {@code checklist/activity#position@target}
 * @param end {@code null} while it lasts
 */
public record IncidentEvidence(String probeKey, String target, Instant start, Instant end) {}
