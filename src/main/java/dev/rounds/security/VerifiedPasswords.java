package dev.rounds.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.function.BooleanSupplier;

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

    /** A bcrypt check under way: of this name and password against this hash. */
    private record Check(CredentialKey key, String passwordHash) {}

    private final Map<Check, CompletableFuture<Boolean>> checking = new ConcurrentHashMap<>();

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

    /**
     * Whether this password is the account's: taken as it is if bcrypt accepted it lately for this hash, else checked
     * with {@code bcrypt}, once for all the callers asking the same at the same time. Fifty clients sending the same
     * HTTP Basic credentials at once would otherwise run fifty bcrypt checks (seconds of CPU) before the first one
     * files its answer.
     */
    public boolean matches(String username, String password, String passwordHash, BooleanSupplier bcrypt) {
        CredentialKey key = keys.of(username, password);
        if (holds(key, passwordHash)) return true;
        var check = new Check(key, passwordHash);
        var mine = new CompletableFuture<Boolean>();
        CompletableFuture<Boolean> running = checking.putIfAbsent(check, mine);
        if (running != null) return running.join();
        try {
            // one that ran while this caller looked may have filed it just now
            boolean matches = holds(key, passwordHash) || bcrypt.getAsBoolean();
            if (matches) remember(key, passwordHash);
            mine.complete(matches);
            return matches;
        } catch (RuntimeException | Error e) {
            mine.completeExceptionally(e);
            throw e;
        } finally {
            checking.remove(check, mine);
        }
    }

    private boolean holds(CredentialKey key, String passwordHash) {
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
    private void remember(CredentialKey key, String passwordHash) {
        if (config.expiry().isZero() || config.maxEntries() == 0) return;
        Verified entry = new Verified(passwordHash, clock.instant().plus(config.expiry()));
        synchronized (verified) {
            verified.put(key, entry);
        }
    }
}
