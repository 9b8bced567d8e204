package dev.rounds.waiver;

import dev.rounds.core.IdentityEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.LockModeType;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** An approved exception for an activity, with a reason, an approver and an expiry. */
@Entity
@Table(name = "waiver")
public class Waiver extends IdentityEntity {

    public String checklistId;

    public String activityId;

    public String reason;

    public Instant expiresAt;

    @Enumerated(EnumType.STRING)
    public WaiverState state;

    public String requestedBy;

    public Instant requestedAt;

    /** The manager who approved or rejected it. */
    public String decidedBy;

    public Instant decidedAt;

    public String decisionNote;

    public String revokedBy;

    public Instant revokedAt;

    public String revokeNote;

    /** When Rounds recorded the expiry. */
    public Instant expiredAt;

    /** The subject under which the audit log records this waiver. */
    public String subject() {
        return "waiver/" + id;
    }

    public String activity() {
        return checklistId + "/" + activityId;
    }

    /**
     * The waiver of an activity that was in force at an instant: approved by then, and neither expired nor
     * revoked by then. Later approvals win where two overlap, as the newer decision.
     */
    public static Optional<Waiver> inForceAt(String checklistId, String activityId, Instant at) {
        return find(
                        "checklistId = ?1 and activityId = ?2 and state in ?3 and decidedAt <= ?4 and expiresAt > ?4"
                                + " and (revokedAt is null or revokedAt > ?4) order by decidedAt desc",
                        checklistId,
                        activityId,
                        List.of(WaiverState.APPROVED, WaiverState.REVOKED, WaiverState.EXPIRED),
                        at)
                .firstResultOptional();
    }

    /**
     * Requested or approved waivers whose expiry has passed but is not yet recorded, locked so that two instances
     * record each expiry once.
     */
    public static List<Waiver> lockExpiredBy(Instant now) {
        return find(
                        "state in ?1 and expiresAt <= ?2 order by expiresAt, id",
                        List.of(WaiverState.REQUESTED, WaiverState.APPROVED),
                        now)
                .<Waiver>withLock(LockModeType.PESSIMISTIC_WRITE)
                .list();
    }

    /** Approved waivers that expire after {@code from} and no later than {@code to}, soonest first. */
    public static List<Waiver> findApprovedExpiring(Instant from, Instant to) {
        return list(
                "state = ?1 and expiresAt > ?2 and expiresAt <= ?3 order by expiresAt, id",
                WaiverState.APPROVED,
                from,
                to);
    }

    public static List<Waiver> findByState(WaiverState state) {
        return list("state = ?1 order by id desc", state);
    }

    public static List<Waiver> findAllNewestFirst() {
        return list("order by id desc");
    }
}
