package dev.rounds.security;

import dev.rounds.core.ProblemTitle;
import io.quarkus.vertx.http.runtime.filters.Filters;
import io.quarkus.vertx.http.runtime.security.QuarkusHttpUser;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.Set;

/**
 * Holds an account with a generated or reset password at the change-password page until its holder chose their
 * own: pages redirect there, the API and tools answer 403 saying so.
 */
@ApplicationScoped
public class PasswordChangeGate {

    /** Where the password is changed. */
    public static final String PAGE = "/account/password";

    private static final Set<String> OPEN =
            Set.of(PAGE, "/api/account/password", "/logout", "/login", "/rounds.css", "/favicon.svg", "/favicon.ico");

    /** Runs after authentication (200) and path authorization (100), before any resource. */
    void install(@Observes Filters filters) {
        filters.register(this::hold, 50);
    }

    private void hold(RoutingContext http) {
        if (!(http.user() instanceof QuarkusHttpUser user)
                || !Identities.mustChangePassword(user.getSecurityIdentity())
                || OPEN.contains(http.normalizedPath())
                || http.normalizedPath().startsWith("/static/")) {
            http.next();
            return;
        }
        String path = http.normalizedPath();
        if (path.startsWith("/api/") || path.startsWith("/q/")) {
            http.response()
                    .setStatusCode(403)
                    .putHeader("Content-Type", "application/problem+json")
                    .end("{\"type\":\"about:blank\",\"title\":\"" + ProblemTitle.PASSWORD_CHANGE_REQUIRED.text()
                            + "\",\"status\":403,"
                            + "\"detail\":\"change the generated password first at " + PAGE + "\"}");
        } else {
            http.response().setStatusCode(303).putHeader("Location", PAGE).end();
        }
    }
}
