package dev.rounds.report.controls;

import dev.rounds.checklist.Activity;
import dev.rounds.checklist.Checklist;
import dev.rounds.checklist.ChecklistRegistry;
import dev.rounds.checklist.ChecklistSet;
import dev.rounds.checklist.Control;
import dev.rounds.checklist.ControlRef;
import dev.rounds.checklist.Framework;
import dev.rounds.core.Incident;
import dev.rounds.core.Interval;
import dev.rounds.report.compliance.ComplianceCalculator;
import dev.rounds.report.compliance.ComplianceService;
import dev.rounds.report.compliance.OccurrenceFact;
import dev.rounds.report.rollup.Rollups;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.transaction.Transactional;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.stream.Collectors;
import java.util.stream.Stream;

/**
 * The per-control evidence of a period. A control's activities are those of the current checklists that list it;
 * their occurrences count as {@link ComplianceCalculator} counts them, and {@link Judgement} judges each control.
 */
@ApplicationScoped
public class ControlEvidenceService {

    @Inject
    ChecklistRegistry registry;

    @Inject
    ComplianceService compliance;

    @Inject
    Rollups rollups;

    @Inject
    EvidenceReads reads;

    /**
     * The report for the period, limited to one framework unless {@code framework} is {@code null}; an occurrence
     * counts once it is due by {@code now}.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ControlReport report(Interval period, String framework, Instant now) {
        return report(period, framework, now, Long.MAX_VALUE);
    }

    /**
     * The report as the audit chain stood at entry {@code lastSeq}: audit ranges cite no later entry, and an incident
     * that ended after the period shows as ongoing at its end, so that what happens later does not change a document
     * bound to that entry.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public ControlReport report(Interval period, String framework, Instant now, long lastSeq) {
        ChecklistSet checklists = registry.current();
        Map<ControlRef, List<ActivityKey>> implementers = implementers(checklists, framework);
        Map<String, List<OccurrenceFact>> counted =
                ComplianceCalculator.counted(compliance.facts(period), period, now).stream()
                        .collect(Collectors.groupingBy(f -> f.checklistId() + "/" + f.activityId()));
        List<Incident> incidents = implementers.isEmpty() ? List.of() : rollups.incidents(period);

        Map<ActivityKey, ActivityEvidence> activities = new HashMap<>();
        var controls = new ArrayList<ControlEvidence>();
        var gaps = new ArrayList<ControlGap>();
        for (Framework f : checklists.frameworks().selected(framework)) {
            for (Control control : f.controls()) {
                List<ActivityKey> keys = implementers.get(new ControlRef(f.id(), control.id()));
                if (keys == null) {
                    gaps.add(new ControlGap(f.id(), control));
                    continue;
                }
                List<ActivityEvidence> evidence = keys.stream()
                        .map(k -> activities.computeIfAbsent(
                                k,
                                key -> activity(
                                        key, counted.getOrDefault(key.key(), List.of()), incidents, period, lastSeq)))
                        .toList();
                controls.add(control(f.id(), control, evidence, counted));
            }
        }
        AuditRange audit =
                AuditRange.over(controls.stream().map(ControlEvidence::audit).toList());
        return new ControlReport(period, framework, controls, gaps, audit);
    }

    /** Which activities list each control, by checklist id then activity id. */
    private static Map<ControlRef, List<ActivityKey>> implementers(ChecklistSet checklists, String framework) {
        Map<ControlRef, List<ActivityKey>> implementers = new LinkedHashMap<>();
        List<Checklist> sorted = checklists.checklists().stream()
                .sorted(Comparator.comparing(Checklist::id))
                .toList();
        for (Checklist checklist : sorted) {
            List<Activity> activities = checklist.activities().stream()
                    .sorted(Comparator.comparing(Activity::id))
                    .toList();
            for (Activity activity : activities) {
                for (ControlRef ref : activity.controls()) {
                    if (framework != null && !ref.framework().equals(framework)) continue;
                    implementers
                            .computeIfAbsent(ref, r -> new ArrayList<>())
                            .add(new ActivityKey(checklist.id(), activity.id(), activity.title()));
                }
            }
        }
        return implementers;
    }

    /** @param own the activity's occurrences counted in the period */
    private ActivityEvidence activity(
            ActivityKey key, List<OccurrenceFact> own, List<Incident> incidents, Interval period, long lastSeq) {
        Map<Long, String> subjects = new LinkedHashMap<>();
        for (OccurrenceFact fact : own) subjects.put(fact.id(), subject(fact));
        List<WaiverEvidence> waivers = reads.waivers(key.checklistId(), key.activityId(), period);
        List<String> audited = Stream.concat(
                        subjects.values().stream(), waivers.stream().map(w -> "waiver/" + w.id()))
                .toList();
        String prefix = key.checklistId() + "/" + key.activityId() + "#";
        return new ActivityEvidence(
                key.checklistId(),
                key.activityId(),
                key.title(),
                ComplianceCalculator.tally("activity:" + key.checklistId() + "/" + key.activityId(), own),
                own.stream()
                        .map(f -> new OccurrenceEvidence(
                                subject(f), f.periodLabel(), f.dueAt(), f.status(), f.completedAt()))
                        .toList(),
                reads.signOffs(subjects),
                waivers,
                incidents.stream()
                        .filter(i -> i.probeKey().startsWith(prefix))
                        .map(i -> new IncidentEvidence(
                                i.probeKey(), i.targetId(), i.startedAt(), endedBy(i, period, lastSeq)))
                        .toList(),
                AuditRange.over(reads.auditRanges(audited, lastSeq).values()));
    }

    /** When the incident ended, as far as a report bound to {@code lastSeq} knows: not after the period. */
    private static Instant endedBy(Incident incident, Interval period, long lastSeq) {
        Instant end = incident.endedAt();
        boolean bound = lastSeq != Long.MAX_VALUE;
        return bound && end != null && end.isAfter(period.to()) ? null : end;
    }

    /** @param counted the occurrences counted in the period, by {@code checklist/activity} */
    private static ControlEvidence control(
            String framework,
            Control control,
            List<ActivityEvidence> activities,
            Map<String, List<OccurrenceFact>> counted) {
        List<OccurrenceFact> own = activities.stream()
                .flatMap(a -> counted.getOrDefault(a.key(), List.of()).stream())
                .toList();
        var figures = ComplianceCalculator.tally("control:" + framework + ":" + control.id(), own);
        return new ControlEvidence(
                framework,
                control,
                activities,
                figures,
                Judgement.of(figures),
                AuditRange.over(activities.stream().map(ActivityEvidence::audit).toList()));
    }

    private static String subject(OccurrenceFact fact) {
        return fact.checklistId() + "/" + fact.activityId() + "@" + fact.periodLabel();
    }

    private record ActivityKey(String checklistId, String activityId, String title) {
        String key() {
            return checklistId + "/" + activityId;
        }
    }
}
