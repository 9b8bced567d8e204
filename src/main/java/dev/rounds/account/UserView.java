package dev.rounds.account;

import dev.rounds.security.AppUser;
import java.time.Instant;
import java.util.List;

/** An account as the API and pages show it; never its password hash. */
public record UserView(
        String username,
        List<String> roles,
        boolean enabled,
        boolean mustChangePassword,
        Instant createdAt,
        Instant updatedAt) {

    static UserView of(AppUser user) {
        return new UserView(
                user.username,
                List.copyOf(user.roleSet()),
                user.enabled,
                user.mustChangePassword,
                user.createdAt,
                user.updatedAt);
    }
}
