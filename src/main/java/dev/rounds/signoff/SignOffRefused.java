package dev.rounds.signoff;

import dev.rounds.core.ProblemTitle;
import dev.rounds.core.RoundsException;

/** A sign-off that cannot be accepted as asked; the message says why and what to do instead. */
public class SignOffRefused extends RoundsException {

    /** @param status 404 for an unknown occurrence, 409 for a conflict, 422 for missing input */
    public SignOffRefused(int status, String detail) {
        super(status, ProblemTitle.refusal(status, ProblemTitle.SIGN_OFF_REFUSED), detail);
    }
}
