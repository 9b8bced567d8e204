package dev.rounds.notify;

import dev.rounds.core.IdentityEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.JoinColumn;
import jakarta.persistence.ManyToOne;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** One event on its way to one channel: an outbox row, sent until delivered or given up. */
@Entity
@Table(name = "notification_delivery")
public class NotificationDelivery extends IdentityEntity {

    @ManyToOne(optional = false)
    @JoinColumn(name = "notification_id")
    public Notification notification;

    /** {@code webhook:<name>} or {@code email}. */
    public String channel;

    public int attempts;

    public Instant nextAttemptAt;

    public Instant deliveredAt;

    public Instant givenUpAt;

    public String lastError;

    /** Deliveries neither delivered nor given up whose next attempt is due, oldest first, with their events. */
    public static List<NotificationDelivery> findDue(Instant now, int limit) {
        return find(
                        "from NotificationDelivery d join fetch d.notification where d.deliveredAt is null"
                                + " and d.givenUpAt is null and d.nextAttemptAt <= ?1 order by d.nextAttemptAt, d.id",
                        now)
                .page(0, limit)
                .list();
    }

    /**
     * Claims this delivery until {@code until} for one sender: only one of several instances that found it due
     * moves its next attempt, so only that one sends it. A sender that dies mid-send leaves the claim to expire,
     * and the delivery is tried again: at least once, never twice at the same time.
     */
    public boolean claim(Instant until) {
        return update(
                        "nextAttemptAt = ?1 where id = ?2 and nextAttemptAt = ?3 and deliveredAt is null"
                                + " and givenUpAt is null",
                        until,
                        id,
                        nextAttemptAt)
                == 1;
    }
}
