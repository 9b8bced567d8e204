package dev.rounds.schedule;

import dev.rounds.audit.AuditLog;
import dev.rounds.checklist.Activity;
import dev.rounds.checklist.Checklist;
import dev.rounds.checklist.ChecklistRegistry;
import dev.rounds.checklist.ChecklistSet;
import dev.rounds.core.ProblemTitle;
import dev.rounds.core.RoundsException;
import dev.rounds.probe.ProbeScheduler;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Instant;
import java.time.format.DateTimeFormatter;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.jboss.logging.Logger;

/**
 * Opens occurrences as periods begin, follows them through their statuses, and freezes them when their
 * period ends. Everything it knows is in the database, so a restart (or another instance) carries on.
 */
@ApplicationScoped
public class ScheduleService {

    private static final Logger LOG = Logger.getLogger(ScheduleService.class);
    private static final DateTimeFormatter USUAL_DUE = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm zzz");

    @Inject
    Clock clock;

    @Inject
    ChecklistRegistry registry;

    @Inject
    OccurrenceJudge judge;

    @Inject
    ProbeScheduler probeScheduler;

    @Inject
    AuditLog audit;

    @Inject
    ScheduleConfig config;

    @Inject
    OccurrenceMetrics metrics;

    @Inject
    Excuses excuses;

    /** Opens what is due to open, then re-evaluates every occurrence whose period has not ended. */
    @Transactional
    public void tick() {
        Instant now = clock.instant();
        ChecklistSet checklists = registry.current();
        for (Checklist checklist : checklists.checklists()) {
            for (Activity activity : checklist.activities()) {
                openUpTo(checklist, activity, now);
            }
        }
        List<Occurrence> unfrozen = Occurrence.findUnfrozen();
        for (Occurrence occurrence : unfrozen) {
            evaluate(occurrence, checklists, now);
        }
        metrics.update(unfrozen, now);
    }

    /**
     * Opens the current period's occurrence and, after downtime, every period in between: each of those
     * came due while Rounds was not there to see it, so each is recorded, never folded into one.
     */
    private void openUpTo(Checklist checklist, Activity activity, Instant now) {
        Period current = Period.containing(checklist.cadence(), checklist.timezone(), now);
        if (!current.contains(now)) return; // before a recurrence rule's first date
        Optional<Occurrence> latest = Occurrence.latestOf(checklist.id(), activity.id());
        Period period = latest.map(o -> periodAfter(checklist, o.periodStart)).orElse(current);
        boolean firstEver = latest.isEmpty();
        while (!period.start().toInstant().isAfter(current.start().toInstant())) {
            open(checklist, activity, period, now, firstEver);
            period = period.next();
        }
    }

    /**
     * The period after the one that started at {@code start}, or the first period of a rule whose {@code starts}
     * has since moved past it.
     */
    private static Period periodAfter(Checklist checklist, Instant start) {
        Period period = Period.containing(checklist.cadence(), checklist.timezone(), start);
        return period.contains(start) ? period.next() : period;
    }

    /**
     * @param firstEver the activity has no occurrence yet (a new installation or a new activity): one opened
     *     after its usual due time is due by the end of its period instead, because nobody could have done it
     *     in Rounds before Rounds knew of it
     */
    private void open(Checklist checklist, Activity activity, Period period, Instant now, boolean firstEver) {
        Occurrence o = new Occurrence();
        o.checklistId = checklist.id();
        o.activityId = activity.id();
        o.periodLabel = period.label();
        o.cadence = checklist.cadence().kind();
        o.periodStart = period.start().toInstant();
        o.periodEnd = period.end().toInstant();
        o.dueAt = period.dueAt(checklist.dueOf(activity));
        if (firstEver && !now.isBefore(o.dueAt)) {
            o.openingNote = "first occurrence, opened after the usual due time "
                    + USUAL_DUE.format(o.dueAt.atZone(checklist.timezone())) + "; due by the end of its period";
            o.dueAt = o.periodEnd;
        }
        o.title = activity.title();
        o.guidance = activity.guidance();
        o.signoffPolicy = activity.signoff();
        o.hasProbes = !activity.probes().isEmpty();
        o.checklistSha256 = checklist.sha256();
        o.openedAt = now;
        o.status = OccurrenceStatus.OPEN;
        if (!activity.enabled()) {
            o.status = OccurrenceStatus.WAIVED;
            o.statusReason = "activity paused: " + activity.pausedReason();
        }
        o.persist();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("status", o.status.label());
        detail.put("due_at", o.dueAt.toString());
        detail.put("checklist_sha256", o.checklistSha256);
        if (o.statusReason != null) detail.put("reason", o.statusReason);
        if (o.openingNote != null) detail.put("note", o.openingNote);
        audit.append(AuditLog.SYSTEM, "occurrence.opened", o.subject(), detail);
        LOG.debugf("occurrence=%s status=%s due=%s", o.subject(), o.status.label(), o.dueAt);
    }

    /** Applies the rules to one occurrence and records any change of status. */
    void evaluate(Occurrence o, ChecklistSet checklists, Instant now) {
        Optional<Checklist> checklist = checklists.checklist(o.checklistId);
        Optional<Activity> activity = checklist.flatMap(c -> c.activity(o.activityId));
        OccurrenceStatus before = o.status;
        Optional<Excuses.Excuse> excuse = activity.isPresent() && isExcusable(o) ? excuses.excuse(o) : Optional.empty();
        if (activity.isEmpty()) {
            if (!o.status.isSettled() && o.status != OccurrenceStatus.MISSED) {
                o.status = OccurrenceStatus.RETIRED;
                o.statusReason = "activity removed from checklist " + o.checklistId;
            }
        } else if (excuse.isPresent()) {
            o.status = OccurrenceStatus.WAIVED;
            o.statusReason = excuse.get().reason();
            o.waiverId = excuse.get().waiverId();
        } else {
            OccurrenceJudge.Verdict verdict = judge.verdictOf(o, checklist.get(), activity.get());
            var next = OccurrenceRules.next(
                    new OccurrenceRules.State(o.status, o.failureConfirmed, o.completedAt),
                    new OccurrenceRules.Inputs(
                            o.signoffPolicy, o.hasProbes, verdict.verdict(), o.signedOffAt, o.dueAt, o.periodEnd, now));
            o.status = next.status();
            o.failureConfirmed = next.failureConfirmed();
            o.completedAt = next.completedAt();
            if (o.status == OccurrenceStatus.FAILING || verdict.verdict() == ProbeVerdict.FAILING) {
                o.statusReason = verdict.reason();
            } else if (o.status == OccurrenceStatus.OPEN && !verdict.errors().isEmpty()) {
                o.statusReason = "probes could not run: " + String.join("; ", verdict.errors());
            } else if (!o.status.isSettled()) {
                o.statusReason = null;
            }
            runProbesIfDue(o, checklist.get(), activity.get(), verdict.verdict(), now);
        }
        if (!now.isBefore(o.periodEnd)) {
            o.frozen = true;
            if (o.status == OccurrenceStatus.MISSED) {
                metrics.missedAtPeriodEnd();
            }
        }
        if (o.status != before) {
            recordStatusChange(o, before);
        }
    }

    /** Completed and missed occurrences keep their status: a waiver excuses what is still to be done. */
    private static boolean isExcusable(Occurrence o) {
        return !o.status.isSettled() && o.status != OccurrenceStatus.MISSED && o.signedOffAt == null;
    }

    /** Records a status change in the audit log; the sign-off feature calls it after a sign-off too. */
    public void recordStatusChange(Occurrence o, OccurrenceStatus before) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("from", before.label());
        detail.put("to", o.status.label());
        if (o.statusReason != null) detail.put("reason", o.statusReason);
        audit.append(AuditLog.SYSTEM, "occurrence.status", o.subject(), detail);
        LOG.infof("occurrence=%s from=%s to=%s", o.subject(), before.label(), o.status.label());
    }

    /** Re-applies the rules to one occurrence now, e.g. right after a sign-off. */
    /**
     * The probes of an occurrence that ran but could not measure, with their messages: while there are any, a
     * person may vouch for an activity its probes cannot check.
     */
    public List<String> probeErrors(Occurrence o) {
        ChecklistSet checklists = registry.current();
        return checklists
                .checklist(o.checklistId)
                .flatMap(c -> c.activity(o.activityId)
                        .map(a -> judge.verdictOf(o, c, a).errors()))
                .orElse(List.of());
    }

    public void reevaluate(Occurrence o) {
        evaluate(o, registry.current(), clock.instant());
    }

    /** Probes without {@code every} run when the occurrence opens and are retried until up or due. */
    private void runProbesIfDue(
            Occurrence o, Checklist checklist, Activity activity, ProbeVerdict verdict, Instant now) {
        boolean once = activity.probes().stream().anyMatch(p -> !p.isContinuous());
        if (!once || o.status.isSettled() || !now.isBefore(o.dueAt) || verdict == ProbeVerdict.PASSING) {
            return;
        }
        if (o.probesRunAt == null || !now.isBefore(o.probesRunAt.plus(config.retry()))) {
            o.probesRunAt = now;
            probeScheduler.runOnce(checklist, activity);
        }
    }

    /**
     * Runs an activity's probes now, whatever their schedule, e.g. to prove a fix; the results count
     * toward the current occurrence like any other.
     */
    @Transactional
    public void runNow(String checklistId, String activityId, String actor) {
        Checklist checklist = registry.current()
                .checklist(checklistId)
                .orElseThrow(() -> new RoundsException(
                        404, ProblemTitle.NOT_FOUND, "there is no checklist '" + checklistId + "'"));
        Activity activity = checklist
                .activity(activityId)
                .orElseThrow(() -> new RoundsException(
                        404,
                        ProblemTitle.NOT_FOUND,
                        "checklist '" + checklistId + "' has no activity '" + activityId + "'"));
        if (activity.probes().isEmpty()) {
            throw new RoundsException(
                    409,
                    ProblemTitle.NOTHING_TO_RUN,
                    checklistId + "/" + activityId + " has no probes; it is completed by a sign-off");
        }
        Instant now = clock.instant();
        Period period = Period.containing(checklist.cadence(), checklist.timezone(), now);
        Occurrence.findFor(checklistId, activityId, period.label()).ifPresent(o -> o.probesRunAt = now);
        audit.append(actor, "activity.run", checklistId + "/" + activityId, Map.of("at", now.toString()));
        probeScheduler.runOnce(checklist, activity);
    }
}
