package dev.rounds.signoff;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What a person states when signing off.
 *
 * @param reference an incident or change reference; required when the occurrence is failing
 * @param link a web page that shows the work (a ticket, a report); http or https only
 */
public record SignOffRequest(
        @NotBlank(message = "a sign-off needs a note saying what was checked") @Size(max = 4000) String note,
        @Size(max = 200) String reference,
        @Size(max = SignOffRequest.MAX_LINK) String link) {

    /** The longest link kept. */
    public static final int MAX_LINK = 2000;

    public SignOffRequest(String note, String reference) {
        this(note, reference, null);
    }
}
