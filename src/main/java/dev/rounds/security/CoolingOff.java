package dev.rounds.security;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;

/**
 * Tells a refused login apart from a wrong password: the API answers 429 with Retry-After, the login form lands on
 * the login page saying when to try again. Quarkus sends the same challenge for every failed login, so the identity
 * provider marks a cooling-off refusal on the request and this rewrites the challenge just before it is sent.
 */
@ApplicationScoped
public class CoolingOff {

    private static final String UNTIL = "rounds.login.cooling-off-until";

    /** Marks the request as refused because its user name or address is cooling off until then. */
    public static void mark(RoutingContext http, Instant until) {
        if (http != null) http.put(UNTIL, until);
    }

    /** Runs before authentication (priority 200), so that its rewrite is in place when a challenge is sent. */
    void install(@Observes Filters filters, Clock clock) {
        filters.register(
                http -> {
                    http.addHeadersEndHandler(v -> rewrite(http, clock));
                    http.next();
                },
                250);
    }

    private static void rewrite(RoutingContext http, Clock clock) {
        Instant until = http.get(UNTIL);
        if (until == null) return;
        long seconds = Math.max(1, Duration.between(clock.instant(), until).toSeconds());
        var response = http.response();
        if (response.getStatusCode() == 302) {
            response.putHeader("Location", "/login?error=cooling-off&retry=" + seconds);
        } else {
            response.setStatusCode(429).setStatusMessage("Too Many Requests");
            response.headers().remove("WWW-Authenticate");
        }
        response.putHeader("Retry-After", Long.toString(seconds));
    }
}
