package dev.rounds.report;

import dev.rounds.ack.Acknowledgement;
import dev.rounds.ack.AcknowledgementService;
import dev.rounds.advisory.Advisory;
import dev.rounds.advisory.TriageState;
import dev.rounds.checklist.Activity;
import dev.rounds.checklist.Checklist;
import dev.rounds.checklist.ChecklistSet;
import dev.rounds.checklist.ProbeSpec;
import dev.rounds.checklist.SignoffPolicy;
import dev.rounds.checklist.Target;
import dev.rounds.probe.ProbeKey;
import dev.rounds.report.compliance.ComplianceFigures;
import dev.rounds.schedule.Occurrence;
import dev.rounds.schedule.OccurrenceStatus;
import dev.rounds.schedule.ProbeSnapshot;
import dev.rounds.schedule.ProbeStateReader;
import dev.rounds.waiver.Waiver;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * Builds the dashboard from the current occurrences and the latest probe states, in one query for the states: one line
 * per occurrence ({@link DashboardLines} says which state and action), and the setup panel from the probes whose latest
 * result names a {@link dev.rounds.probe.SetupNeed}.
 */
@ApplicationScoped
public class DashboardAssembler {

    @Inject
    ProbeStateReader probeStates;

    @Inject
    AcknowledgementService acknowledgements;

    public Dashboard assemble(
            ChecklistSet checklists, List<Occurrence> current, ComplianceFigures today, Instant now, ZoneId zone) {
        List<String> keys = new ArrayList<>();
        current.forEach(
                o -> probeLines(checklists, o).forEach(p -> keys.add(p.key().toString())));
        Map<String, ProbeSnapshot> snapshots = probeStates.find(keys);
        Map<String, Acknowledgement> acks = acknowledgements.activeFor(keys);

        List<Dashboard.Line> lines = new ArrayList<>();
        Map<String, Map<String, List<Dashboard.SetupProbe>>> setup = new TreeMap<>();
        for (Occurrence o : current) {
            Dashboard.Row row = row(checklists, o, snapshots, acks);
            String checklist =
                    checklists.checklist(o.checklistId).map(Checklist::title).orElse(o.checklistId);
            lines.add(DashboardLines.line(row, o.status, o.checklistId, checklist, now, zone));
            for (Dashboard.ProbeLine p : row.probes()) {
                if (p.setup() == null) continue;
                setup.computeIfAbsent(p.setup().kind(), k -> new LinkedHashMap<>())
                        .computeIfAbsent(p.setup().fix(), f -> new ArrayList<>())
                        .add(new Dashboard.SetupProbe(o.id, o.title, p.label()));
            }
        }
        lines.sort(DashboardLines.ORDER);
        List<Dashboard.SetupGroup> groups = new ArrayList<>();
        setup.forEach((kind, fixes) -> groups.add(new Dashboard.SetupGroup(
                kind,
                fixes.entrySet().stream()
                        .map(e -> new Dashboard.SetupItem(e.getKey(), onePerProbe(e.getValue())))
                        .toList())));
        return new Dashboard(
                now,
                today,
                List.copyOf(lines),
                DashboardLines.counts(lines),
                List.copyOf(groups),
                Advisory.countByState(TriageState.NEW),
                Advisory.countByState(TriageState.APPLIES));
    }

    private Dashboard.Row row(
            ChecklistSet checklists,
            Occurrence o,
            Map<String, ProbeSnapshot> snapshots,
            Map<String, Acknowledgement> acks) {
        List<Dashboard.ProbeLine> lines = new ArrayList<>();
        for (PlannedProbe p : probeLines(checklists, o)) {
            String key = p.key().toString();
            ProbeSnapshot s = snapshots.get(key);
            Acknowledgement a = acks.get(key);
            Dashboard.Ack ack = a == null ? null : new Dashboard.Ack(a.id, a.actor, a.until, a.reason);
            lines.add(
                    s == null
                            ? new Dashboard.ProbeLine(
                                    key, p.spec().type(), p.target().id(), "pending", "no result yet", null, ack, null)
                            : new Dashboard.ProbeLine(
                                    key,
                                    p.spec().type(),
                                    p.target().id(),
                                    s.status().label(),
                                    s.message(),
                                    s.lastStartedAt(),
                                    ack,
                                    s.setup()));
        }
        return new Dashboard.Row(
                o.id,
                o.activityId,
                o.title,
                o.status.label(),
                reasonOf(o),
                o.dueAt,
                o.signedOffBy,
                awaitsSignoff(o),
                lines);
    }

    /** Probes of the same type and target in several activities, named once: the fix is the same for all. */
    private static List<Dashboard.SetupProbe> onePerProbe(List<Dashboard.SetupProbe> probes) {
        Map<String, Dashboard.SetupProbe> first = new LinkedHashMap<>();
        probes.forEach(p -> first.putIfAbsent(p.probe(), p));
        return List.copyOf(first.values());
    }

    /**
     * Why the occurrence stands where it does; for one a waiver excuses, the waiver's reason, which its status reason
     * stops telling once a later failing result has been judged.
     */
    private static String reasonOf(Occurrence o) {
        if (o.status == OccurrenceStatus.WAIVED && o.waiverId != null) {
            Waiver waiver = Waiver.findById(o.waiverId);
            if (waiver != null) return "waiver: " + waiver.reason;
        }
        return o.statusReason;
    }

    /** One occurrence's row on its own, with its probes' latest states. */
    public Dashboard.Row row(ChecklistSet checklists, Occurrence o) {
        List<String> keys =
                probeLines(checklists, o).stream().map(p -> p.key().toString()).toList();
        return row(checklists, o, probeStates.find(keys), acknowledgements.activeFor(keys));
    }

    /** Whether a person's sign-off is what this occurrence waits for. */
    static boolean awaitsSignoff(Occurrence o) {
        if (o.signedOffAt != null || o.frozen || o.status.isSettled()) {
            return false;
        }
        return o.signoffPolicy == SignoffPolicy.ALWAYS
                || !o.hasProbes
                || o.failureConfirmed
                || o.status == OccurrenceStatus.FAILING;
    }

    private record PlannedProbe(ProbeKey key, ProbeSpec spec, Target target) {}

    private static List<PlannedProbe> probeLines(ChecklistSet checklists, Occurrence o) {
        List<PlannedProbe> planned = new ArrayList<>();
        Optional<Activity> activity = checklists.checklist(o.checklistId).flatMap(c -> c.activity(o.activityId));
        for (ProbeSpec spec : activity.map(Activity::probes).orElse(List.of())) {
            for (Target target : spec.targets()) {
                planned.add(new PlannedProbe(
                        new ProbeKey(o.checklistId, o.activityId, spec.index(), target.id()), spec, target));
            }
        }
        return planned;
    }
}
