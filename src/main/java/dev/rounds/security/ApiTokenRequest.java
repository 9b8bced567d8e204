package dev.rounds.security;

import io.quarkus.security.identity.request.BaseAuthenticationRequest;

/** A personal API token as sent in {@code Authorization: Bearer ...}. */
public class ApiTokenRequest extends BaseAuthenticationRequest {

    private final String token;

    public ApiTokenRequest(String token) {
        this.token = token;
    }

    public String token() {
        return token;
    }
}
