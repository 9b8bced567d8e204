package dev.rounds.security;

import io.quarkus.vertx.http.runtime.filters.Filters;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import java.util.List;

/**
 * Adds {@code Secure} to the session, CSRF and redirect cookies when {@code rounds.security.secure-cookies} is on:
 * behind a proxy that ends TLS, Quarkus sees plain HTTP and would otherwise leave it off.
 */
@ApplicationScoped
public class SecureCookies {

    void install(@Observes Filters filters, SecurityConfig config) {
        if (!config.secureCookies()) return;
        filters.register(http -> {
            http.addHeadersEndHandler(v -> {
                List<String> cookies = http.response().headers().getAll("Set-Cookie");
                if (cookies.isEmpty()) return;
                http.response().headers().remove("Set-Cookie");
                for (String cookie : cookies) {
                    http.response().headers().add("Set-Cookie",
                            cookie.toLowerCase().contains("; secure") ? cookie : cookie + "; Secure");
                }
            });
            http.next();
        }, 260);
    }
}
