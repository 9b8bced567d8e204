package dev.rounds.report.controls;

import static dev.rounds.report.controls.ControlChecklists.CHECKLIST;
import static dev.rounds.report.controls.ControlChecklists.ISO;
import static dev.rounds.report.controls.ControlChecklists.NIST;
import static dev.rounds.report.controls.ControlChecklists.REVIEW;
import static dev.rounds.report.controls.ControlChecklists.TARGET;
import static dev.rounds.report.controls.ControlChecklists.WATCH;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rounds.SharedChecklistsProfile;
import dev.rounds.TestAccounts;
import dev.rounds.TestClock;
import dev.rounds.audit.AuditLog;
import dev.rounds.checklist.ChecklistRegistry;
import dev.rounds.checklist.LoadResult;
import dev.rounds.core.Interval;
import dev.rounds.probe.ProbeKey;
import dev.rounds.probe.ProbeResult;
import dev.rounds.probe.ProbeStatus;
import dev.rounds.probe.ResultWriter;
import dev.rounds.report.compliance.ComplianceFigures;
import dev.rounds.report.rollup.RollupJob;
import dev.rounds.schedule.Occurrence;
import dev.rounds.schedule.OccurrenceStatus;
import dev.rounds.schedule.ScheduleService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.StringReader;
import java.math.BigDecimal;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.sql.DataSource;
import org.apache.commons.csv.CSVFormat;
import org.apache.commons.csv.CSVRecord;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The per-control report of Monday 13 to Friday 17 July 2026 (UTC) on {@link ControlChecklists}, figures
 * computed by hand. The backup review, due at noon: signed off on time on the 13th (with an evidence file) and the
 * 14th, late on the 15th (15:00), not at all on the 16th (missed), and waived on the 17th through the waiver API: due 5,
 * on time 2, late 1, missed 1, waived 1, compliance 2 / (5 − 1) = 50%, so CP-9 and A.8.13 are not satisfied. The
 * paused monitoring activity's five occurrences are all waived (due 5, waived 5, no compliance figure), so SI-4 and
 * A.8.16 are waived, not satisfied: excused, never shown to operate; its probe was down at 10:00 and 11:00 on the 14th and up at 12:00: one incident
 * of 2 h. AU-6, on the checklist, covers both: due 10, on time 2, late 1, missed 1, waived 6, 2 / 4 = 50%. "Now" is
 * Saturday 18 July, noon.
 */
@QuarkusTest
@TestProfile(SharedChecklistsProfile.class)
class ControlReportTest {

    static final String OPERATOR = "ce-operator";
    static final String MANAGER = "ce-manager";
    static final String AUDITOR = "ce-auditor";
    static final String REASON = "Backup server replaced on the 17th; the vendor verified the restore";
    static final Instant NOW = Instant.parse("2026-07-18T12:00:00Z");
    static final Interval PERIOD =
            new Interval(Instant.parse("2026-07-13T00:00:00Z"), Instant.parse("2026-07-18T00:00:00Z"));
    static final byte[] EVIDENCE =
            "restic snapshots 2026-07-13: 14 kept, check passed\n".getBytes(StandardCharsets.UTF_8);
    static final String EVIDENCE_SHA256 = sha256(EVIDENCE);
    static final String QUERY = "?from=2026-07-13&to=2026-07-17";

    private static boolean seeded;
    private static long waiverId;

    @Inject
    TestClock clock;

    @Inject
    ScheduleService schedule;

    @Inject
    ResultWriter writer;

    @Inject
    RollupJob rollups;

    @Inject
    ControlEvidenceService controls;

    @Inject
    DataSource dataSource;

    @Inject
    ChecklistRegistry registry;

    @BeforeAll
    static void checklists() {
        SharedChecklistsProfile.use(ControlChecklists.FILES);
    }

    @BeforeEach
    void seedOnce() throws Exception {
        TestAccounts.ensure(OPERATOR, "operator");
        TestAccounts.ensure(MANAGER, "manager");
        TestAccounts.ensure(AUDITOR, "auditor");
        if (!seeded) seed();
        clock.set(NOW);
    }

    private void seed() throws Exception {
        clock.set(Instant.parse("2026-07-12T00:30:00Z"));
        Files.writeString(registry.folder().resolve(ControlChecklists.DAILY_FILE), ControlChecklists.DAILY);
        LoadResult loaded = registry.reload(AuditLog.SYSTEM);
        assertTrue(loaded.isValid(), loaded.problems().toString());
        at("2026-07-12T00:30:00Z");
        at("2026-07-13T00:30:00Z");
        at("2026-07-13T09:00:00Z");
        String cookie = TestAccounts.as(OPERATOR)
                .get("/api/occurrences/{id}", review("2026-07-13"))
                .then()
                .statusCode(200)
                .extract()
                .cookie("csrf-token");
        TestAccounts.as(OPERATOR)
                .cookie("csrf-token", cookie)
                .header("X-CSRF-TOKEN", cookie)
                .multiPart("note", "snapshots listed and checked")
                .multiPart("file", "restic-check.txt", EVIDENCE, "text/plain")
                .post("/api/occurrences/{id}/signoff", review("2026-07-13"))
                .then()
                .statusCode(201);
        at("2026-07-14T00:30:00Z");
        at("2026-07-14T10:00:00Z");
        signOff("2026-07-14", "checked");
        at("2026-07-14T13:00:00Z");
        probe("2026-07-14T10:00:00Z", ProbeStatus.DOWN);
        probe("2026-07-14T11:00:00Z", ProbeStatus.DOWN);
        probe("2026-07-14T12:00:00Z", ProbeStatus.UP);
        writer.flush();
        rollups.catchUp();
        at("2026-07-15T00:30:00Z");
        at("2026-07-15T12:30:00Z");
        at("2026-07-15T15:00:00Z");
        signOff("2026-07-15", "checked after lunch");
        at("2026-07-16T00:30:00Z");
        at("2026-07-16T12:30:00Z");
        at("2026-07-17T00:30:00Z");
        at("2026-07-17T08:00:00Z");
        waiverId = TestAccounts.as(OPERATOR)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "checklist",
                        CHECKLIST,
                        "activity",
                        REVIEW,
                        "reason",
                        REASON,
                        "expires",
                        "2026-07-17T23:00:00Z"))
                .post("/api/waivers")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        at("2026-07-17T08:30:00Z");
        TestAccounts.as(MANAGER)
                .contentType(ContentType.JSON)
                .body(Map.of("note", "agreed"))
                .post("/api/waivers/{id}/approve", waiverId)
                .then()
                .statusCode(200);
        at("2026-07-17T12:30:00Z");
        at("2026-07-18T00:30:00Z");
        at(NOW.toString());
        assertEquals(
                List.of("DONE", "DONE", "LATE", "MISSED", "WAIVED"),
                Stream.of("2026-07-13", "2026-07-14", "2026-07-15", "2026-07-16", "2026-07-17")
                        .map(day -> QuarkusTransaction.requiringNew()
                                .call(() -> Occurrence.findFor(CHECKLIST, REVIEW, day)
                                        .orElseThrow()
                                        .status
                                        .name()))
                        .toList(),
                "the fixture's backup reviews ended as planned");
        seeded = true;
    }

    private void at(String instant) {
        clock.set(Instant.parse(instant));
        schedule.tick();
    }

    private static long review(String day) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Occurrence.findFor(CHECKLIST, REVIEW, day).orElseThrow().id);
    }

    private static void signOff(String day, String note) {
        TestAccounts.as(OPERATOR)
                .contentType(ContentType.JSON)
                .body(Map.of("note", note))
                .post("/api/occurrences/{id}/signoff", review(day))
                .then()
                .statusCode(201);
    }

    private void probe(String at, ProbeStatus status) {
        assertTrue(writer.submit(new ProbeResult(
                new ProbeKey(CHECKLIST, WATCH, 0, TARGET),
                "tcp",
                Instant.parse(at),
                Duration.ofMillis(5),
                status,
                Map.of("connected", status == ProbeStatus.UP),
                List.of(),
                status.label())));
    }

    @Test
    void theFiguresJudgementsAndGapsAreThoseComputedByHand() {
        ControlReport report = controls.report(PERIOD, null, NOW);
        assertEquals(
                List.of(ISO + ":A.8.13", ISO + ":A.8.16", NIST + ":AU-6", NIST + ":CP-9", NIST + ":SI-4"),
                report.controls().stream().map(ControlEvidence::ref).toList());
        assertEquals(
                List.of(ISO + ":A.8.8", NIST + ":CP-4", NIST + ":SI-2"),
                report.gaps().stream()
                        .map(g -> g.framework() + ":" + g.control().id())
                        .toList());

        ControlEvidence au6 = control(report, "AU-6");
        assertFigures(au6.figures(), 10, 2, 1, 1, 6, "0.5");
        assertEquals(Judgement.NOT_SATISFIED, au6.judgement());
        assertEquals(
                List.of(CHECKLIST + "/" + REVIEW, CHECKLIST + "/" + WATCH),
                au6.activities().stream().map(ActivityEvidence::key).toList());

        ControlEvidence cp9 = control(report, "CP-9");
        assertFigures(cp9.figures(), 5, 2, 1, 1, 1, "0.5");
        assertEquals(Judgement.NOT_SATISFIED, cp9.judgement());
        ActivityEvidence backups = cp9.activities().get(0);
        assertEquals(
                List.of(
                        OccurrenceStatus.DONE,
                        OccurrenceStatus.DONE,
                        OccurrenceStatus.LATE,
                        OccurrenceStatus.MISSED,
                        OccurrenceStatus.WAIVED),
                backups.occurrences().stream().map(OccurrenceEvidence::status).toList());

        ControlEvidence si4 = control(report, "SI-4");
        assertFigures(si4.figures(), 5, 0, 0, 0, 5, null);
        assertEquals(Judgement.WAIVED, si4.judgement(), "every occurrence that came due was waived");
        ActivityEvidence watch = si4.activities().get(0);
        assertEquals(
                List.of(new IncidentEvidence(
                        CHECKLIST + "/" + WATCH + "#0@" + TARGET,
                        TARGET,
                        Instant.parse("2026-07-14T10:00:00Z"),
                        Instant.parse("2026-07-14T12:00:00Z"))),
                watch.incidents());
        assertEquals(List.of(), watch.signOffs());

        ControlReport iso = controls.report(PERIOD, ISO, NOW);
        assertEquals(
                List.of("A.8.13", "A.8.16"),
                iso.controls().stream().map(c -> c.control().id()).toList());
        assertEquals(
                List.of("A.8.8"), iso.gaps().stream().map(g -> g.control().id()).toList());
        assertEquals(Judgement.NOT_SATISFIED, iso.controls().get(0).judgement());
    }

    @Test
    void signOffsCarryTheirEvidenceHashAndWaiversTheirPeople() {
        ActivityEvidence backups =
                control(controls.report(PERIOD, NIST, NOW), "CP-9").activities().get(0);
        assertEquals(
                List.of(
                        "ce-daily/backup-review@2026-07-13 " + OPERATOR + " 2026-07-13T09:00:00Z",
                        "ce-daily/backup-review@2026-07-14 " + OPERATOR + " 2026-07-14T10:00:00Z",
                        "ce-daily/backup-review@2026-07-15 " + OPERATOR + " 2026-07-15T15:00:00Z"),
                backups.signOffs().stream()
                        .map(s -> s.occurrence() + " " + s.by() + " " + s.at())
                        .toList());
        assertEquals(
                List.of(new EvidenceFile("restic-check.txt", EVIDENCE_SHA256, EVIDENCE.length)),
                backups.signOffs().get(0).files());
        assertEquals(List.of(), backups.signOffs().get(1).files());
        assertEquals(
                List.of(new WaiverEvidence(
                        waiverId,
                        CHECKLIST + "/" + REVIEW,
                        OPERATOR,
                        MANAGER,
                        REASON,
                        Instant.parse("2026-07-17T08:30:00Z"),
                        Instant.parse("2026-07-17T23:00:00Z"))),
                backups.waivers());
    }

    @Test
    void theAuditRangeSpansTheEntriesAboutTheCountedOccurrencesAndWaivers() throws Exception {
        ControlReport report = controls.report(PERIOD, null, NOW);
        Set<String> reviewSubjects = Stream.concat(
                        Stream.of("2026-07-13", "2026-07-14", "2026-07-15", "2026-07-16", "2026-07-17")
                                .map(day -> CHECKLIST + "/" + REVIEW + "@" + day),
                        Stream.of("waiver/" + waiverId))
                .collect(Collectors.toSet());
        List<Long> reviewSeqs = seqsAbout(reviewSubjects);
        Set<String> watchSubjects = Stream.of("2026-07-13", "2026-07-14", "2026-07-15", "2026-07-16", "2026-07-17")
                .map(day -> CHECKLIST + "/" + WATCH + "@" + day)
                .collect(Collectors.toSet());
        List<Long> watchSeqs = seqsAbout(watchSubjects);
        assertTrue(reviewSeqs.size() >= 5 + 3 + 2, "opened, signed off and the waiver's request and approval");
        AuditRange review = new AuditRange(reviewSeqs.get(0), reviewSeqs.get(reviewSeqs.size() - 1));
        assertEquals(review, control(report, "CP-9").audit());
        List<Long> both = new ArrayList<>(reviewSeqs);
        both.addAll(watchSeqs);
        both.sort(null);
        AuditRange all = new AuditRange(both.get(0), both.get(both.size() - 1));
        assertEquals(all, control(report, "AU-6").audit());
        assertEquals(all, report.audit());
    }

    @Test
    void thePageShowsEachFrameworksControlsTheirEvidenceAndTheGaps() {
        Document page = Jsoup.parse(TestAccounts.as(AUDITOR)
                .get("/reports/controls" + QUERY)
                .then()
                .statusCode(200)
                .extract()
                .asString());
        Element au6 = page.selectFirst("[id=row-" + NIST + "-AU-6]");
        assertNotNull(au6, page.outerHtml());
        assertEquals(
                List.of("AU-6 Audit Record Review", "not-satisfied", "50.00%", "10", "2", "1", "1", "6", "2"),
                au6.select("td").stream().limit(9).map(Element::text).toList());
        assertEquals(
                "waived", page.selectFirst("[id=row-" + NIST + "-SI-4] .status").text());
        assertEquals(
                List.of(
                        "CP-4 Contingency Plan Testing Contingency Planning",
                        "SI-2 Flaw Remediation System and Information Integrity"),
                page.select("[id=framework-" + NIST + "] ul.gaps li").eachText());
        Element cp9 = page.selectFirst("[id=control-" + NIST + "-CP-9]");
        assertNotNull(cp9);
        // the control lists its activities; each activity's evidence is on the page once, where the link leads
        String link = cp9.selectFirst("table.implementing a").attr("href");
        Element backups = page.selectFirst("[id=" + link.substring(1) + "]");
        assertNotNull(backups, link);
        assertEquals(1, page.select("[id=" + link.substring(1) + "]").size());
        assertEquals(EVIDENCE_SHA256, backups.selectFirst("code.sha256").text());
        assertTrue(backups.selectFirst("table.waivers").text().contains(OPERATOR + " " + MANAGER + " " + REASON));
        assertEquals(
                List.of("late", "missed", "waived"),
                backups.select("table.occurrences tbody tr .status").eachText(),
                "the occurrences not done on time are listed; the two on time are counted");
        assertEquals("/api/reports/oscal" + QUERY, page.selectFirst("a.oscal").attr("href"));
        assertTrue(page.selectFirst("#rule").text().contains("the checklists' current one"));
        assertTrue(page.selectFirst("#audit-range").text().startsWith("audit entries seq "));
        assertEquals(
                "/reports/controls.csv" + QUERY,
                page.selectFirst("a[href^=/reports/controls.csv]").attr("href"));

        Document iso = Jsoup.parse(TestAccounts.as(MANAGER)
                .get("/reports/controls" + QUERY + "&framework=" + ISO)
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertEquals(1, iso.select("section.framework").size());
        assertEquals(List.of("A.8.8"), iso.select("ul.gaps li").eachText());
    }

    @Test
    void thePdfAndCsvCarryTheSameEvidence() throws Exception {
        byte[] pdf = TestAccounts.as(AUDITOR)
                .get("/reports/controls.pdf" + QUERY)
                .then()
                .statusCode(200)
                .contentType("application/pdf")
                .extract()
                .asByteArray();
        try (PDDocument document = Loader.loadPDF(pdf)) {
            String text = new PDFTextStripper().getText(document);
            assertTrue(text.contains("Evidence per control"), text);
            assertTrue(text.contains("Audit Record Review"), text);
            assertTrue(text.replaceAll("\\s", "").contains(EVIDENCE_SHA256), text);
            assertTrue(text.contains("CP-4 Contingency Plan Testing"), text);
        }

        String csv = TestAccounts.as(MANAGER)
                .get("/reports/controls.csv" + QUERY)
                .then()
                .statusCode(200)
                .extract()
                .asString();
        List<CSVRecord> rows = CSVFormat.RFC4180
                .builder()
                .setHeader()
                .setSkipHeaderRecord(true)
                .get()
                .parse(new StringReader(csv))
                .getRecords();
        assertEquals(
                List.of(
                        "iso27001-2022:A.8.13:backup-review",
                        "iso27001-2022:A.8.16:watch",
                        "nist-800-53r5:AU-6:backup-review",
                        "nist-800-53r5:AU-6:watch",
                        "nist-800-53r5:CP-9:backup-review",
                        "nist-800-53r5:SI-4:watch",
                        "iso27001-2022:A.8.8:",
                        "nist-800-53r5:CP-4:",
                        "nist-800-53r5:SI-2:"),
                rows.stream()
                        .map(r -> r.get("framework") + ":" + r.get("control") + ":" + r.get("activity"))
                        .toList());
        CSVRecord cp9 = rows.get(4);
        assertEquals(
                List.of("not-satisfied", "5", "0.5", "5", "2", "1", "1", "1", "0.5", "3"),
                Stream.of(
                                "judgement",
                                "control_due",
                                "control_compliance",
                                "due",
                                "on_time",
                                "late",
                                "missed",
                                "waived",
                                "compliance",
                                "sign_offs")
                        .map(cp9::get)
                        .toList());
        assertEquals(EVIDENCE_SHA256, cp9.get("evidence_sha256"));
        assertEquals(
                "#" + waiverId + " requested by " + OPERATOR + ", approved by " + MANAGER + ": " + REASON,
                cp9.get("waivers"));
        AuditRange range = control(controls.report(PERIOD, null, NOW), "CP-9").audit();
        assertEquals(range.firstSeq() + "", cp9.get("audit_first_seq"));
        assertEquals(range.lastSeq() + "", cp9.get("audit_last_seq"));
        assertEquals("1", rows.get(5).get("incidents"));
        assertEquals("no-activity", rows.get(8).get("judgement"));
    }

    @Test
    void theAuditorsBundleCarriesTheSameControlsCsv() throws Exception {
        byte[] zip = TestAccounts.as(AUDITOR)
                .get("/api/audit/bundle" + QUERY)
                .then()
                .statusCode(200)
                .extract()
                .asByteArray();
        String inBundle = null;
        try (var entries = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry; (entry = entries.getNextEntry()) != null; ) {
                if (entry.getName().equals("controls.csv"))
                    inBundle = new String(entries.readAllBytes(), StandardCharsets.UTF_8);
            }
        }
        String export =
                TestAccounts.as(AUDITOR).get("/reports/controls.csv" + QUERY).asString();
        assertTrue(export.contains(EVIDENCE_SHA256), export);
        assertEquals(export, inBundle, "the bundle's controls.csv is the export of the same days");
    }

    @Test
    void onlyManagersAndAuditorsReadItAndBadParametersSayWhatAndWhere() {
        TestAccounts.as(OPERATOR).get("/reports/controls" + QUERY).then().statusCode(403);
        String unknown = Jsoup.parse(TestAccounts.as(AUDITOR)
                        .accept(ContentType.HTML)
                        .get("/reports/controls" + QUERY + "&framework=pci-dss")
                        .then()
                        .statusCode(400)
                        .extract()
                        .asString())
                .text();
        assertTrue(unknown.contains("'framework': the checklists have no framework 'pci-dss'"), unknown);
        assertTrue(unknown.contains(ISO + ", " + NIST), unknown);
        String backwards = TestAccounts.as(AUDITOR)
                .get("/reports/controls.csv?from=2026-07-17&to=2026-07-13")
                .then()
                .statusCode(400)
                .extract()
                .asString();
        assertTrue(backwards.contains("'to' (2026-07-13) is before 'from' (2026-07-17)"), backwards);
    }

    private static ControlEvidence control(ControlReport report, String id) {
        return report.controls().stream()
                .filter(c -> c.control().id().equals(id))
                .findFirst()
                .orElseThrow(() -> new AssertionError("no control " + id + " in " + report.controls()));
    }

    private static void assertFigures(
            ComplianceFigures f, int due, int onTime, int late, int missed, int waived, String compliance) {
        assertEquals(
                List.of(due, onTime, late, missed, waived),
                List.of(f.due(), f.onTime(), f.late(), f.missed(), f.waived()),
                f.scope());
        if (compliance == null) assertNull(f.compliance(), f.scope());
        else assertEquals(0, new BigDecimal(compliance).compareTo(f.compliance()), f.scope());
    }

    /** Computed here rather than by Rounds' own helper, so that the report is checked against the bytes. */
    private static String sha256(byte[] bytes) {
        try {
            return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
        } catch (NoSuchAlgorithmException e) {
            throw new AssertionError(e);
        }
    }

    /** The seqs of the audit entries about these subjects, read from the log, ascending. */
    private List<Long> seqsAbout(Set<String> subjects) throws Exception {
        List<Long> seqs = new ArrayList<>();
        try (Connection connection = dataSource.getConnection();
                PreparedStatement select = connection.prepareStatement(
                        "SELECT seq, subject FROM audit_log WHERE subject LIKE ? ORDER BY seq")) {
            select.setString(1, CHECKLIST + "/%");
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) if (subjects.contains(rows.getString(2))) seqs.add(rows.getLong(1));
            }
            select.setString(1, "waiver/%");
            try (ResultSet rows = select.executeQuery()) {
                while (rows.next()) if (subjects.contains(rows.getString(2))) seqs.add(rows.getLong(1));
            }
        }
        seqs.sort(null);
        return seqs;
    }
}
