package dev.rounds.report.controls;

import java.time.Instant;

/**
 * An approved waiver of an activity.
 *
 * @param scope what it excuses: {@code checklist/activity}
 * @param decidedBy the manager who approved it
 */
public record WaiverEvidence(
        long id,
        String scope,
        String requestedBy,
        String decidedBy,
        String reason,
        Instant decidedAt,
        Instant expiresAt) {}
