package dev.rounds.advisory;

import dev.rounds.audit.AuditLog;
import dev.rounds.text.SuppliedText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.time.Clock;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Lists stored advisories and records people's triage decisions, each one an audit entry naming its actor. */
@ApplicationScoped
public class AdvisoryService {

    static final String TRIAGED = "advisory.triaged";
    private static final int NOTE_LENGTH = 4000;

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    /** The advisories in a state, newest first; all of them for {@code null}. */
    @Transactional
    public List<AdvisoryView> list(String state) {
        List<Advisory> found = state == null ? Advisory.findAllNewestFirst() : Advisory.findByState(parse(state));
        return found.stream().map(AdvisoryView::of).toList();
    }

    @Transactional
    public AdvisoryView triage(long id, String actor, TriageRequest request) {
        SuppliedText.require("note", request == null ? null : request.note());
        String label = request == null || request.state() == null
                ? ""
                : request.state().strip();
        TriageState state = TriageState.of(label)
                .filter(s -> s != TriageState.NEW)
                .orElseThrow(() -> new AdvisoryRefused(
                        400, "state must be one of " + TriageState.decisions() + ", got '" + label + "'"));
        String note = request.note() == null || request.note().isBlank()
                ? null
                : request.note().strip();
        if (note != null && note.length() > NOTE_LENGTH) {
            throw new AdvisoryRefused(
                    400, "note has " + note.length() + " characters; at most " + NOTE_LENGTH + " are kept");
        }
        Advisory a = Advisory.findById(id, LockModeType.PESSIMISTIC_WRITE);
        if (a == null) throw new AdvisoryRefused(404, "there is no advisory " + id);
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("advisory_id", a.id);
        detail.put("state", state.label());
        detail.put("previous", a.state.label());
        if (note != null) detail.put("note", note);
        a.state = state;
        a.triagedBy = actor;
        a.triagedAt = clock.instant();
        a.triageNote = note;
        audit.append(actor, TRIAGED, a.key, detail);
        return AdvisoryView.of(a);
    }

    /** How many advisories are in each state, in the order of {@link TriageState}. */
    @Transactional
    public Map<TriageState, Long> counts() {
        Map<TriageState, Long> counts = new LinkedHashMap<>();
        for (TriageState state : TriageState.values()) counts.put(state, Advisory.countByState(state));
        return counts;
    }

    static TriageState parse(String state) {
        return TriageState.of(state.strip())
                .orElseThrow(() -> new AdvisoryRefused(
                        400, "state must be one of new, " + TriageState.decisions() + ", got '" + state + "'"));
    }
}
