package dev.rounds.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.security.identity.request.TrustedAuthenticationRequest;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import jakarta.enterprise.context.ApplicationScoped;

/**
 * Restores the account behind a login form's session cookie on each request, from the database, so that disabling
 * an account or changing its roles applies at once, and refuses a session that does not carry the account's current
 * session key ({@link SessionKeys}): a password change or reset, a role change or disabling the account ended it.
 */
@ApplicationScoped
public class SessionLogin implements IdentityProvider<TrustedAuthenticationRequest> {

    @Override
    public Class<TrustedAuthenticationRequest> getRequestType() {
        return TrustedAuthenticationRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(
            TrustedAuthenticationRequest request, AuthenticationRequestContext context) {
        return context.runBlocking(() -> {
            AppUser user = QuarkusTransaction.requiringNew()
                    .call(() -> AppUser.named(request.getPrincipal()).orElse(null));
            if (user == null || !user.enabled) {
                throw new AuthenticationFailedException("the session's account is gone or disabled");
            }
            if (!SessionKeys.carried(HttpSecurityUtils.getRoutingContextAttribute(request), user.sessionKey)) {
                throw new AuthenticationFailedException("the session was ended by a change to its account");
            }
            return Identities.of(user);
        });
    }
}
