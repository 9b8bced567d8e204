package dev.rounds.change;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.NotNull;
import jakarta.validation.constraints.Size;
import java.time.Instant;

/**
 * A request for change.
 *
 * @param target an inventory target id the change touches, optional
 * @param activity the activity it concerns as {@code checklist/activity}, optional
 */
public record ChangeRequest(
        @NotBlank(message = "a change needs a title") @Size(max = 300)
        String title,

        @NotBlank(message = "a change needs a description of what will be done") @Size(max = 4000)
        String description,

        @Size(max = 100) String target,
        @Size(max = 201) String activity,

        @NotNull(message = "give the planned start, e.g. 2026-12-05T20:00:00Z")
        Instant plannedStart,

        @NotNull(message = "give the planned end, e.g. 2026-12-05T22:00:00Z")
        Instant plannedEnd) {}
