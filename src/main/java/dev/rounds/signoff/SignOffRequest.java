package dev.rounds.signoff;

import jakarta.validation.constraints.NotBlank;
import jakarta.validation.constraints.Size;

/**
 * What a person states when signing off.
 *
 * @param note what was checked: at most {@link #MAX_NOTE} characters of any script (an emoji counts as one), which
 *     {@code SignOffService} checks, since {@code @Size} counts UTF-16 units and would take half as many emoji
 * @param reference an incident or change reference; required when the occurrence is failing
 * @param link a web page that shows the work (a ticket, a report); http or https only
 */
public record SignOffRequest(
        @NotBlank(message = "a sign-off needs a note saying what was checked")
        String note,

        @Size(max = 200) String reference,
        @Size(max = SignOffRequest.MAX_LINK) String link) {

    /** The most characters (Unicode code points) a note may have. */
    public static final int MAX_NOTE = 4000;

    /** The longest link kept. */
    public static final int MAX_LINK = 2000;

    public SignOffRequest(String note, String reference) {
        this(note, reference, null);
    }
}
