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
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/** Builds the dashboard from today's occurrences and the latest probe states, in one query for the states. */
@ApplicationScoped
public class DashboardAssembler {

    private static final String BACKUP_TYPE = "backup";

    @Inject
    ProbeStateReader probeStates;

    @Inject
    AcknowledgementService acknowledgements;

    public Dashboard assemble(ChecklistSet checklists, List<Occurrence> current, ComplianceFigures today, Instant now) {
        Map<String, List<Occurrence>> byChecklist = new LinkedHashMap<>();
        for (Checklist checklist : checklists.checklists()) {
            byChecklist.put(checklist.id(), new ArrayList<>());
        }
        current.forEach(o -> byChecklist
                .computeIfAbsent(o.checklistId, id -> new ArrayList<>())
                .add(o));

        List<String> keys = new ArrayList<>();
        current.forEach(
                o -> probeLines(checklists, o).forEach(p -> keys.add(p.key().toString())));
        Map<String, ProbeSnapshot> snapshots = probeStates.find(keys);
        Map<String, Acknowledgement> acks = acknowledgements.activeFor(keys);

        List<Dashboard.Card> cards = new ArrayList<>();
        List<Dashboard.Row> awaiting = new ArrayList<>();
        List<Dashboard.Row> overdue = new ArrayList<>();
        Map<String, Dashboard.FailingProbe> failingProbes = new LinkedHashMap<>();
        Map<String, Dashboard.FailingProbe> backups = new LinkedHashMap<>();
        for (var entry : byChecklist.entrySet()) {
            Optional<Checklist> checklist = checklists.checklist(entry.getKey());
            List<Dashboard.Row> rows = new ArrayList<>();
            for (Occurrence o : entry.getValue()) {
                Dashboard.Row row = row(checklists, o, snapshots, acks);
                rows.add(row);
                if (row.awaitingSignoff()) awaiting.add(row);
                if (o.status == OccurrenceStatus.MISSED && o.completedAt == null) overdue.add(row);
                for (Dashboard.ProbeLine line : row.probes()) {
                    var gathered = new Dashboard.FailingProbe(o.id, o.title, line);
                    if (line.status().equals("down") || line.status().equals("error")) {
                        failingProbes.putIfAbsent(line.key(), gathered);
                    }
                    if (line.type().equals(BACKUP_TYPE)) backups.putIfAbsent(line.key(), gathered);
                }
            }
            String period = entry.getValue().isEmpty() ? "" : entry.getValue().get(0).periodLabel;
            cards.add(new Dashboard.Card(
                    entry.getKey(),
                    checklist.map(Checklist::title).orElse(entry.getKey()),
                    period,
                    checklist.map(Checklist::owner).orElse(""),
                    rows));
        }
        long failing = count(current, OccurrenceStatus.FAILING);
        long missed = count(current, OccurrenceStatus.MISSED);
        long completed = current.stream().filter(o -> o.status.isSettled()).count();
        return new Dashboard(
                now,
                today,
                cards,
                awaiting,
                List.copyOf(failingProbes.values()),
                overdue,
                failing,
                missed,
                completed,
                current.size(),
                Advisory.countByState(TriageState.NEW),
                Advisory.countByState(TriageState.APPLIES),
                List.copyOf(backups.values()));
    }

    private static long count(List<Occurrence> occurrences, OccurrenceStatus status) {
        return occurrences.stream().filter(o -> o.status == status).count();
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
                                    key, p.spec().type(), p.target().id(), "pending", "no result yet", null, ack)
                            : new Dashboard.ProbeLine(
                                    key,
                                    p.spec().type(),
                                    p.target().id(),
                                    s.status().label(),
                                    s.message(),
                                    s.lastStartedAt(),
                                    ack));
        }
        return new Dashboard.Row(
                o.id,
                o.activityId,
                o.title,
                o.status.label(),
                o.statusReason,
                o.dueAt,
                o.signedOffBy,
                awaitsSignoff(o),
                lines);
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
