package dev.rounds.security;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.Cookie;
import io.vertx.core.http.impl.ServerCookie;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;

/**
 * Adds {@code Secure} to the session, CSRF and redirect cookies when {@code rounds.security.secure-cookies} is on:
 * behind a proxy that ends TLS, Quarkus sees plain HTTP and would otherwise leave it off.
 */
@ApplicationScoped
public class SecureCookies {

    void install(@Observes Filters filters, SecurityConfig config) {
        if (!config.secureCookies()) return;
        filters.register(
                http -> {
                    // Vert.x writes the cookies set on this response after the headers-end handlers have run
                    http.addHeadersEndHandler(v -> {
                        for (Cookie cookie : http.request().cookies()) {
                            if (cookie instanceof ServerCookie set && set.isChanged()) set.setSecure(true);
                        }
                    });
                    http.next();
                },
                260);
    }
}
