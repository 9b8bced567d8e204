package dev.rounds.ack;

import java.time.Instant;

/** An acknowledgement as the API shows it; {@code active} is as of the moment of the request. */
public record AcknowledgementView(
        long id,
        String probe,
        String actor,
        String reason,
        Instant createdAt,
        Instant until,
        Instant endedAt,
        String endedBy,
        boolean active) {

    public static AcknowledgementView of(Acknowledgement a, Instant now) {
        return new AcknowledgementView(
                a.id, a.probeKey, a.actor, a.reason, a.createdAt, a.until, a.endedAt, a.endedBy, a.isActiveAt(now));
    }
}
