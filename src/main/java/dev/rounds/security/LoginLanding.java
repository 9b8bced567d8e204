package dev.rounds.security;

import io.quarkus.vertx.http.runtime.filters.Filters;
import io.vertx.core.http.HttpServerRequest;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import org.eclipse.microprofile.config.inject.ConfigProperty;

/**
 * Keeps the page a person asked for as the place the login form returns to. Quarkus remembers the address of every
 * request it sends to the login page, in one cookie; a browser's own requests (a favicon, an image, a script, a
 * fetch) would overwrite the page with themselves, and the person would land on "Resource not found" at
 * {@code /favicon.ico}. Only a page the person navigated to is remembered; without one the login lands on {@code /}.
 */
@ApplicationScoped
public class LoginLanding {

    @ConfigProperty(name = "quarkus.http.auth.form.location-cookie", defaultValue = "quarkus-redirect-location")
    String locationCookie;

    /** Before authentication (200), whose challenge sets the cookie; the cookie is dropped as the headers end. */
    void install(@Observes Filters filters) {
        filters.register(
                http -> {
                    if (!isNavigation(http.request())) {
                        http.addHeadersEndHandler(v -> http.response().removeCookie(locationCookie, false));
                    }
                    http.next();
                },
                250);
    }

    /**
     * A page the person opened: browsers say so ({@code Sec-Fetch-Mode: navigate}); clients that do not send that
     * header count when they accept HTML and ask with GET.
     */
    static boolean isNavigation(HttpServerRequest request) {
        String mode = request.getHeader("Sec-Fetch-Mode");
        if (mode != null) return mode.equals("navigate");
        String accept = request.getHeader("Accept");
        return request.method().name().equals("GET") && accept != null && accept.contains("text/html");
    }
}
