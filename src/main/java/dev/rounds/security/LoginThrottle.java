package dev.rounds.security;

import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ConcurrentMap;

/**
 * Counts failed logins per user name and per client address, in memory, and refuses both for a cooling-off period
 * once either reaches its limit. A restart forgets the counts; several instances count separately.
 */
@ApplicationScoped
public class LoginThrottle {

    /** Beyond this many tracked names and addresses, those with nothing left to remember are dropped. */
    private static final int TIDY_ABOVE = 10_000;

    @Inject
    SecurityConfig config;

    @Inject
    Clock clock;

    private final ConcurrentMap<String, Failures> failures = new ConcurrentHashMap<>();

    /** When the user name (null for a token) or the address may try again, if either is cooling off now. */
    public Optional<Instant> coolingOffUntil(String username, String address) {
        Instant now = clock.instant();
        Instant user = username == null ? null : until(userKey(username), now);
        Instant until = later(user, until(addressKey(address), now));
        return Optional.ofNullable(until);
    }

    /** Counts one failure; answers the end of the cooling-off period it starts, if it starts one. */
    public Optional<Instant> recordFailure(String username, String address) {
        Instant now = clock.instant();
        if (failures.size() > TIDY_ABOVE) {
            failures.values().removeIf(f -> f.idle(now, config.login().window()));
        }
        Instant user = username == null
                ? null
                : count(userKey(username), now, config.login().maxFailuresPerUser());
        Instant addr = count(addressKey(address), now, config.login().maxFailuresPerAddress());
        return Optional.ofNullable(later(user, addr));
    }

    /** A successful login forgets the user name's failures; the address keeps its own. */
    public void recordSuccess(String username) {
        failures.remove(userKey(username));
    }

    private Instant count(String key, Instant now, int limit) {
        Failures f = failures.computeIfAbsent(key, k -> new Failures());
        synchronized (f) {
            f.forgetBefore(now.minus(config.login().window()));
            f.times.addLast(now);
            if (f.times.size() >= limit) {
                f.times.clear();
                f.coolingOffUntil = now.plus(config.login().coolingOff());
                return f.coolingOffUntil;
            }
            return null;
        }
    }

    private Instant until(String key, Instant now) {
        Failures f = failures.get(key);
        if (f == null) return null;
        synchronized (f) {
            return f.coolingOffUntil != null && now.isBefore(f.coolingOffUntil) ? f.coolingOffUntil : null;
        }
    }

    private static Instant later(Instant a, Instant b) {
        if (a == null) return b;
        if (b == null) return a;
        return a.isAfter(b) ? a : b;
    }

    private static String userKey(String username) {
        return "user:" + username;
    }

    private static String addressKey(String address) {
        return "address:" + address;
    }

    private static final class Failures {
        final Deque<Instant> times = new ArrayDeque<>();
        Instant coolingOffUntil;

        void forgetBefore(Instant start) {
            while (!times.isEmpty() && times.peekFirst().isBefore(start)) times.removeFirst();
        }

        synchronized boolean idle(Instant now, java.time.Duration window) {
            forgetBefore(now.minus(window));
            return times.isEmpty() && (coolingOffUntil == null || !now.isBefore(coolingOffUntil));
        }
    }
}
