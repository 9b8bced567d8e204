package dev.rounds.security;

import dev.rounds.core.IdentityEntity;
import jakarta.persistence.MappedSuperclass;
import java.time.Instant;

/**
 * A personal token kept as its SHA-256 ({@link TokenHash}), so that a leaked database does not leak working tokens:
 * whose it is, when it was made and when revoked. Each kind has a table of its own, so that one kind never opens
 * what another does.
 */
@MappedSuperclass
public abstract class HashedToken extends IdentityEntity {

    public String username;

    public String tokenHash;

    public Instant createdAt;

    public Instant revokedAt;

    public boolean revoked() {
        return revokedAt != null;
    }
}
