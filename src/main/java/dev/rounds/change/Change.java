package dev.rounds.change;

import dev.rounds.core.IdentityEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;

/** A request for change and each step taken on it, with who took it and when. */
@Entity
@Table(name = "change_request")
public class Change extends IdentityEntity {

    public String title;

    public String description;

    /** The inventory target the change touches, if one. */
    public String targetId;

    /** The activity the change concerns, as {@code checklist/activity}, if one. */
    public String activity;

    public Instant plannedStart;

    public Instant plannedEnd;

    @Enumerated(EnumType.STRING)
    public ChangeState state;

    public String requestedBy;

    public Instant requestedAt;

    @Enumerated(EnumType.STRING)
    public ChangePriority priority;

    @Enumerated(EnumType.STRING)
    public ChangeCategory category;

    public String classifiedBy;

    public Instant classifiedAt;

    /** The manager who approved or rejected it. */
    public String decidedBy;

    public Instant decidedAt;

    public String decisionNote;

    public String implementedBy;

    /** When the change was carried out, as the implementer states it. */
    public Instant implementedAt;

    public String implementationNote;

    public String reviewedBy;

    public Instant reviewedAt;

    public String reviewNote;

    @Enumerated(EnumType.STRING)
    public ChangeOutcome outcome;

    /** The subject under which the audit log records this change. */
    public String subject() {
        return "change/" + id;
    }

    /**
     * The changes that belong to {@code [from, to)}: planned to overlap it, or requested or implemented in it,
     * in planned order.
     */
    public static List<Change> findBetween(Instant from, Instant to) {
        return list(
                "(plannedStart < ?2 and plannedEnd > ?1) or (requestedAt >= ?1 and requestedAt < ?2)"
                        + " or (implementedAt >= ?1 and implementedAt < ?2) order by plannedStart, id",
                from,
                to);
    }

    public static List<Change> findAllNewestFirst() {
        return list("order by id desc");
    }
}
