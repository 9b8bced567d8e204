package dev.rounds.report.oscal;

import static dev.rounds.report.oscal.OscalJson.line;
import static dev.rounds.report.oscal.OscalJson.prop;
import static dev.rounds.report.oscal.OscalJson.time;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.rounds.audit.AuditHash;
import dev.rounds.audit.export.AuditJsonlFile;
import dev.rounds.audit.export.ChainAtEnd;
import dev.rounds.checklist.Control;
import dev.rounds.checklist.Framework;
import dev.rounds.core.Interval;
import dev.rounds.core.Sha256;
import dev.rounds.report.controls.ControlGap;
import dev.rounds.report.controls.ControlReport;
import dev.rounds.report.controls.Judgement;
import java.time.Instant;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * Writes an OSCAL Assessment Results document from {@link OscalFacts}: metadata, the plan it answers to (the
 * checklists), one result for the period with the reviewed controls, the observations and the findings, and the
 * back-matter that binds it to the audit chain. A function of its facts: the same facts give the same bytes.
 */
final class AssessmentResults {

    /**
     * The OSCAL version the document conforms to. 1.0.4 rather than 1.0.0: 1.0.0 admits only version 4 (random)
     * UUIDs, 1.0.4 also version 5, which deterministic documents need.
     */
    static final String OSCAL_VERSION = "1.0.4";

    static final String PLAN = "plan";
    static final String CHAIN = "audit-chain";

    private AssessmentResults() {}

    static ObjectNode of(OscalFacts facts) {
        ControlReport report = facts.report();
        Interval period = report.period();
        Uuids uuids = new Uuids(period);
        Observations observations = new Observations(facts, uuids);
        Findings findings = new Findings(uuids, observations);

        ObjectNode result = OscalJson.object();
        result.put("uuid", uuids.of("result", scope(report)));
        result.put("title", "Rounds evidence " + time(period.from()) + " to " + time(period.to()));
        result.put(
                "description",
                "What the activities that implement each control did from " + time(period.from()) + " until "
                        + time(period.to()) + " (end excluded), as Rounds recorded it: occurrences, sign-offs with"
                        + " their evidence, waivers and incidents. " + Judgement.RULE);
        result.put("start", time(period.from()));
        result.put("end", time(period.to()));
        OscalJson.putIfAny(result.putObject("local-definitions"), "components", observations.components());
        if (result.get("local-definitions").isEmpty()) result.remove("local-definitions");
        result.set("reviewed-controls", reviewedControls(facts));
        OscalJson.putIfAny(result, "observations", observations.observations());
        OscalJson.putIfAny(result, "findings", findings.findings(report.controls()));
        result.put("remarks", gaps(report));

        ObjectNode document = OscalJson.object();
        ObjectNode results = document.putObject("assessment-results");
        results.put("uuid", "");
        results.set("metadata", metadata(facts));
        ObjectNode importAp = results.putObject("import-ap");
        importAp.put("href", "#" + resourceUuid(PLAN));
        importAp.put(
                "remarks",
                "Rounds keeps no separate OSCAL assessment plan: the plan is its checklists, which say what is done"
                        + " when and which controls each activity implements. The link points at the back-matter"
                        + " resource that names them by their SHA-256.");
        results.putArray("results").add(result);
        ObjectNode backMatter = results.putObject("back-matter");
        ArrayNode resources = backMatter.putArray("resources");
        resources.add(plan(facts));
        resources.add(chain(facts));
        observations.evidenceResources().forEach(resources::add);
        // the document's own UUID changes whenever anything in it does, as OSCAL asks, and only then
        results.put(
                "uuid",
                NameUuid.v5(
                                NameUuid.ROUNDS,
                                "assessment-results:" + scope(report) + ":" + Sha256.hex(document.toString()))
                        .toString());
        return document;
    }

    private static String scope(ControlReport report) {
        return time(report.period().from()) + "/" + time(report.period().to()) + ":"
                + (report.framework() == null ? "all" : report.framework());
    }

    static String resourceUuid(String name) {
        return Uuids.always("resource", name);
    }

    private static ObjectNode metadata(OscalFacts facts) {
        ControlReport report = facts.report();
        ObjectNode metadata = OscalJson.object();
        metadata.put(
                "title",
                "Rounds assessment results, " + time(report.period().from()) + " to "
                        + time(report.period().to()) + (report.framework() == null ? "" : ", " + report.framework()));
        metadata.put("last-modified", time(lastModified(facts)));
        metadata.put("version", "audit-seq-" + facts.chain().headSeq());
        metadata.put("oscal-version", OSCAL_VERSION);
        ArrayNode props = OscalJson.array();
        prop(props, "framework", report.framework() == null ? "all" : report.framework());
        metadata.set("props", props);
        metadata.put(
                "remarks",
                "Written by Rounds from its records. last-modified is the time of the latest fact the document"
                        + " states, not when it was written, so the same period exported twice gives the same bytes.");
        return metadata;
    }

    /** The latest of the chain's last entry before the period's end and every time the evidence holds. */
    static Instant lastModified(OscalFacts facts) {
        return Stream.concat(
                        Stream.of(
                                facts.chain().headAt(), facts.report().period().from()),
                        facts.report().controls().stream()
                                .flatMap(c -> c.activities().stream())
                                .map(a -> Observations.latest(a).orElse(null)))
                .filter(Objects::nonNull)
                .max(Instant::compareTo)
                .orElseThrow();
    }

    private static ObjectNode reviewedControls(OscalFacts facts) {
        ObjectNode reviewed = OscalJson.object();
        reviewed.put(
                "description",
                "The control sets of the framework catalogs in Rounds' checklist folder"
                        + (facts.report().framework() == null
                                ? ""
                                : ", limited to " + facts.report().framework())
                        + ". A finding is given for each control some activity implements.");
        ArrayNode selections = reviewed.putArray("control-selections");
        for (Framework framework : facts.frameworks()) {
            ObjectNode selection = selections.addObject();
            selection.put(
                    "description",
                    line(framework.title()) + " (" + framework.id() + "), every control of its catalog "
                            + framework.file());
            ArrayNode props = OscalJson.array();
            prop(props, "framework", framework.id());
            prop(props, "catalog-sha256", framework.sha256());
            prop(props, "source", framework.source());
            selection.set("props", props);
            ArrayNode include = OscalJson.array();
            for (Control control : framework.controls()) include.addObject().put("control-id", control.oscalId());
            OscalJson.putIfAny(selection, "include-controls", include);
        }
        if (selections.isEmpty()) {
            selections.addObject().put("description", "No framework catalog is loaded: no control was reviewed.");
        }
        return reviewed;
    }

    private static String gaps(ControlReport report) {
        if (report.gaps().isEmpty()) return "Every control of the reviewed catalogs is implemented by some activity.";
        StringBuilder text = new StringBuilder("Gaps: no activity implements ")
                .append(Findings.count(report.gaps().size(), "control", "controls"))
                .append(" of the reviewed catalogs, so there is no finding for them: ");
        String separator = "";
        for (ControlGap gap : report.gaps()) {
            text.append(separator)
                    .append(gap.framework())
                    .append(':')
                    .append(gap.control().id());
            separator = ", ";
        }
        return text.append('.').toString();
    }

    private static ObjectNode plan(OscalFacts facts) {
        ObjectNode resource = OscalJson.object();
        resource.put("uuid", resourceUuid(PLAN));
        resource.put("title", "The checklists");
        resource.put(
                "description",
                "The checklist set whose activities, schedules and control mappings this assessment follows,"
                        + " named by the SHA-256 Rounds computes over its files.");
        ArrayNode props = OscalJson.array();
        prop(props, "checklists-sha256", facts.checklistsSha256());
        resource.set("props", props);
        return resource;
    }

    /**
     * The binding to the audit chain: its last entry before the period's end (seq, hash, time) and the SHA-256 of the
     * period's {@code audit.jsonl}, as the auditor's bundle of the same period lists it in its manifest. The
     * manifest's own SHA-256 cannot be named here, since the manifest lists this document's hash in turn.
     */
    private static ObjectNode chain(OscalFacts facts) {
        ChainAtEnd.Facts chain = facts.chain();
        ObjectNode resource = OscalJson.object();
        resource.put("uuid", resourceUuid(CHAIN));
        resource.put("title", "The audit chain at the period's end");
        resource.put(
                "description",
                "The last audit entry before the period's end, and the period's slice of the log as the auditor's"
                        + " bundle holds it (" + AuditJsonlFile.NAME + ", listed with this SHA-256 in the bundle's"
                        + " manifest.json, which also lists this document's SHA-256).");
        ArrayNode props = OscalJson.array();
        prop(props, "head-seq", chain.headSeq());
        prop(props, "head-hash", chain.headHash());
        prop(props, "head-at", chain.headAt() == null ? null : AuditHash.timestamp(chain.headAt()));
        prop(props, "audit-entries", chain.entries());
        prop(props, "audit-jsonl-sha256", chain.sha256());
        prop(props, "audit-jsonl-bytes", chain.bytes());
        if (facts.report().audit() != null) {
            prop(props, "evidence-first-seq", facts.report().audit().firstSeq());
            prop(props, "evidence-last-seq", facts.report().audit().lastSeq());
        }
        resource.set("props", props);
        ObjectNode rlink = resource.putArray("rlinks").addObject();
        rlink.put("href", AuditJsonlFile.NAME);
        rlink.put("media-type", "application/jsonl");
        rlink.putArray("hashes").addObject().put("algorithm", "SHA-256").put("value", chain.sha256());
        return resource;
    }
}
