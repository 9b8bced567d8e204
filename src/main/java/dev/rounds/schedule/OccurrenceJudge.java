package dev.rounds.schedule;

import dev.rounds.checklist.Activity;
import dev.rounds.checklist.Checklist;
import dev.rounds.checklist.ProbeSpec;
import dev.rounds.checklist.Target;
import dev.rounds.probe.ProbeKey;
import dev.rounds.probe.ProbeStatus;
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

    /**
     * The verdict, and for a failure the failing probes with their messages.
     *
     * @param errors the probes that ran but could not measure ({@code error}: Rounds' fault, such as a missing
     *     credential) or that need setup first (never a failure, whatever they returned), with their messages;
     *     they keep the verdict pending
     */
    public record Verdict(ProbeVerdict verdict, String reason, List<String> errors) {

        public Verdict {
            errors = List.copyOf(errors);
        }
    }

    /**
     * A probe without {@code every} counts only with a result started since the occurrence opened; a
     * continuous one with its latest result whenever it ran.
     */
    public Verdict verdictOf(Occurrence o, Checklist checklist, Activity activity) {
        if (activity.probes().isEmpty()) {
            return new Verdict(ProbeVerdict.PENDING, null, List.of());
        }
        Map<String, ProbeSpec> specByKey = new LinkedHashMap<>();
        for (ProbeSpec probe : activity.probes()) {
            for (Target target : probe.targets()) {
                if (target.enabled()) {
                    specByKey.put(
                            new ProbeKey(checklist.id(), activity.id(), probe.index(), target.id()).toString(), probe);
                }
            }
        }
        Map<String, ProbeSnapshot> snapshots = probeStates.find(specByKey.keySet());
        boolean pending = false;
        List<String> failures = new ArrayList<>();
        List<String> errors = new ArrayList<>();
        for (var entry : specByKey.entrySet()) {
            ProbeSpec probe = entry.getValue();
            ProbeSnapshot snapshot = snapshots.get(entry.getKey());
            boolean usable = snapshot != null
                    && (probe.isContinuous() || !snapshot.lastStartedAt().isBefore(o.openedAt));
            if (!usable) {
                pending = true;
            } else if (snapshot.needsSetup()) {
                pending = true;
                errors.add(entry.getKey() + ": needs setup: " + snapshot.setup().fix());
            } else if (snapshot.consecutiveDown() >= probe.confirm()) {
                failures.add(entry.getKey() + ": " + snapshot.message());
            } else if (!snapshot.status().isAvailable()) {
                pending = true;
                if (snapshot.status() == ProbeStatus.ERROR) {
                    errors.add(entry.getKey() + ": " + snapshot.message());
                }
            }
        }
        if (!failures.isEmpty()) {
            return new Verdict(ProbeVerdict.FAILING, String.join("; ", failures), errors);
        }
        return new Verdict(pending ? ProbeVerdict.PENDING : ProbeVerdict.PASSING, null, errors);
    }
}
