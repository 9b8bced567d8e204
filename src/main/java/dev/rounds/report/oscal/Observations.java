package dev.rounds.report.oscal;

import static dev.rounds.report.oscal.OscalJson.line;
import static dev.rounds.report.oscal.OscalJson.prop;
import static dev.rounds.report.oscal.OscalJson.time;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rounds.report.controls.ActivityEvidence;
import dev.rounds.report.controls.ControlEvidence;
import dev.rounds.report.controls.EvidenceFile;
import dev.rounds.report.controls.IncidentEvidence;
import dev.rounds.report.controls.OccurrenceEvidence;
import dev.rounds.report.controls.SignOffEvidence;
import dev.rounds.report.controls.WaiverEvidence;
import dev.rounds.schedule.OccurrenceStatus;
import java.time.Instant;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * One observation per activity that implements a reported control, with the subject it observes (the activity, as a
 * component of type {@code process}) and its evidence: the sign-offs with their files, the waivers with requester,
 * approver and reason, the incidents of its probes. Each evidence file is a back-matter resource with its SHA-256.
 */
final class Observations {

    private final OscalFacts facts;
    private final Uuids uuids;
    private final Map<String, ActivityEvidence> activities = new TreeMap<>();
    private final Map<String, ObjectNode> evidenceResources = new TreeMap<>();

    Observations(OscalFacts facts, Uuids uuids) {
        this.facts = facts;
        this.uuids = uuids;
        for (ControlEvidence control : facts.report().controls()) {
            for (ActivityEvidence activity : control.activities()) activities.putIfAbsent(activity.key(), activity);
        }
    }

    /** The UUID of the observation of activity {@code key} ({@code checklist/activity}). */
    String uuidOf(String key) {
        return uuids.of("observation", key);
    }

    /** The observations, by activity key. */
    ArrayNode observations() {
        ArrayNode list = OscalJson.array();
        activities.values().forEach(a -> list.add(observation(a)));
        return list;
    }

    /** The activities as components of type {@code process}: what the observations' subjects name. */
    ArrayNode components() {
        ArrayNode list = OscalJson.array();
        for (ActivityEvidence activity : activities.values()) {
            ObjectNode component = list.addObject();
            component.put("uuid", Uuids.always("activity", activity.key()));
            component.put("type", "process");
            component.put("title", line(activity.title()));
            component.put(
                    "description",
                    "The activity " + activity.key() + " of the Rounds checklist " + activity.checklistId()
                            + ", done each period by probes, people or both.");
            ArrayNode props = OscalJson.array();
            prop(props, "checklist", activity.checklistId());
            prop(props, "activity", activity.activityId());
            component.set("props", props);
            component.putObject("status").put("state", "operational");
        }
        return list;
    }

    /** The back-matter resources of the evidence files, by SHA-256; filled by {@link #observations()}. */
    List<ObjectNode> evidenceResources() {
        return new ArrayList<>(evidenceResources.values());
    }

    private ObjectNode observation(ActivityEvidence activity) {
        ObjectNode node = OscalJson.object();
        node.put("uuid", uuidOf(activity.key()));
        node.put("title", line(activity.title()) + " (" + activity.key() + ")");
        node.put(
                "description",
                "The occurrences of " + activity.key() + " due in the period: " + OscalJson.sentence(activity.figures())
                        + ".");
        ArrayNode props = OscalJson.array();
        prop(props, "checklist", activity.checklistId());
        prop(props, "activity", activity.activityId());
        OscalJson.figures(props, activity.figures());
        OscalJson.audit(props, activity.audit());
        node.set("props", props);
        ArrayNode methods = node.putArray("methods");
        facts.methods().getOrDefault(activity.key(), Set.of("EXAMINE")).forEach(methods::add);
        ArrayNode subjects = node.putArray("subjects");
        subjects.addObject()
                .put("subject-uuid", Uuids.always("activity", activity.key()))
                .put("type", "component")
                .put("title", activity.key());
        OscalJson.putIfAny(node, "relevant-evidence", evidence(activity));
        node.put("collected", time(collected(activity)));
        String remarks = exceptions(activity.occurrences());
        if (!remarks.isEmpty()) node.put("remarks", remarks);
        return node;
    }

    private ArrayNode evidence(ActivityEvidence activity) {
        ArrayNode list = OscalJson.array();
        for (SignOffEvidence signOff : activity.signOffs()) {
            if (signOff.files().isEmpty()) {
                list.add(signOffEvidence(signOff, null));
            }
            for (EvidenceFile file : signOff.files()) list.add(signOffEvidence(signOff, file));
        }
        for (WaiverEvidence waiver : activity.waivers()) {
            ObjectNode item = list.addObject();
            item.put(
                    "description",
                    "Waiver " + waiver.id() + " of " + waiver.scope() + ", requested by " + waiver.requestedBy()
                            + ", approved by " + waiver.decidedBy()
                            + (waiver.decidedAt() == null ? "" : " at " + time(waiver.decidedAt()))
                            + (waiver.expiresAt() == null ? "" : ", expiring " + time(waiver.expiresAt()))
                            + ": " + line(waiver.reason()));
            ArrayNode props = OscalJson.array();
            prop(props, "waiver-id", waiver.id());
            prop(props, "requested-by", waiver.requestedBy());
            prop(props, "approved-by", waiver.decidedBy());
            prop(props, "reason", waiver.reason());
            item.set("props", props);
        }
        for (IncidentEvidence incident : activity.incidents()) {
            ObjectNode item = list.addObject();
            item.put(
                    "description",
                    "Incident: the probe " + incident.probeKey() + " failed on " + incident.target() + " from "
                            + time(incident.start())
                            + (incident.end() == null ? ", still failing" : " to " + time(incident.end())) + ".");
            ArrayNode props = OscalJson.array();
            prop(props, "probe", incident.probeKey());
            prop(props, "target", incident.target());
            item.set("props", props);
        }
        return list;
    }

    private ObjectNode signOffEvidence(SignOffEvidence signOff, EvidenceFile file) {
        ObjectNode item = OscalJson.object();
        if (file != null) item.put("href", "#" + evidenceResource(file));
        String note = line(signOff.note());
        item.put(
                "description",
                "Signed off by " + signOff.by() + " at " + time(signOff.at()) + " for " + signOff.occurrence()
                        + (note.isEmpty() ? "" : ": " + note)
                        + (file == null ? "" : "; evidence " + line(file.name()) + ", SHA-256 " + file.sha256()));
        ArrayNode props = OscalJson.array();
        prop(props, "occurrence", signOff.occurrence());
        prop(props, "signed-off-by", signOff.by());
        if (file != null) prop(props, "evidence-sha256", file.sha256());
        item.set("props", props);
        return item;
    }

    /** The UUID of the back-matter resource of {@code file}, added the first time it is named. */
    private String evidenceResource(EvidenceFile file) {
        String uuid = Uuids.always("evidence", file.sha256());
        evidenceResources.computeIfAbsent(file.sha256(), sha -> {
            ObjectNode resource = OscalJson.object();
            resource.put("uuid", uuid);
            resource.put("title", line(file.name()).isEmpty() ? "evidence " + sha : line(file.name()));
            resource.put("description", "An evidence file of a sign-off, " + file.size() + " bytes.");
            ArrayNode props = OscalJson.array();
            prop(props, "bytes", file.size());
            resource.set("props", props);
            ObjectNode rlink = resource.putArray("rlinks").addObject();
            Long id = facts.evidenceIds().get(sha);
            // without a stored row the file can only be named by its hash
            rlink.put("href", id == null ? "urn:sha256:" + sha : "/api/evidence/" + id);
            rlink.putArray("hashes").addObject().put("algorithm", "SHA-256").put("value", sha);
            return resource;
        });
        return uuid;
    }

    /**
     * The late, missed and waived occurrences, and those still unsettled (counted as missed once due), one
     * sentence each; on-time ones are only counted.
     */
    private static String exceptions(List<OccurrenceEvidence> occurrences) {
        Map<String, String> lines = new LinkedHashMap<>();
        for (OccurrenceEvidence o : occurrences) {
            OccurrenceStatus status = o.status();
            if (status == OccurrenceStatus.LATE) {
                lines.put(
                        o.subject(),
                        o.subject() + " due " + time(o.dueAt()) + " was done late, at "
                                + (o.completedAt() == null ? "an unknown time" : time(o.completedAt())) + ".");
            } else if (status == OccurrenceStatus.MISSED) {
                lines.put(o.subject(), o.subject() + " due " + time(o.dueAt()) + " was missed.");
            } else if (status == OccurrenceStatus.WAIVED) {
                lines.put(o.subject(), o.subject() + " due " + time(o.dueAt()) + " was waived.");
            } else if (status != OccurrenceStatus.DONE && status != OccurrenceStatus.PASSED) {
                lines.put(
                        o.subject(),
                        o.subject() + " due " + time(o.dueAt()) + " was not done by then (" + status.label()
                                + "), so it counts as missed.");
            }
        }
        return String.join("\n", lines.values());
    }

    /** The latest time the activity's evidence holds, or the period's end when it holds none. */
    private Instant collected(ActivityEvidence activity) {
        return latest(activity).orElse(facts.report().period().to());
    }

    static Optional<Instant> latest(ActivityEvidence activity) {
        return Stream.of(
                        activity.occurrences().stream().flatMap(o -> Stream.of(o.dueAt(), o.completedAt())),
                        activity.signOffs().stream().map(SignOffEvidence::at),
                        activity.waivers().stream().map(WaiverEvidence::decidedAt),
                        activity.incidents().stream().flatMap(i -> Stream.of(i.start(), i.end())))
                .flatMap(s -> s)
                .filter(Objects::nonNull)
                .max(Instant::compareTo);
    }
}
