package dev.rounds.security;

import io.smallrye.config.ConfigMapping;
import io.smallrye.config.WithDefault;
import java.time.Duration;
import java.util.Optional;

/** Access control settings. */
@ConfigMapping(prefix = "rounds.security")
public interface SecurityConfig {

    /**
     * The password given to the built-in {@code admin} account at first start. When set, the operator chose it and
     * it need not be changed; when absent, one is generated, printed once to the log, and must be changed at first
     * login.
     */
    Optional<String> initialAdminPassword();

    /** Marks every cookie Rounds sets Secure, for when TLS ends at a reverse proxy in front of Rounds. */
    @WithDefault("false")
    boolean secureCookies();

    /** How failed logins are slowed down. */
    Login login();

    /** How long a password bcrypt accepted is taken as checked, so that HTTP Basic is not a bcrypt per request. */
    PasswordCache passwordCache();

    /**
     * Passwords bcrypt accepted, kept in memory by an HMAC of name and password under a per-process key; a password
     * change or reset, disabling the account and a change of its roles apply at once all the same.
     */
    interface PasswordCache {

        /** How long an accepted password is taken as checked; {@code 0s} checks every login with bcrypt. */
        @WithDefault("5m")
        Duration expiry();

        /** The most accepted passwords kept; beyond it the least recently used is dropped. */
        @WithDefault("1000")
        int maxEntries();
    }

    /** Failed-login throttling, kept in memory per user name and per client address. */
    interface Login {

        /** Failed logins for one user name within {@link #window()} that start a cooling-off period. */
        @WithDefault("5")
        int maxFailuresPerUser();

        /** Failed logins from one address within {@link #window()} that start a cooling-off period. */
        @WithDefault("20")
        int maxFailuresPerAddress();

        /** How far back failed logins count. */
        @WithDefault("5m")
        Duration window();

        /** How long a user name or address is refused once it reached its limit. */
        @WithDefault("5m")
        Duration coolingOff();
    }
}
