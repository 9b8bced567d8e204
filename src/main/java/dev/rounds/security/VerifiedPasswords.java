package dev.rounds.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * The user names and passwords bcrypt accepted lately, so that HTTP Basic, which sends them with every request, costs
 * one bcrypt check per expiry rather than one per request. Each is filed under its {@link CredentialKey} with the
 * account's bcrypt hash at the time, and holds only while the account's current hash is still that one: a password
 * change or reset replaces the hash, and so ends it on every instance sharing the database at once. The caller checks
 * the account itself (enabled, roles, a forced password change) from the database on every request. In memory, at
 * most {@code max-entries} of them, the least recently used dropped first.
 */
@ApplicationScoped
public class VerifiedPasswords {

    private record Verified(String passwordHash, Instant until) {}

    private final CredentialKeys keys = new CredentialKeys();
    private final SecurityConfig.PasswordCache config;
    private final Clock clock;
    private final Map<CredentialKey, Verified> verified;

    @Inject
    VerifiedPasswords(SecurityConfig config, Clock clock) {
        this.config = config.passwordCache();
        this.clock = clock;
        int max = this.config.maxEntries();
        this.verified = new LinkedHashMap<>(16, 0.75f, true) {
            @Override
            protected boolean removeEldestEntry(Map.Entry<CredentialKey, Verified> eldest) {
                return size() > max;
            }
        };
    }

    /** Whether bcrypt accepted this password for this name, while the account's hash was the one it is now. */
    public boolean holds(String username, String password, String passwordHash) {
        CredentialKey key = keys.of(username, password);
        Instant now = clock.instant();
        synchronized (verified) {
            Verified found = verified.get(key);
            if (found == null) return false;
            if (!now.isBefore(found.until()) || !found.passwordHash().equals(passwordHash)) {
                verified.remove(key);
                return false;
            }
            return true;
        }
    }

    /** Files a password bcrypt has just accepted against this hash, until the expiry. */
    public void remember(String username, String password, String passwordHash) {
        if (config.expiry().isZero() || config.maxEntries() == 0) return;
        CredentialKey key = keys.of(username, password);
        Verified entry = new Verified(passwordHash, clock.instant().plus(config.expiry()));
        synchronized (verified) {
            verified.put(key, entry);
        }
    }
}
