package dev.rounds.security;

import dev.rounds.core.ProblemTitle;
import io.vertx.core.http.HttpMethod;
import io.vertx.ext.web.Router;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.net.URI;
import java.util.Set;

/**
 * Refuses state changes that a browser says come from another site, whatever their content type.
 *
 * <p>Forms carry a CSRF token, and JSON bodies cannot cross sites without a CORS preflight; this closes
 * the remaining gap, a cross-site POST with no body or a plain-text body, which a browser with a saved
 * login would otherwise send. Clients that are not browsers (curl, scripts) send neither header.
 */
@ApplicationScoped
public class CrossSiteGuard {

    private static final Set<HttpMethod> SAFE = Set.of(HttpMethod.GET, HttpMethod.HEAD, HttpMethod.OPTIONS);

    /** Runs before authentication and every resource. */
    void install(@Observes Router router) {
        router.route().order(-200).handler(this::refuseCrossSiteChanges);
    }

    private void refuseCrossSiteChanges(RoutingContext context) {
        if (!SAFE.contains(context.request().method()) && isCrossSite(context)) {
            context.response()
                    .setStatusCode(403)
                    .putHeader("Content-Type", "application/problem+json")
                    .end("{\"type\":\"about:blank\",\"title\":\"" + ProblemTitle.CROSS_SITE_REQUEST_REFUSED.text()
                            + "\",\"status\":403,"
                            + "\"detail\":\"Rounds accepts changes only from its own pages or from API clients\"}");
            return;
        }
        context.next();
    }

    private static boolean isCrossSite(RoutingContext context) {
        String fetchSite = context.request().getHeader("Sec-Fetch-Site");
        if (fetchSite != null) {
            return fetchSite.equals("cross-site");
        }
        String origin = context.request().getHeader("Origin");
        if (origin == null) {
            return false;
        }
        // an opaque origin ("null") is what sandboxed frames and some redirects send: not one of our pages
        String host = context.request().getHeader("Host");
        return origin.equals("null")
                || host == null
                || !host.equalsIgnoreCase(URI.create(origin).getAuthority());
    }
}
