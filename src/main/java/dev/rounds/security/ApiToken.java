package dev.rounds.security;

import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.util.List;
import java.util.Optional;

/** A personal API token, named by its holder after what uses it. */
@Entity
@Table(name = "api_token")
public class ApiToken extends HashedToken {

    public String name;

    public static Optional<ApiToken> byHash(String tokenHash) {
        return ApiToken.<ApiToken>find("tokenHash", tokenHash).firstResultOptional();
    }

    public static List<ApiToken> ownedBy(String username) {
        return ApiToken.<ApiToken>list("username = ?1 order by id", username);
    }
}
