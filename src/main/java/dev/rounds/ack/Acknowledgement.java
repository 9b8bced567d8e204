package dev.rounds.ack;

import dev.rounds.core.IdentityEntity;
import jakarta.persistence.Column;
import jakarta.persistence.Entity;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.Collection;
import java.util.List;

/** A person's statement that a failing probe × target is known and being dealt with, until a given time. */
@Entity
@Table(name = "acknowledgement")
public class Acknowledgement extends IdentityEntity {

    /** The probe × target, as {@link dev.rounds.probe.ProbeKey#toString()} writes it. */
    public String probeKey;

    public String actor;

    public String reason;

    public Instant createdAt;

    /** When it ends by itself. */
    @Column(name = "until_at")
    public Instant until;

    /** When a person ended it early, or {@code null}. */
    public Instant endedAt;

    public String endedBy;

    /** Whether it applies at the instant: created by then, not yet expired, not ended early. */
    public boolean isActiveAt(Instant at) {
        return !createdAt.isAfter(at) && at.isBefore(until) && (endedAt == null || at.isBefore(endedAt));
    }

    /** The acknowledgements of these probes that apply at the instant, oldest first. */
    public static List<Acknowledgement> findActive(Collection<String> probeKeys, Instant at) {
        if (probeKeys.isEmpty()) return List.of();
        return list(
                "probeKey in ?1 and createdAt <= ?2 and until > ?2 and (endedAt is null or endedAt > ?2) "
                        + "order by id",
                probeKeys,
                at);
    }

    /** Every acknowledgement that applies at the instant, newest first. */
    public static List<Acknowledgement> findActive(Instant at) {
        return list("createdAt <= ?1 and until > ?1 and (endedAt is null or endedAt > ?1) order by id desc", at);
    }
}
