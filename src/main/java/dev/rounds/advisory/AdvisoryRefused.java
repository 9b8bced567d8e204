package dev.rounds.advisory;

import dev.rounds.core.RoundsException;

/** A triage or listing request that cannot be served as asked; the message says why. */
public class AdvisoryRefused extends RoundsException {

    /** @param status 400 for bad input, 404 for an unknown advisory */
    public AdvisoryRefused(int status, String detail) {
        super(status, status == 404 ? "not found" : "advisory request refused", detail);
    }
}
