package dev.rounds.waiver;

import dev.rounds.core.ProblemTitle;
import dev.rounds.core.RoundsException;

/** A waiver request or decision that cannot be accepted as asked; the message says why. */
public class WaiverRefused extends RoundsException {

    /** @param status 403 for a forbidden decision, 404 for an unknown waiver, 409 for a wrong state, 422 for bad input */
    public WaiverRefused(int status, String detail) {
        super(status, ProblemTitle.refusal(status, ProblemTitle.WAIVER_REFUSED), detail);
    }
}
