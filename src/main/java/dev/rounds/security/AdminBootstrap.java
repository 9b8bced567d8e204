package dev.rounds.security;

import dev.rounds.audit.AuditLog;
import dev.rounds.core.CommandMode;
import dev.rounds.core.Roles;
import io.quarkus.elytron.security.common.BcryptUtil;
import io.quarkus.runtime.StartupEvent;
import jakarta.annotation.Priority;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.event.Observes;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.util.Map;
import org.jboss.logging.Logger;

/**
 * At first start, with nobody to log in, creates the built-in {@code admin} holding every role. A generated password
 * is said once in the log and must be changed at first login; a password the operator configured is theirs already.
 */
@ApplicationScoped
public class AdminBootstrap {

    private static final Logger LOG = Logger.getLogger(AdminBootstrap.class);
    private static final String ALPHABET = "ABCDEFGHJKLMNPQRSTUVWXYZabcdefghijkmnopqrstuvwxyz23456789";
    static final String ADMIN = "admin";

    @Inject
    SecurityConfig config;

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Transactional
    void onStart(
            @Observes @Priority(jakarta.interceptor.Interceptor.Priority.PLATFORM_BEFORE) StartupEvent event,
            CommandMode command) {
        if (command.active() || AppUser.count() > 0) {
            return;
        }
        boolean generated = config.initialAdminPassword().isEmpty();
        String password = config.initialAdminPassword().orElseGet(AdminBootstrap::generatePassword);
        AppUser admin = new AppUser();
        admin.username = ADMIN;
        admin.passwordHash = BcryptUtil.bcryptHash(password);
        admin.roles = Roles.ALL;
        admin.mustChangePassword = generated;
        admin.createdAt = clock.instant();
        admin.updatedAt = admin.createdAt;
        admin.persist();
        audit.append(AuditLog.SYSTEM, "user.created", ADMIN, Map.of("roles", admin.roles, "generated", generated));
        if (generated) {
            LOG.infof(
                    "%n%n    Rounds created the built-in account 'admin' with password: %s%n"
                            + "    It is shown only this once, and must be changed at the first login.%n",
                    password);
        }
    }

    private static String generatePassword() {
        SecureRandom random = new SecureRandom();
        StringBuilder password = new StringBuilder();
        for (int i = 0; i < 20; i++) {
            password.append(ALPHABET.charAt(random.nextInt(ALPHABET.length())));
        }
        return password.toString();
    }
}
