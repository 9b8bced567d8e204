package dev.rounds.change;

import dev.rounds.core.ProblemTitle;
import dev.rounds.core.RoundsException;

/** A change-log step that cannot be taken as asked; the message says why and what comes next instead. */
public class ChangeRefused extends RoundsException {

    /** @param status 403 for a forbidden actor, 404 for an unknown change, 409 for a step out of order, 422 for bad input */
    public ChangeRefused(int status, String detail) {
        super(status, ProblemTitle.refusal(status, ProblemTitle.CHANGE_REFUSED), detail);
    }
}
