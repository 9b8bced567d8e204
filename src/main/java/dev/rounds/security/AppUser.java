package dev.rounds.security;

import dev.rounds.core.Roles;
import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A person who logs in to Rounds; the password is kept only as a bcrypt hash. */
@Entity
@Table(name = "app_user")
public class AppUser extends PanacheEntityBase {

    @Id
    public String username;

    public String passwordHash;

    /** Comma-separated role names; see {@link Roles}. */
    public String roles;

    public boolean enabled = true;

    /** Set for a generated or reset password: the person must choose their own before doing anything else. */
    public boolean mustChangePassword;

    /** The key every login session of the account must carry; see {@link SessionKeys}. */
    public String sessionKey;

    public Instant createdAt;

    public Instant updatedAt;

    public static Optional<AppUser> named(String username) {
        return AppUser.<AppUser>findByIdOptional(username);
    }

    public static List<AppUser> listByName() {
        return AppUser.<AppUser>list("order by username");
    }

    /** Ends every login session of the account; returns the new key, for the session that should go on. */
    public String endSessions() {
        sessionKey = SessionKeys.newKey();
        return sessionKey;
    }

    public Set<String> roleSet() {
        return Roles.parse(roles);
    }
}
