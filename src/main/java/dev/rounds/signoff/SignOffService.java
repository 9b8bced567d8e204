package dev.rounds.signoff;

import dev.rounds.audit.AuditLog;
import dev.rounds.checklist.SignoffPolicy;
import dev.rounds.core.ProblemTitle;
import dev.rounds.schedule.Occurrence;
import dev.rounds.schedule.OccurrenceStatus;
import dev.rounds.schedule.ScheduleService;
import dev.rounds.text.SuppliedText;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.inject.Inject;
import jakarta.persistence.LockModeType;
import jakarta.transaction.Transactional;
import java.net.URI;
import java.net.URISyntaxException;
import java.time.Clock;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;

/** Records sign-offs. A decision by a person commits before the request returns. */
@ApplicationScoped
public class SignOffService {

    @Inject
    Clock clock;

    @Inject
    AuditLog audit;

    @Inject
    ScheduleService schedule;

    @Inject
    EvidenceStore store;

    @Inject
    EvidenceConfig evidenceConfig;

    @Transactional
    public SignOff signOff(long occurrenceId, String actor, SignOffRequest request) {
        return signOff(occurrenceId, actor, request, Optional.empty());
    }

    /**
     * Records a sign-off with an optional evidence file. Every check runs before the file is stored, so a refused
     * sign-off leaves nothing behind.
     */
    @Transactional
    public SignOff signOff(long occurrenceId, String actor, SignOffRequest request, Optional<EvidenceUpload> upload) {
        requireText(request);
        if (upload.isPresent() && upload.get().size() > evidenceConfig.maxBytes()) {
            throw new EvidenceRefused(
                    413,
                    ProblemTitle.EVIDENCE_FILE_TOO_LARGE,
                    "'" + upload.get().fileName()
                            + "' has " + upload.get().size() + " bytes; evidence files may have at most "
                            + evidenceConfig.maxBytes()
                            + " bytes (rounds.evidence.max-bytes): attach a smaller file or link to it");
        }
        checkNote(request.note());
        String link = checkedLink(request.link());
        Occurrence o = Occurrence.findById(occurrenceId, LockModeType.PESSIMISTIC_WRITE);
        if (o == null) {
            throw new SignOffRefused(404, "there is no occurrence " + occurrenceId);
        }
        Instant now = clock.instant();
        if (o.frozen || !now.isBefore(o.periodEnd)) {
            throw new SignOffRefused(
                    409,
                    o.subject() + " ended at " + o.periodEnd
                            + "; its status is frozen and can no longer be signed off");
        }
        if (o.signedOffAt != null) {
            throw new SignOffRefused(
                    409,
                    o.subject() + " was already signed off by " + o.signedOffBy
                            + "; supersede that sign-off to correct it");
        }
        if (o.status == OccurrenceStatus.WAIVED
                || o.status == OccurrenceStatus.RETIRED
                || o.status == OccurrenceStatus.PASSED) {
            throw new SignOffRefused(409, o.subject() + " is " + o.status.label() + " and needs no sign-off");
        }
        if (o.status == OccurrenceStatus.FAILING && isBlank(request.reference())) {
            throw new SignOffRefused(
                    422,
                    o.subject() + " is failing: give the incident or change reference "
                            + "that deals with the failure in 'reference'");
        }
        List<String> probeErrors = List.of();
        if (o.signoffPolicy == SignoffPolicy.ALWAYS && o.hasProbes && o.status == OccurrenceStatus.OPEN) {
            // Probes that cannot run (a missing credential, a missing tool) must not stop a person from vouching.
            probeErrors = schedule.probeErrors(o);
            if (probeErrors.isEmpty()) {
                throw new SignOffRefused(
                        409, o.subject() + " is waiting for its probes to pass; sign it off once they have");
            }
        }
        SignOff signOff = record(o.id, actor, now, request, link, null, null);
        Map<String, Object> detail = detailOf(signOff);
        upload.ifPresent(file -> detail.put("evidence", evidenceDetail(attach(signOff, file))));
        if (!probeErrors.isEmpty()) detail.put("probe_errors", probeErrors);
        audit.append(actor, "signoff.recorded", o.subject(), detail);

        o.signedOffAt = now;
        o.signedOffBy = actor;
        schedule.reevaluate(o);
        return signOff;
    }

    /** Replaces a wrong sign-off with a new one that names it; the original stays in the record. */
    @Transactional
    public SignOff supersede(long signOffId, String actor, SignOffRequest request) {
        requireText(request);
        SignOff old = SignOff.findById(signOffId, LockModeType.PESSIMISTIC_WRITE);
        if (old == null) {
            throw new SignOffRefused(404, "there is no sign-off " + signOffId);
        }
        if (SignOff.isSuperseded(signOffId)) {
            throw new SignOffRefused(409, "sign-off " + signOffId + " was already superseded; supersede the newer one");
        }
        checkNote(request.note());
        String link = checkedLink(request.link());
        Occurrence o = Occurrence.findById(old.occurrenceId);
        SignOff replacement = record(
                old.occurrenceId,
                actor,
                clock.instant(),
                request,
                link == null ? old.link : link,
                old.reference,
                old.id);
        Map<String, Object> detail = detailOf(replacement);
        detail.put("supersedes", old.id);
        audit.append(actor, "signoff.superseded", o.subject(), detail);
        return replacement;
    }

    /** Persists a sign-off; without a reference of its own it keeps {@code fallbackReference}. */
    private static SignOff record(
            long occurrenceId,
            String actor,
            Instant at,
            SignOffRequest request,
            String link,
            String fallbackReference,
            Long supersedesId) {
        SignOff s = new SignOff();
        s.link = link;
        s.occurrenceId = occurrenceId;
        s.actor = actor;
        s.signedAt = at;
        s.note = request.note().strip();
        s.reference = isBlank(request.reference())
                ? fallbackReference
                : request.reference().strip();
        s.supersedesId = supersedesId;
        s.persist();
        return s;
    }

    private static Map<String, Object> detailOf(SignOff s) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("signoff_id", s.id);
        detail.put("note", s.note);
        if (s.reference != null) detail.put("reference", s.reference);
        if (s.link != null) detail.put("link", s.link);
        return detail;
    }

    private Evidence attach(SignOff signOff, EvidenceUpload upload) {
        EvidenceStore.Stored stored = store.store(upload.file());
        Evidence e = new Evidence();
        e.signOffId = signOff.id;
        e.fileName = upload.fileName();
        e.mediaType = upload.mediaType();
        e.sizeBytes = stored.size();
        e.sha256 = stored.sha256();
        e.persist();
        return e;
    }

    private static Map<String, Object> evidenceDetail(Evidence e) {
        Map<String, Object> detail = new LinkedHashMap<>();
        detail.put("evidence_id", e.id);
        detail.put("name", e.fileName);
        detail.put("media_type", e.mediaType);
        detail.put("size", e.sizeBytes);
        detail.put("sha256", e.sha256);
        return detail;
    }

    /** The link stripped, or {@code null} for none; anything but an absolute http or https URL is refused. */
    private static String checkedLink(String link) {
        if (isBlank(link)) return null;
        String url = link.strip();
        if (url.length() > SignOffRequest.MAX_LINK) {
            throw new SignOffRefused(
                    422, "'link' may have at most " + SignOffRequest.MAX_LINK + " characters, got " + url.length());
        }
        URI uri;
        try {
            uri = new URI(url);
        } catch (URISyntaxException e) {
            throw new SignOffRefused(
                    422,
                    "'link' must be an http or https URL such as " + "https://tickets.example.com/CHG-1042, got '" + url
                            + "': " + e.getReason());
        }
        String scheme = uri.getScheme() == null ? "" : uri.getScheme().toLowerCase(Locale.ROOT);
        if (!(scheme.equals("http") || scheme.equals("https")) || uri.getHost() == null) {
            throw new SignOffRefused(
                    422,
                    "'link' must be an http or https URL such as " + "https://tickets.example.com/CHG-1042, got '" + url
                            + "'");
        }
        return url;
    }

    private static void checkNote(String note) {
        int characters =
                note == null ? 0 : note.strip().codePointCount(0, note.strip().length());
        if (characters > SignOffRequest.MAX_NOTE) {
            throw new SignOffRefused(
                    400,
                    "'note' has " + characters + " characters; a note may have at most " + SignOffRequest.MAX_NOTE
                            + ": shorten it, or attach the rest as an evidence file");
        }
    }

    /** A person's note, reference and link keep the text rule. */
    private static void requireText(SignOffRequest request) {
        SuppliedText.require("note", request.note());
        SuppliedText.require("reference", request.reference());
        SuppliedText.require("link", request.link());
    }

    private static boolean isBlank(String text) {
        return text == null || text.isBlank();
    }
}
