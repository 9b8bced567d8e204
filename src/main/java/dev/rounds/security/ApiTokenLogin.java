package dev.rounds.security;

import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.security.AuthenticationFailedException;
import io.quarkus.security.identity.AuthenticationRequestContext;
import io.quarkus.security.identity.IdentityProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.security.HttpSecurityUtils;
import io.smallrye.mutiny.Uni;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.Optional;

/**
 * Finds the account of a personal API token by the token's SHA-256. A revoked, unknown or disabled account's token
 * is a failed login: audited, and counted against the client address like a wrong password.
 */
@ApplicationScoped
public class ApiTokenLogin implements IdentityProvider<ApiTokenRequest> {

    private record Found(ApiToken token, AppUser user) {}

    @Inject
    LoginThrottle throttle;

    @Inject
    FailedTokenLogins failures;

    @Override
    public Class<ApiTokenRequest> getRequestType() {
        return ApiTokenRequest.class;
    }

    @Override
    public Uni<SecurityIdentity> authenticate(ApiTokenRequest request, AuthenticationRequestContext context) {
        RoutingContext http = HttpSecurityUtils.getRoutingContextAttribute(request);
        return context.runBlocking(() -> login(request.token(), http));
    }

    private SecurityIdentity login(String token, RoutingContext http) {
        String address = ClientAddress.of(http);
        Optional<Instant> cooling = throttle.coolingOffUntil(null, address);
        if (cooling.isPresent()) {
            CoolingOff.mark(http, cooling.get());
            throw new AuthenticationFailedException("cooling off");
        }
        Found found = QuarkusTransaction.requiringNew().call(() -> {
            ApiToken t = ApiToken.byHash(TokenHash.of(token)).orElse(null);
            return new Found(t, t == null ? null : AppUser.named(t.username).orElse(null));
        });
        if (found.token() == null) throw fail(null, address, "unknown API token");
        if (found.token().revoked()) throw fail(found.token(), address, "API token revoked");
        if (found.user() == null || !found.user().enabled) throw fail(found.token(), address, "account disabled");
        return Identities.of(found.user());
    }

    private AuthenticationFailedException fail(ApiToken token, String address, String reason) {
        failures.record("token", token, address, reason);
        return new AuthenticationFailedException(reason);
    }
}
