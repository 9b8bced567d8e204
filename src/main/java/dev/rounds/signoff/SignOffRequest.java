package dev.rounds.signoff;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What a person states when signing off.
 *
 * @param reference an incident or change reference; required when the occurrence is failing
 */
public record SignOffRequest(
        @NotBlank(message = "a sign-off needs a note saying what was checked") @Size(max = 4000) String note,
        @Size(max = 200) String reference) {
}
