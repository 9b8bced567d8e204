package dev.rounds.heartbeat;

import io.quarkus.hibernate.orm.panache.PanacheEntityBase;
import jakarta.persistence.Entity;
import jakarta.persistence.Id;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** A job that reports in: its secret ping token and the state of its latest ping. */
@Entity
@Table(name = "heartbeat")
public class Heartbeat extends PanacheEntityBase {

    @Id
    public String name;

    /** The secret in the job's ping URL; never logged or audited. */
    public String token;

    public Instant createdAt;

    public Instant lastPingAt;

    /** The {@link PingKind#status()} of the latest ping, or {@code null} before the first. */
    public String lastStatus;

    public String lastMessage;

    public Instant lastSuccessAt;

    public static Optional<Heartbeat> findByToken(String token) {
        return find("token", token).firstResultOptional();
    }

    public static List<Heartbeat> listByName() {
        return list("order by name");
    }

    HeartbeatState state() {
        return new HeartbeatState(
                name, lastPingAt, lastStatus == null ? HeartbeatState.NEVER : lastStatus, lastSuccessAt, lastMessage);
    }
}
