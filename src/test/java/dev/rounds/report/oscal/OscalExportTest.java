package dev.rounds.report.oscal;

import static dev.rounds.TestAccounts.as;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.networknt.schema.Schema;
import dev.rounds.SharedChecklistsProfile;
import dev.rounds.TestAccounts;
import dev.rounds.TestClock;
import dev.rounds.audit.AuditLog;
import dev.rounds.audit.export.AuditJsonlFile;
import dev.rounds.audit.export.BundleWriter;
import dev.rounds.checklist.ChecklistRegistry;
import dev.rounds.checklist.LoadResult;
import dev.rounds.core.Sha256;
import dev.rounds.schedule.Occurrence;
import dev.rounds.schedule.OccurrenceStatus;
import dev.rounds.schedule.ScheduleService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.SQLException;
import java.time.Duration;
import java.time.Instant;
import java.time.OffsetDateTime;
import java.time.ZoneOffset;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.sql.DataSource;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The OSCAL export of two days lived through real HTTP under the test clock: sign-offs with and without evidence, a
 * waiver, a late sign-off, a probe-driven activity missed with an incident. Every document validates against NIST's
 * schema; the same period exported twice is the same bytes; the bundle's copy is bound to its manifest.
 */
@QuarkusTest
@TestProfile(SharedChecklistsProfile.class)
class OscalExportTest {

    private static final String CHECKLIST = OscalChecklists.CHECKLIST;
    private static final String OPERATOR = "oscal-operator";
    private static final String MANAGER = "oscal-manager";
    private static final String AUDITOR = "oscal-auditor";
    private static final String PERIOD = "from=2026-09-14&to=2026-09-15";
    private static final String LAST_INCIDENT_START = "2026-09-15T23:00:00Z";
    private static final byte[] EVIDENCE = "restic check: no errors found\n".getBytes(StandardCharsets.UTF_8);
    private static final ObjectMapper JSON = new ObjectMapper();
    private static final Schema SCHEMA = OscalSchema.withVersion5Uuids();

    private static boolean lived;

    @Inject
    TestClock clock;

    @Inject
    ScheduleService schedule;

    @Inject
    ChecklistRegistry registry;

    @Inject
    AuditLog audit;

    @Inject
    DataSource dataSource;

    @BeforeAll
    static void checklists() {
        SharedChecklistsProfile.use(OscalChecklists.FILES);
    }

    /** The two days happen once, before the first test: each test reads what they left. */
    @BeforeEach
    void twoDays() throws SQLException, IOException {
        if (lived) return;
        lived = true;
        TestAccounts.ensure(OPERATOR, "operator");
        TestAccounts.ensure(MANAGER, "manager");
        TestAccounts.ensure(AUDITOR, "auditor");

        clock.set(Instant.parse("2026-09-14T00:00:00Z"));
        Files.writeString(registry.folder().resolve(OscalChecklists.DAILY_FILE), OscalChecklists.DAILY);
        LoadResult loaded = registry.reload(AuditLog.SYSTEM);
        assertTrue(loaded.isValid(), loaded.problems().toString());
        tickAt("2026-09-14T00:00:30Z");
        clock.set(Instant.parse("2026-09-14T08:00:00Z"));
        signOffWithEvidence(occurrence("backups", "2026-09-14"), "restore of last night's snapshot verified");
        signOff(occurrence("tapes", "2026-09-14"), "tape 29 in the safe");
        int waiver = as(OPERATOR)
                .contentType("application/json")
                .body(Map.of(
                        "checklist", CHECKLIST,
                        "activity", "patching",
                        "reason", "patch window moved to the quarterly change",
                        "expires", "2026-09-16T12:00:00Z"))
                .post("/api/waivers")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        as(MANAGER)
                .contentType("application/json")
                .body(Map.of("note", "accepted for two days"))
                .post("/api/waivers/{id}/approve", waiver)
                .then()
                .statusCode(200);
        insertIncident("2026-09-14T09:00:00Z", "2026-09-14T09:45:00Z");
        // still going when the period ends; theSamePeriodExportedTwice… ends it afterwards
        insertIncident(LAST_INCIDENT_START, null);
        tickAt("2026-09-14T10:30:00Z");

        tickAt("2026-09-15T00:00:30Z");
        clock.set(Instant.parse("2026-09-15T09:00:00Z"));
        signOff(occurrence("tapes", "2026-09-15"), "tape 30 in the safe");
        tickAt("2026-09-15T10:30:00Z");
        clock.set(Instant.parse("2026-09-15T11:00:00Z"));
        signOff(occurrence("backups", "2026-09-15"), "backup checked late, after the outage");
        tickAt("2026-09-16T00:00:30Z");

        assertEquals(OccurrenceStatus.DONE, occurrence("backups", "2026-09-14").status);
        assertEquals(OccurrenceStatus.LATE, occurrence("backups", "2026-09-15").status);
        assertEquals(OccurrenceStatus.WAIVED, occurrence("patching", "2026-09-15").status);
        assertEquals(OccurrenceStatus.MISSED, occurrence("alerts", "2026-09-15").status);
    }

    @Test
    void theDocumentValidatesAgainstNistsSchemaAndJudgesEachControlByTheRule() throws IOException {
        JsonNode document = JSON.readTree(oscal(PERIOD));
        assertEquals(List.of(), OscalSchema.errors(SCHEMA, document));
        JsonNode results = document.get("assessment-results");
        assertEquals("1.0.4", results.at("/metadata/oscal-version").asText());
        JsonNode result = results.get("results").get(0);
        assertEquals("2026-09-14T00:00:00Z", result.get("start").asText());
        assertEquals("2026-09-16T00:00:00Z", result.get("end").asText());

        List<String> reviewed = result.at("/reviewed-controls/control-selections/0/include-controls")
                .findValuesAsText("control-id");
        assertEquals(List.of("cp-9", "cp-10", "si-2", "si-4", "cm-3"), reviewed);

        Map<String, JsonNode> findings = new HashMap<>();
        result.get("findings")
                .forEach(f -> findings.put(f.at("/target/target-id").asText(), f));
        assertEquals(
                List.of("cp-9_smt", "cp-10_smt", "si-2_smt", "si-4_smt"),
                List.of(result.get("findings").findValuesAsText("target-id").toArray(String[]::new)));
        // backups late on the second day, alerts missed on both
        assertEquals("not-satisfied", state(findings.get("cp-9_smt")));
        assertEquals("satisfied", state(findings.get("cp-10_smt")));
        // every due occurrence waived: excused, not shown to operate, so never satisfied
        assertEquals("not-satisfied", state(findings.get("si-2_smt")));
        assertEquals("waived", prop(findings.get("si-2_smt"), "judgement"));
        assertTrue(
                findings.get("si-2_smt").at("/target/status/remarks").asText().contains("none was done"));
        assertEquals("not-satisfied", state(findings.get("si-4_smt")));
        assertEquals("2", prop(findings.get("si-4_smt"), "missed"));
        // CP-9: backups on time then late, alerts missed twice: 1 of 4 on time
        assertEquals(0, new BigDecimal("0.25").compareTo(new BigDecimal(prop(findings.get("cp-9_smt"), "compliance"))));
        assertTrue(result.get("remarks").asText().contains(OscalChecklists.FRAMEWORK + ":CM-3"), "the gap");
        assertEquals(2, findings.get("cp-9_smt").get("related-observations").size(), "backups and alerts");

        Map<String, JsonNode> observations = new HashMap<>();
        result.get("observations").forEach(o -> observations.put(prop(o, "activity"), o));
        assertEquals("[\"TEST\"]", observations.get("alerts").get("methods").toString());
        assertEquals("[\"EXAMINE\"]", observations.get("backups").get("methods").toString());
        assertTrue(
                observations.get("alerts").get("relevant-evidence").toString().contains("Incident"));
        String waiverEvidence =
                observations.get("patching").get("relevant-evidence").toString();
        assertTrue(
                waiverEvidence.contains(OPERATOR)
                        && waiverEvidence.contains(MANAGER)
                        && waiverEvidence.contains("patch window moved"),
                waiverEvidence);

        // the evidence file: a back-matter resource with its SHA-256, served by the evidence endpoint
        String sha = Sha256.hex(EVIDENCE);
        JsonNode signOff = observations.get("backups").get("relevant-evidence").get(0);
        String resourceUuid = signOff.get("href").asText().substring(1);
        JsonNode resource = resource(results, resourceUuid);
        assertEquals(sha, resource.at("/rlinks/0/hashes/0/value").asText());
        String href = resource.at("/rlinks/0/href").asText();
        byte[] served = as(AUDITOR).get(href).then().statusCode(200).extract().asByteArray();
        assertArrayEquals(EVIDENCE, served);
    }

    @Test
    void theSamePeriodExportedTwiceIsTheSameBytesEvenAfterLaterEntries() throws SQLException {
        byte[] first = oscal(PERIOD);
        // a bundle export appends an entry to the chain, after the period's end
        as(AUDITOR).get("/api/audit/bundle?" + PERIOD).then().statusCode(200);
        // later entries about an occurrence of the period, and the end of an incident that outlived it
        audit.append(AuditLog.SYSTEM, "occurrence.noted", CHECKLIST + "/alerts@2026-09-15", Map.of("note", "later"));
        try (Connection connection = dataSource.getConnection();
                PreparedStatement end =
                        connection.prepareStatement("UPDATE incident SET ended_at = ? WHERE started_at = ?")) {
            end.setObject(1, at("2026-09-16T01:00:00Z"));
            end.setObject(2, at(LAST_INCIDENT_START));
            assertEquals(1, end.executeUpdate());
        }
        clock.advance(Duration.ofMinutes(5));
        byte[] second = oscal(PERIOD);
        assertArrayEquals(
                first,
                second,
                new String(first, StandardCharsets.UTF_8) + "\n---\n" + new String(second, StandardCharsets.UTF_8));
    }

    @Test
    void theBundlesDocumentIsBoundToItsManifestAndTheChain() throws IOException {
        Map<String, byte[]> bundle = unzip(as(AUDITOR)
                .get("/api/audit/bundle?" + PERIOD)
                .then()
                .statusCode(200)
                .extract()
                .asByteArray());
        byte[] oscal = bundle.get(OscalBundleFile.NAME);
        assertArrayEquals(oscal(PERIOD), oscal, "the bundle holds the document the API gives");
        JsonNode document = JSON.readTree(oscal);
        assertEquals(List.of(), OscalSchema.errors(SCHEMA, document));
        JsonNode manifest = JSON.readTree(bundle.get(BundleWriter.MANIFEST));
        Map<String, String> listed = new HashMap<>();
        manifest.get("files")
                .forEach(f -> listed.put(f.get("name").asText(), f.get("sha256").asText()));
        assertEquals(Sha256.hex(oscal), listed.get(OscalBundleFile.NAME), "the manifest lists the document");

        JsonNode chain = resource(document.get("assessment-results"), AssessmentResults.resourceUuid("audit-chain"));
        byte[] auditJsonl = bundle.get(AuditJsonlFile.NAME);
        assertEquals(Sha256.hex(auditJsonl), listed.get(AuditJsonlFile.NAME));
        assertEquals(listed.get(AuditJsonlFile.NAME), prop(chain, "audit-jsonl-sha256"));
        assertEquals(
                listed.get(AuditJsonlFile.NAME),
                chain.at("/rlinks/0/hashes/0/value").asText());
        assertEquals(manifest.get("last_seq").asText(), prop(chain, "head-seq"));
        assertEquals(manifest.get("last_hash").asText(), prop(chain, "head-hash"));
        assertEquals(manifest.get("entries").asText(), prop(chain, "audit-entries"));
        // the head the document names is an entry of the chain the bundle carries, the last one of its slice
        String[] lines = new String(auditJsonl, StandardCharsets.UTF_8).split("\n");
        JsonNode last = JSON.readTree(lines[lines.length - 1]);
        assertEquals(last.get("seq").asText(), prop(chain, "head-seq"));
        assertEquals(last.get("hash").asText(), prop(chain, "head-hash"));
        assertTrue(manifest.get("head_seq").asLong() >= Long.parseLong(prop(chain, "head-seq")));
    }

    @Test
    void anEmptyPeriodAndOneFrameworkGiveValidDocumentsThatClaimNothing() throws IOException {
        JsonNode empty = JSON.readTree(oscal("from=2026-03-01&to=2026-03-02&framework=" + OscalChecklists.FRAMEWORK));
        assertEquals(List.of(), OscalSchema.errors(SCHEMA, empty));
        JsonNode findings = empty.at("/assessment-results/results/0/findings");
        assertEquals(4, findings.size());
        for (JsonNode finding : findings) {
            assertEquals("not-satisfied", state(finding), "nothing came due, so nothing is shown to operate");
            assertEquals("not-due", prop(finding, "judgement"));
        }
        as(AUDITOR)
                .get("/api/reports/oscal?" + PERIOD + "&framework=cobit")
                .then()
                .statusCode(400);
        as(AUDITOR)
                .get("/api/reports/oscal?from=2026-09-15&to=2026-09-14")
                .then()
                .statusCode(400);
    }

    @Test
    void nistsOwnSchemaRefusesVersion5UuidsWhichIsWhyTheDocumentSaysOscal104() throws IOException {
        JsonNode document = JSON.readTree(oscal(PERIOD));
        List<String> strict = OscalSchema.errors(OscalSchema.of(OscalSchema.nist()), document);
        assertFalse(strict.isEmpty());
        assertTrue(strict.stream().allMatch(e -> e.contains("uuid")), String.join("\n", strict));
    }

    private static byte[] oscal(String query) {
        return as(AUDITOR)
                .get("/api/reports/oscal?" + query)
                .then()
                .statusCode(200)
                .contentType("application/json")
                .extract()
                .asByteArray();
    }

    private static String state(JsonNode finding) {
        return finding.at("/target/status/state").asText();
    }

    private static String prop(JsonNode node, String name) {
        for (JsonNode prop : node.get("props")) {
            if (prop.get("name").asText().equals(name)) return prop.get("value").asText();
        }
        throw new AssertionError("no prop " + name + " in " + node);
    }

    private static JsonNode resource(JsonNode results, String uuid) {
        for (JsonNode resource : results.at("/back-matter/resources")) {
            if (resource.get("uuid").asText().equals(uuid)) return resource;
        }
        throw new AssertionError("no back-matter resource " + uuid);
    }

    private static Map<String, byte[]> unzip(byte[] zip) throws IOException {
        Map<String, byte[]> files = new HashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                files.put(entry.getName(), in.readAllBytes());
            }
        }
        return files;
    }

    private void tickAt(String instant) {
        clock.set(Instant.parse(instant));
        schedule.tick();
    }

    private static Occurrence occurrence(String activity, String day) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Occurrence.findFor(CHECKLIST, activity, day)
                        .orElseThrow(() -> new AssertionError("no occurrence " + activity + "@" + day)));
    }

    private static void signOff(Occurrence occurrence, String note) {
        as(OPERATOR)
                .contentType("application/json")
                .body(Map.of("note", note))
                .post("/api/occurrences/{id}/signoff", occurrence.id)
                .then()
                .statusCode(201);
    }

    private static void signOffWithEvidence(Occurrence occurrence, String note) {
        String csrf = as(OPERATOR)
                .get("/api/occurrences/{id}", occurrence.id)
                .then()
                .statusCode(200)
                .extract()
                .cookie("csrf-token");
        RequestSpecification request = as(OPERATOR).cookie("csrf-token", csrf).header("X-CSRF-TOKEN", csrf);
        request.multiPart("note", note)
                .multiPart("file", "restic-check.txt", EVIDENCE, "text/plain")
                .post("/api/occurrences/{id}/signoff", occurrence.id)
                .then()
                .statusCode(201);
    }

    private void insertIncident(String start, String end) throws SQLException {
        try (Connection connection = dataSource.getConnection();
                PreparedStatement insert = connection.prepareStatement("INSERT INTO incident (target_id, probe_key,"
                        + " checklist_id, activity_id, continuous, started_at, confirmed_at, ended_at, message)"
                        + " VALUES (?, ?, ?, ?, FALSE, ?, ?, ?, ?)")) {
            insert.setString(1, "oscal-db");
            insert.setString(2, CHECKLIST + "/alerts#0@oscal-db");
            insert.setString(3, CHECKLIST);
            insert.setString(4, "alerts");
            insert.setObject(5, at(start));
            insert.setObject(6, at(start));
            insert.setObject(7, end == null ? null : at(end));
            insert.setString(8, "connection refused");
            insert.executeUpdate();
        }
    }

    private static OffsetDateTime at(String instant) {
        return Instant.parse(instant).atOffset(ZoneOffset.UTC);
    }
}
