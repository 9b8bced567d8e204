package dev.rounds.notify;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rounds.audit.AuditLog;
import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.quarkus.narayana.jta.QuarkusTransaction;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Sends the outbox: each due delivery once per call, outside any transaction so that a slow channel holds no
 * database lock, then records the outcome: delivered, retried after a backoff, or given up after
 * {@code rounds.notify.max-attempts}. Delivered and given-up deliveries are one audit entry each.
 */
@ApplicationScoped
public class NotificationSender {

    private static final Logger LOG = Logger.getLogger(NotificationSender.class);
    private static final int BATCH = 100;
    private static final int ERROR_CHARS = 1000;
    private static final TypeReference<LinkedHashMap<String, String>> FIELDS = new TypeReference<>() {};

    @Inject
    Clock clock;

    @Inject
    NotifyConfig config;

    @Inject
    Channels channels;

    @Inject
    WebhookClient webhooks;

    @Inject
    EmailClient email;

    @Inject
    AuditLog audit;

    @Inject
    ObjectMapper json;

    @Inject
    MeterRegistry metrics;

    private record Attempt(long deliveryId, String channel, NotificationEvent event) {}

    /**
     * Attempts every delivery that is due now, one after the other, claimed and recorded {@value #BATCH} at a time:
     * a storm of events is sent at once, not {@value #BATCH} per send interval.
     *
     * @return how many were attempted
     */
    public int sendDue() {
        int attempted = 0;
        int claimed;
        do {
            claimed = sendBatch();
            attempted += claimed;
        } while (claimed == BATCH);
        return attempted;
    }

    private int sendBatch() {
        Instant now = clock.instant();
        // Longer than any attempt of the whole batch can take, so a claim outlives the sending it guards.
        Instant claimedUntil = now.plus(config.timeout().multipliedBy(2L * BATCH + 1));
        List<Attempt> due = QuarkusTransaction.requiringNew()
                .call(() -> NotificationDelivery.findDue(now, BATCH).stream()
                        .filter(d -> d.claim(claimedUntil))
                        .map(this::attempt)
                        .toList());
        for (Attempt attempt : due) {
            String error = deliver(attempt);
            QuarkusTransaction.requiringNew().run(() -> record(attempt, error));
        }
        return due.size();
    }

    private Attempt attempt(NotificationDelivery d) {
        Notification n = d.notification;
        return new Attempt(
                d.id,
                d.channel,
                new NotificationEvent(n.kind, n.eventKey, n.title, n.body, n.link, n.eventAt, fields(n.fields)));
    }

    /** @return why the attempt failed, or {@code null} when it was delivered */
    private String deliver(Attempt attempt) {
        try {
            if (Channels.EMAIL.equals(attempt.channel())) {
                List<String> to = channels.recipients();
                if (to.isEmpty()) return "email is no longer configured (rounds.notify.email.to)";
                email.send(to, attempt.event());
            } else {
                Optional<NotifyConfig.Webhook> webhook = channels.webhook(attempt.channel());
                if (webhook.isEmpty()) return attempt.channel() + " is no longer configured";
                webhooks.post(
                        attempt.channel(),
                        webhook.get().url(),
                        WebhookPayloads.render(json, webhook.get().format(), attempt.event()));
            }
            return null;
        } catch (DeliveryFailed e) {
            return e.getMessage();
        }
    }

    private void record(Attempt attempt, String error) {
        NotificationDelivery d = NotificationDelivery.findById(attempt.deliveryId());
        Instant now = clock.instant();
        d.attempts++;
        String key = attempt.event().key();
        if (error == null) {
            d.deliveredAt = now;
            d.lastError = null;
            audit.append(AuditLog.SYSTEM, "notification.sent", key, detail(d));
            count("sent", d.channel);
            return;
        }
        d.lastError = error.length() > ERROR_CHARS ? error.substring(0, ERROR_CHARS) : error;
        if (d.attempts >= config.maxAttempts()) {
            d.givenUpAt = now;
            Map<String, Object> detail = detail(d);
            detail.put("error", d.lastError);
            audit.append(AuditLog.SYSTEM, "notification.failed", key, detail);
            count("failed", d.channel);
            LOG.warnf("notification %s to %s given up after %d attempts: %s", key, d.channel, d.attempts, d.lastError);
        } else {
            d.nextAttemptAt = now.plus(Backoff.after(config.backoff(), d.attempts));
            LOG.debugf(
                    "notification %s to %s failed (attempt %d), next at %s: %s",
                    key, d.channel, d.attempts, d.nextAttemptAt, d.lastError);
        }
    }

    private static Map<String, Object> detail(NotificationDelivery d) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("event", d.notification.eventKey);
        detail.put("channel", d.channel);
        detail.put("attempts", d.attempts);
        return detail;
    }

    private void count(String outcome, String channel) {
        Counter.builder("rounds.notifications")
                .description("notifications delivered or given up, per channel")
                .tag("outcome", outcome)
                .tag("channel", channel)
                .register(metrics)
                .increment();
    }

    private Map<String, String> fields(String stored) {
        try {
            return json.readValue(stored, FIELDS);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("notification fields are stored as a JSON object of strings", e);
        }
    }
}
