package dev.rounds.web;

import dev.rounds.core.Roles;
import io.quarkus.csrf.reactive.runtime.CsrfTokenParameterProvider;
import io.quarkus.security.identity.SecurityIdentity;
import io.quarkus.vertx.http.runtime.CurrentVertxRequest;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.RequestScoped;
import jakarta.inject.Inject;
import jakarta.inject.Named;

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

    /** Whether anyone is logged in: the nav and the logout are for people, not for the login page's visitors. */
    public boolean signedIn() {
        return identity() != null;
    }

    /** The audit log's page: auditors' and admins', like {@code /api/audit}. */
    public boolean audit() {
        return holds(Roles.AUDITOR) || holds(Roles.ADMIN);
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
     * The CSRF token for the logout form, or {@code null} where the CSRF filter has not run: a refusal answered
     * before it (a role the path does not admit, a body too large) has none, and a form without one would be refused.
     */
    public String logoutToken() {
        try {
            return csrf.getToken();
        } catch (RuntimeException none) {
            return null;
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
