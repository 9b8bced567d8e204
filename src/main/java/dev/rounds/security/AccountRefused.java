package dev.rounds.security;

import dev.rounds.core.ProblemTitle;
import dev.rounds.core.RoundsException;

/** An account change that cannot be made, with the reason a person can act on. */
public class AccountRefused extends RoundsException {

    public AccountRefused(int status, String detail) {
        super(status, ProblemTitle.refusal(status, ProblemTitle.ACCOUNT_CHANGE_REFUSED), detail);
    }
}
