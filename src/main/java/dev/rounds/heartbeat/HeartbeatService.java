package dev.rounds.heartbeat;

import dev.rounds.audit.AuditLog;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.security.SecureRandom;
import java.time.Clock;
import java.time.Instant;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Creates heartbeats and their tokens, records pings and rotates tokens. Tokens are 256 random bits, URL-safe
 * base64; they appear only in the database and in the admin's heartbeat list, never in the audit log or the logs.
 */
@ApplicationScoped
public class HeartbeatService implements HeartbeatLedger {

    /** A heartbeat name: it ends up in audit actors and URLs, so it is kept to plain characters. */
    public static final Pattern NAME = Pattern.compile("[A-Za-z0-9._-]{1,100}");
    /** The most of a ping's body kept as its message. */
    public static final int MESSAGE_CHARS = 1000;

    private static final SecureRandom RANDOM = new SecureRandom();

    @Inject
    AuditLog audit;

    @Inject
    Clock clock;

    /** Creates a heartbeat, with a new token, for each name that has none yet. */
    @Transactional
    public void ensure(Collection<String> names) {
        for (String name : names) {
            if (Heartbeat.findById(name) != null) continue;
            Heartbeat heartbeat = new Heartbeat();
            heartbeat.name = name;
            heartbeat.token = newToken();
            heartbeat.createdAt = clock.instant();
            heartbeat.persist();
            audit.append(AuditLog.SYSTEM, "heartbeat.created", name, Map.of());
        }
    }

    /**
     * Records a ping: the heartbeat's new state and one audit entry by {@code heartbeat:<name>}.
     *
     * @throws UnknownHeartbeat when no heartbeat has this token; nothing is recorded
     */
    @Transactional
    public HeartbeatState ping(String token, PingKind kind, String message) {
        Heartbeat heartbeat = Heartbeat.findByToken(token)
                .orElseThrow(() -> new UnknownHeartbeat("no heartbeat has this ping token; an admin finds each"
                        + " heartbeat's ping URL at GET /api/heartbeats"));
        Heartbeat.getEntityManager().lock(heartbeat, LockModeType.PESSIMISTIC_WRITE);
        Instant now = clock.instant();
        heartbeat.lastPingAt = now;
        heartbeat.lastStatus = kind.status();
        heartbeat.lastMessage = message == null || message.isBlank() ? null : message;
        if (kind == PingKind.SUCCESS) heartbeat.lastSuccessAt = now;
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("status", kind.status());
        if (heartbeat.lastMessage != null) detail.put("message", heartbeat.lastMessage);
        audit.append("heartbeat:" + heartbeat.name, "heartbeat.ping", heartbeat.name, detail);
        return heartbeat.state();
    }

    /** Gives the heartbeat a new token; the old one stops working at once. */
    @Transactional
    public Heartbeat rotate(String name, String actor) {
        Heartbeat heartbeat = Heartbeat.<Heartbeat>findByIdOptional(name, LockModeType.PESSIMISTIC_WRITE)
                .orElseThrow(() -> new UnknownHeartbeat(
                        "no heartbeat is named '" + name + "'; the checklists'" + " heartbeat probes declare them"));
        heartbeat.token = newToken();
        audit.append(actor, "heartbeat.rotated", name, Map.of());
        return heartbeat;
    }

    @Transactional
    public List<Heartbeat> list() {
        return Heartbeat.listByName();
    }

    @Override
    @Transactional
    public Optional<HeartbeatState> state(String name) {
        return Heartbeat.<Heartbeat>findByIdOptional(name).map(Heartbeat::state);
    }

    private static String newToken() {
        byte[] bytes = new byte[32];
        RANDOM.nextBytes(bytes);
        return Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
    }
}
