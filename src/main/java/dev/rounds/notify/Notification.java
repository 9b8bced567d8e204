package dev.rounds.notify;

import dev.rounds.core.IdentityEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Optional;

/** One event Rounds recorded to tell people about, with why it stayed quiet if it did. */
@Entity
@Table(name = "notification")
public class Notification extends IdentityEntity {

    public String eventKey;

    public String kind;

    public String title;

    public String body;

    public String link;

    public Instant eventAt;

    /** The event's fields as a JSON object of strings. */
    public String fields;

    public Instant recordedAt;

    /** Why nothing was sent (an acknowledgement, a waiver), or {@code null}. */
    public String suppressedReason;

    public static Optional<Notification> findByKey(String key) {
        return find("eventKey", key).firstResultOptional();
    }

    /** Which of these keys are recorded already. */
    public static List<String> existingKeys(Collection<String> keys) {
        if (keys.isEmpty()) return List.of();
        return find("select eventKey from Notification where eventKey in ?1", keys)
                .project(String.class)
                .list();
    }
}
