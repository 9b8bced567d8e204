package dev.rounds.security;

import dev.rounds.core.Roles;
import dev.rounds.core.RoundsException;

/** An account change that cannot be made, with the reason a person can act on. */
public class AccountRefused extends RoundsException {

    public AccountRefused(int status, String detail) {
        super(status, status == 404 ? "not found" : Roles.REFUSED, detail);
    }
}
