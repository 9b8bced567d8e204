package dev.rounds.web;

import dev.rounds.core.Roles;
import io.quarkus.csrf.reactive.runtime.CsrfTokenParameterProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.core.http.Cookie;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;
import java.util.Optional;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * The doors the layout's nav shows ({@code inject:doors} in {@code base.html}): only those the person's roles open,
 * as the {@code @RolesAllowed} of the pages behind them say. It reads the identity the request was authenticated
 * with, never authenticates itself, so that a refusal answered before or outside RESTEasy can still be drawn in the
 * layout.
 */
@Named("doors")
@RequestScoped
public class Doors {

    @Inject
    CurrentVertxRequest request;

    @Inject
    CsrfTokenParameterProvider csrf;

    /** With a signature key the cookie holds the token signed, which no form may carry. */
    @ConfigProperty(name = "quarkus.rest-csrf.token-signature-key")
    Optional<String> csrfSignatureKey;

    /** Whether anyone is logged in: the nav and the logout are for people, not for the login page's visitors. */
    public boolean signedIn() {
        return identity() != null;
    }

    /** The audit log's page: auditors' and admins', like {@code /api/audit}. */
    public boolean audit() {
        return holds(Roles.AUDITOR) || holds(Roles.ADMIN);
    }

    /** The per-control evidence report: managers' and auditors', like the evidence files it cites. */
    public boolean controls() {
        return holds(Roles.MANAGER) || holds(Roles.AUDITOR);
    }

    /** The accounts page: admins'. */
    public boolean users() {
        return holds(Roles.ADMIN);
    }

    /** Whether the person holds {@code role}: for pages that offer a form only to those who may send it. */
    public boolean holds(String role) {
        SecurityIdentity identity = identity();
        return identity != null && identity.hasRole(role);
    }

    /** The person's name, or the empty text. */
    public String name() {
        SecurityIdentity identity = identity();
        return identity == null ? "" : identity.getPrincipal().getName();
    }

    /**
     * The CSRF token for the logout form. A refusal answered before the CSRF filter ran (a role the path does not
     * admit, a body too large) has no token of its own; the token is the value of the CSRF cookie the browser already
     * holds, unless the tokens are signed, so that one serves. Without either, {@code null}: no logout form.
     */
    public String logoutToken() {
        try {
            return csrf.getToken();
        } catch (RuntimeException none) {
            RoutingContext http = request.getCurrent();
            if (csrfSignatureKey.isPresent()) return null;
            Cookie held = http == null ? null : http.request().getCookie(csrf.getCookieName());
            return held == null || held.getValue().isBlank() ? null : held.getValue();
        }
    }

    private SecurityIdentity identity() {
        RoutingContext http = request.getCurrent();
        if (http != null
                && http.user() instanceof QuarkusHttpUser user
                && !user.getSecurityIdentity().isAnonymous()) {
            return user.getSecurityIdentity();
        }
        return null;
    }
}
