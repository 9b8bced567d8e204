package dev.rounds.security;

import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.runtime.QuarkusPrincipal;
import io.quarkus.security.runtime.QuarkusSecurityIdentity;

/** Builds the security identity of an account, whichever way its holder proved who they are. */
public final class Identities {

    /** Attribute set while the account's password is generated or reset and must be changed first. */
    public static final String MUST_CHANGE_PASSWORD = "rounds.must-change-password";

    private Identities() {}

    static SecurityIdentity of(AppUser user) {
        return QuarkusSecurityIdentity.builder()
                .setPrincipal(new QuarkusPrincipal(user.username))
                .addRoles(user.roleSet())
                .addAttribute(MUST_CHANGE_PASSWORD, user.mustChangePassword)
                .build();
    }

    /** True while the identity's holder must change a generated or reset password before anything else. */
    public static boolean mustChangePassword(SecurityIdentity identity) {
        return Boolean.TRUE.equals(identity.getAttribute(MUST_CHANGE_PASSWORD));
    }
}
