package dev.rounds.waiver;

import dev.rounds.audit.AuditLog;
import dev.rounds.checklist.Checklist;
import dev.rounds.checklist.ChecklistRegistry;
import dev.rounds.schedule.Occurrence;
import dev.rounds.schedule.OccurrenceStatus;
import dev.rounds.schedule.ScheduleService;
import dev.rounds.text.SuppliedText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import org.jboss.logging.Logger;

/**
 * Requests, decides, revokes and expires waivers, each step one audit entry naming its actor. A decision commits
 * before the request returns.
 */
@ApplicationScoped
public class WaiverService {

    private static final Logger LOG = Logger.getLogger(WaiverService.class);

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Inject
    ChecklistRegistry registry;

    @Inject
    ScheduleService schedule;

    @Transactional
    public Waiver request(String actor, WaiverRequest request) {
        SuppliedText.require("checklist", request.checklist());
        SuppliedText.require("activity", request.activity());
        SuppliedText.require("reason", request.reason());
        Checklist checklist = registry.current()
                .checklist(request.checklist())
                .orElseThrow(() -> new WaiverRefused(422, "there is no checklist '" + request.checklist() + "'"));
        if (checklist.activity(request.activity()).isEmpty()) {
            throw new WaiverRefused(
                    422, "checklist '" + checklist.id() + "' has no activity '" + request.activity() + "'");
        }
        Instant now = clock.instant();
        if (!request.expires().isAfter(now)) {
            throw new WaiverRefused(
                    422,
                    "the expiry " + request.expires() + " is not in the future; a waiver "
                            + "must end after it is requested");
        }
        Waiver w = new Waiver();
        w.checklistId = checklist.id();
        w.activityId = request.activity();
        w.reason = request.reason().strip();
        w.expiresAt = request.expires();
        w.state = WaiverState.REQUESTED;
        w.requestedBy = actor;
        w.requestedAt = now;
        w.persist();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("waiver_id", w.id);
        detail.put("activity", w.activity());
        detail.put("reason", w.reason);
        detail.put("expires_at", w.expiresAt.toString());
        audit.append(actor, "waiver.requested", w.subject(), detail);
        return w;
    }

    /**
     * Approves a requested waiver and applies it at once to the activity's occurrences that come due before
     * it expires and are still to be done. Nobody approves their own request.
     */
    @Transactional
    public Waiver approve(long id, String actor, WaiverDecision decision) {
        requireText(decision);
        Waiver w = lockedRequested(id, "approved");
        if (w.requestedBy.equals(actor)) {
            throw new WaiverRefused(
                    403, w.subject() + " was requested by " + actor + "; another manager must approve it");
        }
        Instant now = clock.instant();
        if (!w.expiresAt.isAfter(now)) {
            throw new WaiverRefused(409, w.subject() + " expired at " + w.expiresAt + " before it was approved");
        }
        decide(w, WaiverState.APPROVED, actor, now, decision);
        audit.append(actor, "waiver.approved", w.subject(), decisionDetail(w));
        for (Occurrence o : Occurrence.findUnfrozen(w.checklistId, w.activityId)) {
            schedule.reevaluate(o);
        }
        return w;
    }

    @Transactional
    public Waiver reject(long id, String actor, WaiverDecision decision) {
        requireText(decision);
        Waiver w = lockedRequested(id, "rejected");
        requireNote(decision, "rejecting " + w.subject());
        decide(w, WaiverState.REJECTED, actor, clock.instant(), decision);
        audit.append(actor, "waiver.rejected", w.subject(), decisionDetail(w));
        return w;
    }

    /** Ends an approved waiver now; occurrences it already excused stay waived, as decided at the time. */
    @Transactional
    public Waiver revoke(long id, String actor, WaiverDecision decision) {
        requireText(decision);
        Waiver w = locked(id);
        if (w.state != WaiverState.APPROVED) {
            throw new WaiverRefused(
                    409, w.subject() + " is " + w.state.label() + "; only an approved waiver can be revoked");
        }
        requireNote(decision, "revoking " + w.subject());
        w.state = WaiverState.REVOKED;
        w.revokedBy = actor;
        w.revokedAt = clock.instant();
        w.revokeNote = decision.note().strip();
        audit.append(actor, "waiver.revoked", w.subject(), Map.of("activity", w.activity(), "note", w.revokeNote));
        return w;
    }

    /**
     * Records each waiver whose expiry has passed as expired, once: one audit entry by {@code system}. Whether a
     * waiver excuses an occurrence never waits for this; it compares the expiry with the occurrence's due time.
     *
     * @return how many waivers expired
     */
    @Transactional
    public int expireDue() {
        Instant now = clock.instant();
        List<Waiver> expired = Waiver.lockExpiredBy(now);
        for (Waiver w : expired) {
            WaiverState before = w.state;
            w.state = WaiverState.EXPIRED;
            w.expiredAt = now;
            audit.append(
                    AuditLog.SYSTEM,
                    "waiver.expired",
                    w.subject(),
                    Map.of("activity", w.activity(), "expires_at", w.expiresAt.toString(), "was", before.label()));
            LOG.infof("waiver=%d activity=%s expired=%s was=%s", w.id, w.activity(), w.expiresAt, before.label());
        }
        return expired.size();
    }

    /** Approved waivers that expire within the given time from now, soonest first: whose owners to remind. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Waiver> expiringWithin(Duration within) {
        Instant now = clock.instant();
        return Waiver.findApprovedExpiring(now, now.plus(within));
    }

    /**
     * The activities ({@code checklist/activity}) an approved waiver covered at some instant of {@code [from, to]}:
     * the only ones {@link #isWaived} can answer yes for in that span, found in one query for a storm of incidents.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<String> waivedWithin(Instant from, Instant to) {
        return Waiver.<Waiver>list(
                        "state in ?1 and decidedAt <= ?3 and expiresAt > ?2 and (revokedAt is null or revokedAt > ?2)",
                        List.of(WaiverState.APPROVED, WaiverState.REVOKED, WaiverState.EXPIRED),
                        from,
                        to)
                .stream()
                .map(Waiver::activity)
                .collect(Collectors.toSet());
    }

    /** Whether an approved waiver covered the activity at the instant, e.g. to keep a notifier quiet about it. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isWaived(String checklistId, String activityId, Instant at) {
        return Waiver.inForceAt(checklistId, activityId, at).isPresent();
    }

    /** Every waiver in a state, or every waiver for {@code null}, newest first. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Waiver> list(WaiverState state) {
        return state == null ? Waiver.findAllNewestFirst() : Waiver.findByState(state);
    }

    /**
     * The occurrences a waiver excused whose period starts in {@code [from, to)}: what compliance leaves out of
     * "due" and what the reports list as waived.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Occurrence> waivedBetween(Instant from, Instant to) {
        return Occurrence.list(
                "status = ?1 and waiverId is not null and periodStart >= ?2 and periodStart < ?3"
                        + " order by periodStart, checklistId, activityId",
                OccurrenceStatus.WAIVED,
                from,
                to);
    }

    private Waiver locked(long id) {
        Waiver w = Waiver.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (w == null) {
            throw new WaiverRefused(404, "there is no waiver " + id);
        }
        return w;
    }

    private Waiver lockedRequested(long id, String verb) {
        Waiver w = locked(id);
        if (w.state != WaiverState.REQUESTED) {
            throw new WaiverRefused(
                    409, w.subject() + " is " + w.state.label() + "; only a requested waiver can be " + verb);
        }
        return w;
    }

    private static void decide(Waiver w, WaiverState state, String actor, Instant at, WaiverDecision decision) {
        w.state = state;
        w.decidedBy = actor;
        w.decidedAt = at;
        w.decisionNote =
                decision == null || decision.note() == null || decision.note().isBlank()
                        ? null
                        : decision.note().strip();
    }

    private static void requireText(WaiverDecision decision) {
        SuppliedText.require("note", decision == null ? null : decision.note());
    }

    private static void requireNote(WaiverDecision decision, String what) {
        if (decision == null || decision.note() == null || decision.note().isBlank()) {
            throw new WaiverRefused(422, what + " needs a note saying why");
        }
    }

    private static Map<String, Object> decisionDetail(Waiver w) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("activity", w.activity());
        detail.put("requested_by", w.requestedBy);
        detail.put("expires_at", w.expiresAt.toString());
        if (w.decisionNote != null) detail.put("note", w.decisionNote);
        return detail;
    }
}
