package dev.rounds.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rounds.audit.AuditLog;
import dev.rounds.text.SuppliedText;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Records events to tell people about, once each: the entry point for every notification. Delivery happens later
 * and elsewhere ({@link NotificationSender}), so a caller never waits for a webhook or a mail server.
 */
@ApplicationScoped
public class NotificationService {

    /** The column widths of V12__notifications.sql: a longer title or text is cut, not refused. */
    private static final int TITLE_CHARS = 500;

    private static final int TEXT_CHARS = 4000;
    private static final int FIELDS_CHARS = 4000;

    @Inject
    Clock clock;

    @Inject
    Channels channels;

    @Inject
    AuditLog audit;

    @Inject
    ObjectMapper json;

    /**
     * Queues the event for every channel configured now. An event whose key was published (or suppressed) before is
     * left as it was, so callers may publish whenever they notice something without tracking what they sent.
     */
    public void publish(NotificationEvent event) {
        once(event, () -> queue(event));
    }

    /**
     * Publishes several events as {@link #publish} does, in one transaction: a storm of incidents costs one commit,
     * not one each. Should another instance record one of the keys meanwhile, the unique key refuses the whole batch,
     * and the events are then published one at a time.
     */
    public void publishAll(List<NotificationEvent> events) {
        if (events.isEmpty()) return;
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                Set<String> recorded = new HashSet<>(Notification.existingKeys(
                        events.stream().map(NotificationEvent::key).toList()));
                for (NotificationEvent event : events) {
                    if (recorded.add(event.key())) queue(event);
                }
            });
        } catch (RuntimeException refused) {
            events.forEach(this::publish);
        }
    }

    private void queue(NotificationEvent event) {
        Notification n = record(event, null);
        Instant now = clock.instant();
        for (String channel : channels.names()) {
            NotificationDelivery d = new NotificationDelivery();
            d.notification = n;
            d.channel = channel;
            d.nextAttemptAt = now;
            d.persist();
        }
    }

    /**
     * Records the event as deliberately not sent, with the reason (one audit entry), so that it is never sent later
     * either; a key already recorded is left as it was.
     */
    public void suppress(NotificationEvent event, String reason) {
        once(event, () -> {
            record(event, reason);
            Map<String, Object> detail = new LinkedHashMap<>();
            detail.put("event", event.kind());
            detail.put("reason", reason);
            audit.append(AuditLog.SYSTEM, "notification.suppressed", event.key(), detail);
        });
    }

    /**
     * Records an event in a transaction of its own unless its key is recorded already. Another instance (or the
     * breach watch beside the scanner) may record the same key between the look and the insert: the unique key then
     * refuses the second, which is the outcome wanted, so that refusal is not an error.
     */
    private void once(NotificationEvent event, Runnable recording) {
        try {
            QuarkusTransaction.requiringNew().run(() -> {
                if (Notification.findByKey(event.key()).isEmpty()) recording.run();
            });
        } catch (RuntimeException refused) {
            boolean recordedMeanwhile = QuarkusTransaction.requiringNew()
                    .call(() -> Notification.findByKey(event.key()).isPresent());
            if (!recordedMeanwhile) throw refused;
        }
    }

    private Notification record(NotificationEvent event, String suppressedReason) {
        Notification n = new Notification();
        n.eventKey = event.key();
        n.kind = event.kind();
        n.title = SuppliedText.cut(event.title(), TITLE_CHARS);
        n.body = SuppliedText.cut(event.text(), TEXT_CHARS);
        n.link = event.link();
        n.eventAt = event.at();
        n.fields = fieldsJson(event.fields());
        n.recordedAt = clock.instant();
        n.suppressedReason = suppressedReason;
        n.persist();
        return n;
    }

    private String fieldsJson(Map<String, String> fields) {
        try {
            String stored = json.writeValueAsString(fields);
            if (stored.length() > FIELDS_CHARS) {
                throw new IllegalArgumentException("the fields of " + fields.keySet() + " take " + stored.length()
                        + " characters as JSON; at most " + FIELDS_CHARS + " are kept");
            }
            return stored;
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("fields of strings always serialise", e);
        }
    }
}
