package dev.rounds.change;

import dev.rounds.audit.AuditLog;
import dev.rounds.checklist.ChecklistRegistry;
import dev.rounds.checklist.ChecklistSet;
import dev.rounds.text.SuppliedText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * Takes a change through its steps in order, each step one audit entry naming its actor. A step commits before
 * the request returns.
 */
@ApplicationScoped
public class ChangeService {

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Inject
    ChecklistRegistry registry;

    @Transactional
    public Change request(String actor, ChangeRequest request) {
        SuppliedText.require("title", request.title());
        SuppliedText.require("description", request.description());
        SuppliedText.require("target", request.target());
        SuppliedText.require("activity", request.activity());
        if (!request.plannedEnd().isAfter(request.plannedStart())) {
            throw new ChangeRefused(
                    422,
                    "the planned end " + request.plannedEnd() + " must be after the planned start "
                            + request.plannedStart());
        }
        ChecklistSet checklists = registry.current();
        String target = blankToNull(request.target());
        if (target != null && checklists.inventory().target(target).isEmpty()) {
            throw new ChangeRefused(422, "there is no target '" + target + "' in the inventory");
        }
        String activity = blankToNull(request.activity());
        if (activity != null && !isActivity(checklists, activity)) {
            throw new ChangeRefused(422, "there is no activity '" + activity + "'; name it as checklist/activity");
        }
        Change c = new Change();
        c.title = request.title().strip();
        c.description = request.description().strip();
        c.targetId = target;
        c.activity = activity;
        c.plannedStart = request.plannedStart();
        c.plannedEnd = request.plannedEnd();
        c.state = ChangeState.REQUESTED;
        c.requestedBy = actor;
        c.requestedAt = clock.instant();
        c.persist();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("title", c.title);
        detail.put("planned_start", c.plannedStart.toString());
        detail.put("planned_end", c.plannedEnd.toString());
        if (target != null) detail.put("target", target);
        if (activity != null) detail.put("activity", activity);
        audit.append(actor, "change.requested", c.subject(), detail);
        return c;
    }

    @Transactional
    public Change classify(long id, String actor, ChangeSteps.Classification classification) {
        Change c = locked(id);
        ChangeState next = ChangeStep.CLASSIFY.apply(c.id, c.state);
        ChangePriority priority = Vocabulary.parse(ChangePriority.class, classification.priority(), "priority");
        ChangeCategory category = Vocabulary.parse(ChangeCategory.class, classification.category(), "category");
        c.state = next;
        c.priority = priority;
        c.category = category;
        c.classifiedBy = actor;
        c.classifiedAt = clock.instant();
        record(
                ChangeStep.CLASSIFY,
                c,
                actor,
                Map.of("priority", Vocabulary.label(priority), "category", Vocabulary.label(category)));
        return c;
    }

    @Transactional
    public Change approve(long id, String actor, ChangeSteps.Decision decision) {
        SuppliedText.require("note", decision == null ? null : decision.note());
        return decide(ChangeStep.APPROVE, id, actor, decision);
    }

    @Transactional
    public Change reject(long id, String actor, ChangeSteps.Decision decision) {
        SuppliedText.require("note", decision == null ? null : decision.note());
        if (blankToNull(decision == null ? null : decision.note()) == null) {
            throw new ChangeRefused(422, "rejecting change " + id + " needs a note saying why");
        }
        return decide(ChangeStep.REJECT, id, actor, decision);
    }

    @Transactional
    public Change implement(long id, String actor, ChangeSteps.Implementation implementation) {
        SuppliedText.require("note", implementation == null ? null : implementation.note());
        Change c = locked(id);
        ChangeState next = ChangeStep.IMPLEMENT.apply(c.id, c.state);
        String note = blankToNull(implementation.note());
        if (note == null) {
            throw new ChangeRefused(
                    422, "say what was done and how it went in the implementation note of change " + id);
        }
        Instant now = clock.instant();
        Instant at = implementation.at() == null ? now : implementation.at();
        if (at.isAfter(now)) {
            throw new ChangeRefused(
                    422,
                    "the implementation time " + at + " is in the future; record a change "
                            + "once it has been carried out");
        }
        c.state = next;
        c.implementedBy = actor;
        c.implementedAt = at;
        c.implementationNote = note;
        record(ChangeStep.IMPLEMENT, c, actor, Map.of("implemented_at", at.toString(), "note", note));
        return c;
    }

    @Transactional
    public Change review(long id, String actor, ChangeSteps.Review review) {
        SuppliedText.require("note", review == null ? null : review.note());
        Change c = locked(id);
        ChangeState next = ChangeStep.REVIEW.apply(c.id, c.state);
        ChangeOutcome outcome = Vocabulary.parse(ChangeOutcome.class, review.outcome(), "outcome");
        String note = blankToNull(review.note());
        if (note == null) {
            throw new ChangeRefused(422, "say whether change " + id + " met its goals in the review note");
        }
        c.state = next;
        c.outcome = outcome;
        c.reviewedBy = actor;
        c.reviewedAt = clock.instant();
        c.reviewNote = note;
        record(ChangeStep.REVIEW, c, actor, Map.of("outcome", Vocabulary.label(outcome), "note", note));
        return c;
    }

    /** The changes of a period, e.g. a week for the weekly review; see {@link Change#findBetween}. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Change> between(Instant from, Instant to) {
        return Change.findBetween(from, to);
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<Change> all() {
        return Change.findAllNewestFirst();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public Change get(long id) {
        Change c = Change.findById(id);
        if (c == null) {
            throw new ChangeRefused(404, "there is no change " + id);
        }
        return c;
    }

    /** Approving or rejecting: a manager's decision, never on their own request. */
    private Change decide(ChangeStep step, long id, String actor, ChangeSteps.Decision decision) {
        Change c = locked(id);
        ChangeState next = step.apply(c.id, c.state);
        if (c.requestedBy.equals(actor)) {
            throw new ChangeRefused(
                    403, c.subject() + " was requested by " + actor + "; another manager must approve or reject it");
        }
        c.state = next;
        c.decidedBy = actor;
        c.decidedAt = clock.instant();
        c.decisionNote = blankToNull(decision == null ? null : decision.note());
        record(step, c, actor, c.decisionNote == null ? Map.of() : Map.of("note", c.decisionNote));
        return c;
    }

    private void record(ChangeStep step, Change c, String actor, Map<String, Object> facts) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("title", c.title);
        detail.putAll(facts);
        audit.append(actor, step.action(), c.subject(), detail);
    }

    private Change locked(long id) {
        Change c = Change.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (c == null) {
            throw new ChangeRefused(404, "there is no change " + id);
        }
        return c;
    }

    private static boolean isActivity(ChecklistSet checklists, String activity) {
        String[] ids = activity.split("/", 2);
        return ids.length == 2
                && checklists.checklist(ids[0]).flatMap(c -> c.activity(ids[1])).isPresent();
    }

    private static String blankToNull(String text) {
        return text == null || text.isBlank() ? null : text.strip();
    }
}
