package dev.rounds.security;

import io.vertx.ext.web.RoutingContext;

/** The address a request comes from, as login throttling and the audit log name it. */
public final class ClientAddress {

    private ClientAddress() {}

    /**
     * The peer's IP address; behind a reverse proxy, the proxy's, unless {@code quarkus.http.proxy.*} is set up to
     * take it from the forwarding headers.
     */
    public static String of(RoutingContext http) {
        if (http == null || http.request().remoteAddress() == null) return "unknown";
        String host = http.request().remoteAddress().hostAddress();
        return host == null ? http.request().remoteAddress().host() : host;
    }
}
