package dev.rounds.schedule;

import dev.rounds.checklist.SignoffPolicy;
import dev.rounds.core.IdentityEntity;
import jakarta.persistence.Entity;
import jakarta.persistence.EnumType;
import jakarta.persistence.Enumerated;
import jakarta.persistence.Table;
import java.time.Instant;
import java.util.List;
import java.util.Optional;

/** One activity in one period: {@code daily/backup-review @ 2026-11-26}. */
@Entity
@Table(name = "occurrence")
public class Occurrence extends IdentityEntity {

    public String checklistId;

    public String activityId;

    public String periodLabel;

    public String cadence;

    public Instant periodStart;

    public Instant periodEnd;

    public Instant dueAt;

    public String title;

    public String guidance;

    @Enumerated(EnumType.STRING)
    public SignoffPolicy signoffPolicy;

    public boolean hasProbes;

    public String checklistSha256;

    @Enumerated(EnumType.STRING)
    public OccurrenceStatus status;

    /** Why the status is what it is, where that is not obvious: a pause reason, the failing conditions. */
    public String statusReason;

    /** Anything unusual about how the occurrence was opened, e.g. a due time moved for a first occurrence. */
    public String openingNote;

    /** Under {@code on-failure}: a confirmed failure holds the occurrence failing until a person signs off. */
    public boolean failureConfirmed;

    public Instant openedAt;

    public Instant completedAt;

    public Instant signedOffAt;

    public String signedOffBy;

    /** When the probes without {@code every} were last started for this occurrence. */
    public Instant probesRunAt;

    /** The waiver that excused this occurrence, or {@code null}. */
    public Long waiverId;

    /** The period has ended: nothing changes this occurrence any more. */
    public boolean frozen;

    /** The subject under which the audit log records this occurrence. */
    public String subject() {
        return checklistId + "/" + activityId + "@" + periodLabel;
    }

    public static Optional<Occurrence> findFor(String checklistId, String activityId, String periodLabel) {
        return find("checklistId = ?1 and activityId = ?2 and periodLabel = ?3", checklistId, activityId, periodLabel)
                .firstResultOptional();
    }

    /** The latest occurrence of an activity, to know from which period start-up catch-up must begin. */
    public static Optional<Occurrence> latestOf(String checklistId, String activityId) {
        return find("checklistId = ?1 and activityId = ?2 order by periodStart desc", checklistId, activityId)
                .firstResultOptional();
    }

    /** An activity's occurrences whose period has not ended, e.g. to apply a waiver at once. */
    public static List<Occurrence> findUnfrozen(String checklistId, String activityId) {
        return list(
                "frozen = false and checklistId = ?1 and activityId = ?2 order by periodStart",
                checklistId,
                activityId);
    }

    public static List<Occurrence> findUnfrozen() {
        return list("frozen = false order by periodStart, checklistId, id");
    }

    /** Occurrences whose period contains the instant, i.e. "today's" for every cadence. */
    public static List<Occurrence> findCurrent(Instant at) {
        return list("periodStart <= ?1 and periodEnd > ?1 order by checklistId, id", at);
    }
}
