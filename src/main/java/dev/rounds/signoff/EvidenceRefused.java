package dev.rounds.signoff;

import dev.rounds.core.ProblemTitle;
import dev.rounds.core.RoundsException;

/** An evidence file that cannot be accepted or served; the message says which and why. */
public class EvidenceRefused extends RoundsException {

    /** @param status 404 unknown, 413 too large, 500 the stored file no longer matches its SHA-256 or is gone */
    public EvidenceRefused(int status, ProblemTitle title, String detail) {
        super(status, title, detail);
    }
}
