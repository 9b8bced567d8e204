package dev.rounds.ack;

import dev.rounds.audit.AuditLog;
import dev.rounds.checklist.Activity;
import dev.rounds.checklist.Checklist;
import dev.rounds.checklist.ChecklistRegistry;
import dev.rounds.checklist.ProbeSpec;
import dev.rounds.checklist.Target;
import dev.rounds.probe.ProbeKey;
import dev.rounds.schedule.ProbeSnapshot;
import dev.rounds.schedule.ProbeStateReader;
import dev.rounds.text.SuppliedText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Acknowledgements of failing probes: create, end early, and the question a notifier asks before it repeats a
 * notification. An acknowledgement never changes a result, an occurrence or a report; it expires by itself at
 * {@code until}, which needs no audit entry because the entry that created it already says when.
 */
@ApplicationScoped
public class AcknowledgementService {

    /** The longest an acknowledgement may last: a failure stays quiet for a month at most without a new decision. */
    public static final Duration MAX_LENGTH = Duration.ofDays(30);

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Inject
    ChecklistRegistry registry;

    @Inject
    ProbeStateReader probeStates;

    /**
     * Which of these probe keys had an acknowledgement in force at some instant of {@code [from, to]}: the only ones
     * {@link #isAcknowledged} can answer yes for in that span, found in one query for a storm of incidents.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Set<String> acknowledgedWithin(Collection<String> probeKeys, Instant from, Instant to) {
        if (probeKeys.isEmpty()) return Set.of();
        return new HashSet<>(Acknowledgement.find(
                        "select distinct probeKey from Acknowledgement where probeKey in ?1 and createdAt <= ?3"
                                + " and until > ?2 and (endedAt is null or endedAt > ?2)",
                        probeKeys,
                        from,
                        to)
                .project(String.class)
                .list());
    }

    /**
     * Whether a person has acknowledged this probe × target at the instant, i.e. whether a notifier should stay
     * quiet about its failure. True from the acknowledgement's creation until its {@code until} (exclusive) or until
     * it was ended early, whichever comes first; false for any probe never acknowledged. Reads the database, so call
     * it from a thread that may block.
     */
    @Transactional(Transactional.TxType.SUPPORTS)
    public boolean isAcknowledged(ProbeKey probe, Instant at) {
        return !Acknowledgement.findActive(List.of(probe.toString()), at).isEmpty();
    }

    /** The acknowledgement in force now for each of these probe keys that has one. */
    @Transactional(Transactional.TxType.SUPPORTS)
    public Map<String, Acknowledgement> activeFor(Collection<String> probeKeys) {
        Map<String, Acknowledgement> active = new LinkedHashMap<>();
        if (probeKeys.isEmpty()) return active;
        // The acknowledgements in force are few, the dashboard's probe keys many (10,000 at scale): an IN list of
        // every key costs the database more than reading those in force and keeping the ones asked for.
        Set<String> wanted = probeKeys instanceof Set<String> set ? set : new HashSet<>(probeKeys);
        Acknowledgement.findActive(clock.instant()).stream()
                .filter(a -> wanted.contains(a.probeKey))
                .sorted(Comparator.comparingLong(a -> a.id))
                .forEach(a -> active.put(a.probeKey, a));
        return active;
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public List<AcknowledgementView> list(boolean activeOnly) {
        Instant now = clock.instant();
        List<Acknowledgement> found = activeOnly
                ? Acknowledgement.findActive(now)
                : Acknowledgement.<Acknowledgement>list("order by id desc");
        return found.stream().map(a -> AcknowledgementView.of(a, now)).toList();
    }

    @Transactional(Transactional.TxType.SUPPORTS)
    public AcknowledgementView get(long id) {
        Acknowledgement a = Acknowledgement.findById(id);
        if (a == null) {
            throw new AcknowledgementRefused(404, "there is no acknowledgement " + id);
        }
        return AcknowledgementView.of(a, clock.instant());
    }

    @Transactional
    public AcknowledgementView create(String actor, AcknowledgementRequest request) {
        SuppliedText.require("probe", request.probe());
        SuppliedText.require("reason", request.reason());
        Instant now = clock.instant();
        String probe = request.probe().strip();
        if (!exists(probe)) {
            throw new AcknowledgementRefused(
                    404,
                    "there is no probe '" + probe + "' in the checklists in force; "
                            + "a probe is named checklist/activity#position@target, as the occurrence page shows it");
        }
        if (!request.until().isAfter(now)) {
            throw new AcknowledgementRefused(
                    422, "'until' must be in the future, got " + request.until() + " (now " + now + ")");
        }
        if (request.until().isAfter(now.plus(MAX_LENGTH))) {
            throw new AcknowledgementRefused(
                    422,
                    "'until' may be at most " + MAX_LENGTH.toDays() + " days ahead (" + now.plus(MAX_LENGTH) + "), got "
                            + request.until());
        }
        ProbeSnapshot state = probeStates.find(List.of(probe)).get(probe);
        if (state == null || state.status().isAvailable()) {
            throw new AcknowledgementRefused(
                    409,
                    probe + " is "
                            + (state == null
                                    ? "without a result yet"
                                    : state.status().label()) + "; only a failing probe can be acknowledged");
        }
        List<Acknowledgement> current = Acknowledgement.findActive(List.of(probe), now);
        if (!current.isEmpty()) {
            Acknowledgement a = current.get(0);
            throw new AcknowledgementRefused(
                    409,
                    probe + " is already acknowledged by " + a.actor + " until " + a.until
                            + "; end that acknowledgement first to replace it");
        }
        Acknowledgement a = new Acknowledgement();
        a.probeKey = probe;
        a.actor = actor;
        a.reason = request.reason().strip();
        a.createdAt = now;
        a.until = request.until();
        a.persist();
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("acknowledgement_id", a.id);
        detail.put("reason", a.reason);
        detail.put("until", a.until.toString());
        detail.put("probe_status", state.status().label());
        audit.append(actor, "acknowledgement.created", probe, detail);
        return AcknowledgementView.of(a, now);
    }

    /** Ends an acknowledgement before its time; one that has already ended or expired is left as it is. */
    @Transactional
    public AcknowledgementView end(long id, String actor) {
        Acknowledgement a = Acknowledgement.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (a == null) {
            throw new AcknowledgementRefused(404, "there is no acknowledgement " + id);
        }
        Instant now = clock.instant();
        if (!a.isActiveAt(now)) {
            throw new AcknowledgementRefused(
                    409,
                    "acknowledgement " + id + " of " + a.probeKey + " already "
                            + (a.endedAt != null
                                    ? "was ended by " + a.endedBy + " at " + a.endedAt
                                    : "expired at " + a.until));
        }
        a.endedAt = now;
        a.endedBy = actor;
        audit.append(actor, "acknowledgement.ended", a.probeKey, Map.of("acknowledgement_id", a.id));
        return AcknowledgementView.of(a, now);
    }

    private boolean exists(String probeKey) {
        for (Checklist checklist : registry.current().checklists()) {
            for (Activity activity : checklist.activities()) {
                for (ProbeSpec spec : activity.probes()) {
                    for (Target target : spec.targets()) {
                        if (new ProbeKey(checklist.id(), activity.id(), spec.index(), target.id())
                                .toString()
                                .equals(probeKey)) {
                            return true;
                        }
                    }
                }
            }
        }
        return false;
    }
}
