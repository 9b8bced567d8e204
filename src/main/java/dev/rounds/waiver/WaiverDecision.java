package dev.rounds.waiver;

import jakarta.validation.constraints.Size;

/** A manager's note on approving, rejecting or revoking a waiver; rejecting and revoking need one. */
public record WaiverDecision(@Size(max = 2000) String note) {}
