package dev.rounds.advisory;

import dev.rounds.core.ProblemTitle;
import dev.rounds.core.RoundsException;

/** A triage or listing request that cannot be served as asked; the message says why. */
public class AdvisoryRefused extends RoundsException {

    /** @param status 400 for bad input, 404 for an unknown advisory */
    public AdvisoryRefused(int status, String detail) {
        super(status, ProblemTitle.refusal(status, ProblemTitle.ADVISORY_REQUEST_REFUSED), detail);
    }
}
