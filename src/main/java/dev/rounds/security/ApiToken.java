package dev.rounds.security;

import dev.rounds.core.IdentityEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A personal API token; only its SHA-256 is stored, so a leaked database does not leak working tokens. */
@Entity
@Table(name = "api_token")
public class ApiToken extends IdentityEntity {

    public String username;

    public String name;

    public String tokenHash;

    public Instant createdAt;

    public Instant revokedAt;

    public static Optional<ApiToken> byHash(String tokenHash) {
        return ApiToken.<ApiToken>find("tokenHash", tokenHash).firstResultOptional();
    }

    public static List<ApiToken> ownedBy(String username) {
        return ApiToken.<ApiToken>list("username = ?1 order by id", username);
    }

    public boolean revoked() {
        return revokedAt != null;
    }
}
