package dev.rounds.report.oscal;

import com.fasterxml.jackson.core.JsonGenerator;
import com.fasterxml.jackson.databind.ObjectWriter;
import com.fasterxml.jackson.databind.json.JsonMapper;
import dev.rounds.audit.export.ChainAtEnd;
import dev.rounds.checklist.Activity;
import dev.rounds.checklist.Checklist;
import dev.rounds.checklist.ChecklistRegistry;
import dev.rounds.checklist.ChecklistSet;
import dev.rounds.checklist.Framework;
import dev.rounds.checklist.SignoffPolicy;
import dev.rounds.core.Interval;
import dev.rounds.report.controls.ControlEvidenceService;
import dev.rounds.report.controls.ControlReport;
import dev.rounds.report.controls.EvidenceFile;
import dev.rounds.signoff.Evidence;
import jakarta.enterprise.context.ApplicationScoped;
import jakarta.enterprise.context.control.ActivateRequestContext;
import jakarta.inject.Inject;
import java.io.IOException;
import java.io.OutputStream;
import java.time.Clock;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;

/**
 * The OSCAL Assessment Results document of a period: gathers its facts (the per-control evidence, the audit chain at
 * the period's end, how each activity is assessed, where each evidence file is served) and writes it as indented
 * JSON in UTF-8. Nothing in it depends on when it is written, so a period that has ended gives the same bytes each
 * time.
 */
@ApplicationScoped
public class OscalExport {

    public static final String MEDIA_TYPE = "application/json";

    private static final ObjectWriter JSON = JsonMapper.builder()
            .disable(JsonGenerator.Feature.AUTO_CLOSE_TARGET)
            .build()
            .writerWithDefaultPrettyPrinter();

    private final ControlEvidenceService evidence;
    private final ChainAtEnd chain;
    private final ChecklistRegistry checklists;
    private final Clock clock;

    @Inject
    public OscalExport(ControlEvidenceService evidence, ChainAtEnd chain, ChecklistRegistry checklists, Clock clock) {
        this.evidence = evidence;
        this.chain = chain;
        this.checklists = checklists;
        this.clock = clock;
    }

    /** Writes the document of {@code period}, limited to {@code framework} unless it is {@code null}. */
    @ActivateRequestContext
    public void write(Interval period, String framework, OutputStream out) throws IOException {
        JSON.writeValue(out, AssessmentResults.of(facts(period, framework)));
        out.write('\n');
    }

    OscalFacts facts(Interval period, String framework) throws IOException {
        ChecklistSet set = checklists.current();
        List<Framework> frameworks = set.frameworks().selected(framework);
        ChainAtEnd.Facts head = chain.of(period);
        ControlReport report = evidence.report(period, framework, clock.instant(), head.headSeq());
        return new OscalFacts(report, frameworks, head, methods(set), evidenceIds(report), set.sha256());
    }

    /** {@code TEST} for what probes judge, {@code EXAMINE} for what a person signs off; both where both do. */
    private static Map<String, Set<String>> methods(ChecklistSet set) {
        Map<String, Set<String>> methods = new TreeMap<>();
        for (Checklist checklist : set.checklists()) {
            for (Activity activity : checklist.activities()) {
                Set<String> these = new TreeSet<>();
                if (!activity.probes().isEmpty()) these.add("TEST");
                if (activity.isManual() || activity.signoff() != SignoffPolicy.NONE) these.add("EXAMINE");
                methods.put(checklist.id() + "/" + activity.id(), these);
            }
        }
        return methods;
    }

    /** The lowest id of a stored evidence row per SHA-256: every row of one hash serves the same bytes. */
    private static Map<String, Long> evidenceIds(ControlReport report) {
        Set<String> hashes = new TreeSet<>();
        report.controls().stream()
                .flatMap(c -> c.activities().stream())
                .flatMap(a -> a.signOffs().stream())
                .flatMap(s -> s.files().stream())
                .map(EvidenceFile::sha256)
                .forEach(hashes::add);
        Map<String, Long> ids = new TreeMap<>();
        for (String sha : hashes) {
            Evidence.<Evidence>find("sha256 = ?1 order by id", sha)
                    .firstResultOptional()
                    .ifPresent(e -> ids.put(sha, e.id));
        }
        return ids;
    }
}
