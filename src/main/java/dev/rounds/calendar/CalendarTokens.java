package dev.rounds.calendar;

import dev.rounds.audit.AuditLog;
import dev.rounds.security.AppUser;
import dev.rounds.security.ClientAddress;
import dev.rounds.security.CoolingOff;
import dev.rounds.security.FailedTokenLogins;
import dev.rounds.security.LoginThrottle;
import dev.rounds.security.TokenHash;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.vertx.ext.web.RoutingContext;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * Personal calendar tokens: made, replaced and revoked by their holder, each change audited; and the check of a
 * token a feed request brings, which counts failures against the client address like a failed login.
 */
@ApplicationScoped
public class CalendarTokens {

    /** Calendar tokens say what they are, so that nobody mistakes one for an API token. */
    public static final String PREFIX = TokenHash.PREFIX + "cal_";

    private static final String UNKNOWN = "there is no calendar feed at this address: its token is unknown or revoked;"
            + " make a new one at /account/calendar";

    private record Found(CalendarToken token, AppUser user) {}

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    @Inject
    LoginThrottle throttle;

    @Inject
    FailedTokenLogins failures;

    /** A new calendar token for the person, revoking the one they had; the token is in the answer and nowhere else. */
    @Transactional
    public NewCalendarToken create(String username) {
        AppUser user = AppUser.findById(username, LockModeType.PESSIMISTIC_WRITE);
        if (user == null) throw new CalendarRefused(404, "there is no user '" + username + "'");
        Instant now = clock.instant();
        Map<String, Object> detail = new LinkedHashMap<>();
        CalendarToken.activeOf(username).ifPresent(old -> {
            old.revokedAt = now;
            detail.put("replaced_token_id", old.id);
        });
        String token = TokenHash.newToken(PREFIX);
        CalendarToken t = new CalendarToken();
        t.username = username;
        t.tokenHash = TokenHash.of(token);
        t.createdAt = now;
        t.persist();
        detail.put("token_id", t.id);
        audit.append(username, "calendar.token.created", username, detail);
        return new NewCalendarToken(t.id, token, now);
    }

    /** Revokes the person's calendar token: every feed address made with it stops answering at once. */
    @Transactional
    public void revoke(String username) {
        AppUser.findById(username, LockModeType.PESSIMISTIC_WRITE);
        CalendarToken t = CalendarToken.activeOf(username)
                .orElseThrow(() -> new CalendarRefused(404, "you have no calendar token to revoke"));
        t.revokedAt = clock.instant();
        audit.append(username, "calendar.token.revoked", username, Map.of("token_id", t.id));
    }

    /** The person's token in force, if any: when it was made, never the token. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Optional<Instant> activeSince(String username) {
        return CalendarToken.activeOf(username).map(t -> t.createdAt);
    }

    /**
     * The user name of the enabled account whose calendar token this is. Anything else is refused alike, so that
     * the answer tells nothing about what the feed's address names; the failure is audited and counted against the
     * client address, which is refused for a while after too many.
     */
    public String holder(String token, RoutingContext http) {
        String address = ClientAddress.of(http);
        Optional<Instant> cooling = throttle.coolingOffUntil(null, address);
        if (cooling.isPresent()) throw coolingOff(http, cooling.get());
        Found found = QuarkusTransaction.requiringNew().call(() -> {
            CalendarToken t = token == null || token.isBlank()
                    ? null
                    : CalendarToken.byHash(TokenHash.of(token)).orElse(null);
            return new Found(t, t == null ? null : AppUser.named(t.username).orElse(null));
        });
        if (found.token() == null) throw fail(http, null, address, "unknown calendar token");
        if (found.token().revoked()) throw fail(http, found.token(), address, "calendar token revoked");
        if (found.user() == null || !found.user().enabled) {
            throw fail(http, found.token(), address, "account disabled");
        }
        return found.user().username;
    }

    private CalendarRefused fail(RoutingContext http, CalendarToken token, String address, String reason) {
        return failures.record("calendar", token, address, reason)
                .map(until -> coolingOff(http, until))
                .orElseGet(() -> new CalendarRefused(404, UNKNOWN));
    }

    private static CalendarRefused coolingOff(RoutingContext http, Instant until) {
        CoolingOff.mark(http, until);
        return new CalendarRefused(
                429, "too many unknown calendar tokens came from this address; try again after " + until);
    }

    /** A token as created: shown once. */
    public record NewCalendarToken(long id, String token, Instant createdAt) {}
}
