package dev.rounds.security;

import dev.rounds.core.Roles;
import java.util.Map;
import java.util.Set;

/**
 * One row of the role matrix: a request, the roles it admits, and what the request answers once admitted.
 *
 * @param template the path as the OpenAPI document names it, or the static path
 * @param path the path requested, with real or deliberately unknown ids
 * @param body a JSON body, or null
 * @param form form fields (sent with a valid CSRF token), or null
 * @param admits the roles that get through; {@link #ANYONE} for open doors, {@link #ANY_ROLE} for every role
 * @param admitted the status an admitted request answers; writes use unknown ids or invalid input so that the
 *        matrix changes nothing
 */
record Door(
        String method,
        String template,
        String path,
        Map<String, Object> body,
        Map<String, String> form,
        boolean multipart,
        Set<String> admits,
        int admitted) {

    static final Set<String> ANY_ROLE = Set.copyOf(Roles.NAMES);
    static final Set<String> ANYONE = Set.of("anonymous");

    boolean page() {
        return !path.startsWith("/api/") && !path.startsWith("/q/");
    }

    @Override
    public String toString() {
        return method + " " + path;
    }
}
