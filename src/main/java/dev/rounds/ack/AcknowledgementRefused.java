package dev.rounds.ack;

import dev.rounds.core.ProblemTitle;
import dev.rounds.core.RoundsException;

/** An acknowledgement that cannot be created or ended as asked; the message says why. */
public class AcknowledgementRefused extends RoundsException {

    /** @param status 404 for an unknown probe or acknowledgement, 409 for a conflict, 422 for bad input */
    public AcknowledgementRefused(int status, String detail) {
        super(status, ProblemTitle.refusal(status, ProblemTitle.ACKNOWLEDGEMENT_REFUSED), detail);
    }
}
