package dev.rounds.schedule;

import dev.rounds.checklist.Activity;
import dev.rounds.checklist.Checklist;
import dev.rounds.checklist.ProbeSpec;
import dev.rounds.checklist.Target;
import dev.rounds.probe.ProbeKey;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Reads what an occurrence's probes say, over every probe and every enabled target, in one query. */
@ApplicationScoped
public class OccurrenceJudge {

    @Inject
    ProbeStateReader probeStates;

    /** The verdict, and for a failure the failing probes with their messages. */
    public record Verdict(ProbeVerdict verdict, String reason) {
    }

    /**
     * A probe without {@code every} counts only with a result started since the occurrence opened; a
     * continuous one with its latest result whenever it ran.
     */
    public Verdict verdictOf(Occurrence o, Checklist checklist, Activity activity) {
        if (activity.probes().isEmpty()) {
            return new Verdict(ProbeVerdict.PENDING, null);
        }
        Map<String, ProbeSpec> specByKey = new LinkedHashMap<>();
        for (ProbeSpec probe : activity.probes()) {
            for (Target target : probe.targets()) {
                if (target.enabled()) {
                    specByKey.put(new ProbeKey(checklist.id(), activity.id(), probe.index(), target.id()).toString(), probe);
                }
            }
        }
        Map<String, ProbeSnapshot> snapshots = probeStates.find(specByKey.keySet());
        boolean pending = false;
        List<String> failures = new ArrayList<>();
        for (var entry : specByKey.entrySet()) {
            ProbeSpec probe = entry.getValue();
            ProbeSnapshot snapshot = snapshots.get(entry.getKey());
            boolean usable = snapshot != null
                    && (probe.isContinuous() || !snapshot.lastStartedAt().isBefore(o.openedAt));
            if (!usable) {
                pending = true;
            } else if (snapshot.consecutiveDown() >= probe.confirm()) {
                failures.add(entry.getKey() + ": " + snapshot.message());
            } else if (!snapshot.status().isAvailable()) {
                pending = true;
            }
        }
        if (!failures.isEmpty()) {
            return new Verdict(ProbeVerdict.FAILING, String.join("; ", failures));
        }
        return new Verdict(pending ? ProbeVerdict.PENDING : ProbeVerdict.PASSING, null);
    }
}
