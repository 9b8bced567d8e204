package dev.rounds.account;

import dev.rounds.audit.AuditLog;
import dev.rounds.core.Roles;
import dev.rounds.security.AccountRefused;
import dev.rounds.security.ApiToken;
import dev.rounds.security.AppUser;
import dev.rounds.security.TokenHash;
import dev.rounds.text.SuppliedText;
import io.quarkus.elytron.security.common.BcryptUtil;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;

/** Creates and changes accounts and personal API tokens; each change is one audit entry naming who made it. */
@ApplicationScoped
public class Accounts {

    /** Shorter passwords are refused: length is what makes a password hard to guess. */
    public static final int MIN_PASSWORD_LENGTH = 12;

    private static final Pattern NAME = Pattern.compile("[a-z0-9][a-z0-9._@-]{0,99}");

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Transactional
    public AppUser create(String actor, String username, String password, List<String> roles) {
        String name = username == null ? "" : username.trim();
        if (!NAME.matcher(name).matches()) {
            throw new AccountRefused(
                    422,
                    "'" + name + "' cannot be a user name: use 1 to 100 lower-case letters, "
                            + "digits and . _ @ -, starting with a letter or digit");
        }
        if (AppUser.named(name).isPresent()) {
            throw new AccountRefused(409, "there is already a user '" + name + "'");
        }
        String storedRoles = Roles.join(roles == null ? List.of() : roles);
        checkStrength(password);
        AppUser user = new AppUser();
        user.username = name;
        user.passwordHash = BcryptUtil.bcryptHash(password);
        user.roles = storedRoles;
        // the admin chose this password, so its holder must replace it with one only they know
        user.mustChangePassword = true;
        user.createdAt = clock.instant();
        user.updatedAt = user.createdAt;
        user.persist();
        audit.append(actor, "user.created", name, Map.of("roles", storedRoles));
        return user;
    }

    @Transactional
    public AppUser setRoles(String actor, String username, List<String> roles) {
        AppUser user = locked(username);
        String storedRoles = Roles.join(roles == null ? List.of() : roles);
        if (!Roles.parse(storedRoles).contains(Roles.ADMIN)) keepAnAdmin(user, "take the admin role from");
        String previous = user.roles;
        user.roles = storedRoles;
        user.updatedAt = clock.instant();
        user.endSessions();
        audit.append(actor, "user.roles.changed", user.username, Map.of("roles", storedRoles, "previous", previous));
        return user;
    }

    @Transactional
    public AppUser disable(String actor, String username) {
        AppUser user = locked(username);
        if (user.username.equals(actor)) {
            throw new AccountRefused(409, "you cannot disable your own account; ask another admin");
        }
        keepAnAdmin(user, "disable");
        return setEnabled(actor, user, false);
    }

    @Transactional
    public AppUser enable(String actor, String username) {
        return setEnabled(actor, locked(username), true);
    }

    /** An admin sets a new password that its holder must change at the next login. */
    @Transactional
    public AppUser resetPassword(String actor, String username, String password) {
        AppUser user = locked(username);
        checkStrength(password);
        user.passwordHash = BcryptUtil.bcryptHash(password);
        user.mustChangePassword = true;
        user.updatedAt = clock.instant();
        user.endSessions();
        audit.append(actor, "user.password.reset", user.username, Map.of("must_change", true));
        return user;
    }

    /**
     * A person changes their own password, proving the current one. Every session of the account ends; the returned
     * session key lets the session that made the change go on (see {@link dev.rounds.security.SessionKeys}).
     */
    @Transactional
    public String changeOwnPassword(String username, String current, String password) {
        AppUser user = locked(username);
        if (current == null || !BcryptUtil.matches(current, user.passwordHash)) {
            throw new AccountRefused(422, "the current password is wrong");
        }
        checkStrength(password);
        if (password.equals(current)) {
            throw new AccountRefused(422, "the new password must differ from the current one");
        }
        boolean wasForced = user.mustChangePassword;
        user.passwordHash = BcryptUtil.bcryptHash(password);
        user.mustChangePassword = false;
        user.updatedAt = clock.instant();
        audit.append(username, "user.password.changed", username, Map.of("was_required", wasForced));
        return user.endSessions();
    }

    /** A new personal API token for the person; the token itself is in the answer and nowhere else. */
    @Transactional
    public NewToken createToken(String username, String name) {
        SuppliedText.require("name", name);
        String label = name == null ? "" : name.trim();
        if (label.isEmpty() || label.length() > 100) {
            throw new AccountRefused(422, "give the token a name of 1 to 100 characters, e.g. the script that uses it");
        }
        String token = TokenHash.newToken();
        ApiToken t = new ApiToken();
        t.username = locked(username).username;
        t.name = label;
        t.tokenHash = TokenHash.of(token);
        t.createdAt = clock.instant();
        t.persist();
        audit.append(username, "token.created", username, Map.of("token_id", t.id, "name", label));
        return new NewToken(t.id, label, token, t.createdAt);
    }

    /** Revokes one of the person's own tokens; from then on it authenticates nobody. */
    @Transactional
    public void revokeToken(String username, long id) {
        ApiToken t = ApiToken.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (t == null || !t.username.equals(username)) {
            throw new AccountRefused(404, "you have no API token " + id);
        }
        if (t.revoked()) {
            throw new AccountRefused(409, "API token " + id + " was already revoked at " + t.revokedAt);
        }
        t.revokedAt = clock.instant();
        audit.append(username, "token.revoked", username, Map.of("token_id", t.id, "name", t.name));
    }

    /** A token as created: shown once. */
    public record NewToken(long id, String name, String token, Instant createdAt) {}

    private AppUser setEnabled(String actor, AppUser user, boolean enabled) {
        if (user.enabled == enabled) {
            throw new AccountRefused(409, "'" + user.username + "' is already " + (enabled ? "enabled" : "disabled"));
        }
        user.enabled = enabled;
        user.updatedAt = clock.instant();
        if (!enabled) user.endSessions();
        audit.append(actor, enabled ? "user.enabled" : "user.disabled", user.username, Map.of());
        return user;
    }

    private static AppUser locked(String username) {
        AppUser user = AppUser.findById(username, LockModeType.PESSIMISTIC_WRITE);
        if (user == null) {
            throw new AccountRefused(404, "there is no user '" + username + "'");
        }
        return user;
    }

    private static void keepAnAdmin(AppUser user, String what) {
        if (!user.enabled || !user.roleSet().contains(Roles.ADMIN)) return;
        long otherAdmins = AppUser.<AppUser>stream("enabled = true and username <> ?1", user.username)
                .filter(u -> u.roleSet().contains(Roles.ADMIN))
                .count();
        if (otherAdmins == 0) {
            throw new AccountRefused(
                    409,
                    "cannot " + what + " '" + user.username
                            + "': it is the last enabled admin, and nobody could manage accounts any more");
        }
    }

    private static void checkStrength(String password) {
        if (password == null || password.length() < MIN_PASSWORD_LENGTH) {
            throw new AccountRefused(422, "a password needs at least " + MIN_PASSWORD_LENGTH + " characters");
        }
    }
}
