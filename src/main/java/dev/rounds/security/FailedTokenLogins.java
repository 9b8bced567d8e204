package dev.rounds.security;

import dev.rounds.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A personal token, of any kind, that let nobody in: audited as a failed login and counted against the client
 * address like a wrong password.
 */
@ApplicationScoped
public class FailedTokenLogins {

    @Inject
    LoginThrottle throttle;

    @Inject
    AuditLog audit;

    /**
     * Records the failure; answers the end of the cooling-off period it starts, if it starts one.
     *
     * @param via the kind of token, as the audit entry names it
     * @param token the token found, or {@code null} if none has that hash
     */
    public Optional<Instant> record(String via, HashedToken token, String address, String reason) {
        Optional<Instant> cooling = throttle.recordFailure(null, address);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("address", address);
        detail.put("reason", reason);
        detail.put("via", via);
        if (token != null) detail.put("token_id", token.id);
        cooling.ifPresent(until -> detail.put("cooling_off_until", until.toString()));
        String actor = token == null ? Actors.ANONYMOUS : token.username;
        audit.append(actor, "login.failed", actor, detail);
        return cooling;
    }
}
