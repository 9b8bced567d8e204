package dev.rounds.account;

import dev.rounds.security.ApiToken;
import java.time.Instant;

/** A personal API token as listed: its name and dates, never the token. */
public record TokenView(long id, String name, Instant createdAt, Instant revokedAt) {

    static TokenView of(ApiToken token) {
        return new TokenView(token.id, token.name, token.createdAt, token.revokedAt);
    }
}
