package dev.rounds.waiver;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/** What an operator asks for: an activity to excuse, why, and until when. */
public record WaiverRequest(
        @NotBlank(message = "name the checklist of the activity to waive")
        String checklist,

        @NotBlank(message = "name the activity to waive") String activity,

        @NotBlank(message = "a waiver needs a reason") @Size(max = 2000)
        String reason,

        @NotNull(message = "a waiver needs an expiry, e.g. 2026-12-31T18:00:00Z")
        Instant expires) {}
