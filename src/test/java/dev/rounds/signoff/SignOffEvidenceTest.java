package dev.rounds.signoff;

import static dev.rounds.Logins.asAdmin;
import static io.restassured.RestAssured.given;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertArrayEquals;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rounds.AuditTrail;
import dev.rounds.SharedChecklistsProfile;
import dev.rounds.TestAccounts;
import dev.rounds.probe.ResultWriter;
import dev.rounds.schedule.Occurrence;
import dev.rounds.schedule.OccurrenceStatus;
import dev.rounds.schedule.ScheduleService;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Random;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Sign-offs with a link and an evidence file, over the API and the occurrence page; who may download the file. */
@QuarkusTest
@TestProfile(SharedChecklistsProfile.class)
class SignOffEvidenceTest {

    private static final String CHECKLIST = "people";
    private static final PeopleOccurrences PEOPLE = new PeopleOccurrences(CHECKLIST);
    private static final Pattern TOKEN = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");

    @BeforeAll
    static void checklists() {
        PeopleChecklists.use(CHECKLIST);
    }

    @Inject
    ScheduleService schedule;

    @Inject
    ResultWriter writer;

    @Inject
    EvidenceConfig config;

    private static byte[] randomBytes(int size) {
        byte[] bytes = new byte[size];
        new Random().nextBytes(bytes);
        return bytes;
    }

    private static String sha256(byte[] bytes) throws NoSuchAlgorithmException {
        return HexFormat.of().formatHex(MessageDigest.getInstance("SHA-256").digest(bytes));
    }

    /** Every file under the evidence folder, as relative paths. */
    private List<String> storedFiles() throws IOException {
        Path dir = Path.of(config.dir());
        if (!Files.exists(dir)) return List.of();
        try (Stream<Path> files = Files.walk(dir)) {
            return files.filter(Files::isRegularFile)
                    .map(f -> dir.relativize(f).toString())
                    .sorted()
                    .toList();
        }
    }

    private static long evidenceRows() {
        return QuarkusTransaction.requiringNew().call(() -> Evidence.count());
    }

    /** A request as the admin that carries the CSRF cookie and header, as every multipart post must. */
    private static RequestSpecification adminWithCsrf(long occurrenceId) {
        String cookie = asAdmin()
                .get("/api/occurrences/{id}", occurrenceId)
                .then()
                .statusCode(200)
                .extract()
                .cookie("csrf-token");
        assertNotNull(cookie, "a read hands out the CSRF cookie");
        return asAdmin().cookie("csrf-token", cookie).header("X-CSRF-TOKEN", cookie);
    }

    private static Response signOffWithFile(
            long occurrenceId, String note, String reference, String fileName, String mediaType, byte[] content) {
        RequestSpecification request =
                adminWithCsrf(occurrenceId).multiPart("note", note).multiPart("file", fileName, content, mediaType);
        if (reference != null) request = request.multiPart("reference", reference);
        return request.post("/api/occurrences/{id}/signoff", occurrenceId);
    }

    @Test
    void anUploadedFileIsStoredByItsSha256AndComesBackByteForByte() throws Exception {
        Occurrence o = PEOPLE.of(schedule, "roundtrip");
        byte[] content = randomBytes(3000);
        String sha256 = sha256(content);

        Response created = adminWithCsrf(o.id)
                .multiPart("note", "restore test passed, report attached")
                .multiPart("link", "https://tickets.example.com/browse/OPS-7")
                .multiPart("file", "../../etc/restore report.pdf", content, "application/pdf")
                .post("/api/occurrences/{id}/signoff", o.id);
        created.then()
                .statusCode(201)
                .body("evidence.sha256", org.hamcrest.Matchers.equalTo(sha256))
                .body("evidence.name", org.hamcrest.Matchers.equalTo("restore report.pdf"))
                .body("evidence.size", org.hamcrest.Matchers.equalTo(3000))
                .body("link", org.hamcrest.Matchers.equalTo("https://tickets.example.com/browse/OPS-7"));
        long signOffId = created.jsonPath().getLong("id");
        long evidenceId = created.jsonPath().getLong("evidence.id");

        Path stored = Path.of(config.dir(), sha256.substring(0, 2), sha256);
        assertArrayEquals(content, Files.readAllBytes(stored), "the file on disk is the upload, named by its hash");
        assertTrue(
                storedFiles().stream().allMatch(f -> f.matches("[0-9a-f]{2}/[0-9a-f]{64}")),
                "only content-addressed files, no temporary or client-named ones: " + storedFiles());

        Response download = asAdmin().get("/api/evidence/{id}", evidenceId);
        download.then()
                .statusCode(200)
                .contentType("application/pdf")
                .header("Content-Disposition", containsString("attachment; filename=\"restore report.pdf\""));
        assertEquals(sha256, sha256(download.asByteArray()));

        List<Map<String, Object>> entries = AuditTrail.entriesNaming("signoff_id", signOffId);
        assertEquals(1, entries.size(), entries::toString);
        assertEquals("admin", entries.get(0).get("actor"));
        assertEquals("signoff.recorded", entries.get(0).get("action"));
        @SuppressWarnings("unchecked")
        Map<String, Object> detail = (Map<String, Object>) entries.get(0).get("detail");
        assertEquals("https://tickets.example.com/browse/OPS-7", detail.get("link"));
        assertEquals(sha256, ((Map<?, ?>) detail.get("evidence")).get("sha256"));
        assertEquals(OccurrenceStatus.DONE, PEOPLE.latest("roundtrip").status);
    }

    @Test
    void anUploadOverTheLimitIsRefusedAndNothingIsStored() throws Exception {
        Occurrence o = PEOPLE.of(schedule, "oversize");
        List<String> filesBefore = storedFiles();
        long rowsBefore = evidenceRows();

        signOffWithFile(
                        o.id,
                        "too much",
                        null,
                        "dump.bin",
                        "application/octet-stream",
                        randomBytes(PeopleChecklists.MAX_BYTES + 1))
                .then()
                .statusCode(413)
                .contentType("application/problem+json")
                .body("title", org.hamcrest.Matchers.equalTo("evidence file too large"))
                .body(
                        "detail",
                        containsString("'dump.bin' has 4097 bytes; evidence files may have at most 4096 bytes"));

        assertEquals(filesBefore, storedFiles());
        assertEquals(rowsBefore, evidenceRows());
        assertNull(PEOPLE.latest("oversize").signedOffAt);
    }

    @Test
    void evidenceIsDownloadedByAuditorsAndManagersOnly() {
        Occurrence o = PEOPLE.of(schedule, "rights");
        long evidenceId = signOffWithFile(
                        o.id, "firewall rules reviewed", null, "rules.txt", "text/plain", randomBytes(100))
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("evidence.id");

        TestAccounts.as("evidence-viewer", "viewer")
                .get("/api/evidence/{id}", evidenceId)
                .then()
                .statusCode(403);
        TestAccounts.as("evidence-operator", "operator")
                .get("/api/evidence/{id}", evidenceId)
                .then()
                .statusCode(403);
        TestAccounts.as("evidence-auditor", "auditor")
                .get("/api/evidence/{id}", evidenceId)
                .then()
                .statusCode(200);
        TestAccounts.as("evidence-manager", "manager")
                .get("/api/evidence/{id}", evidenceId)
                .then()
                .statusCode(200);
        given().get("/api/evidence/{id}", evidenceId).then().statusCode(401);
        asAdmin().get("/api/evidence/{id}", 999_999_999L).then().statusCode(404);
    }

    @Test
    void aFileChangedOnDiskIsDetectedAndNotServed() throws Exception {
        Occurrence o = PEOPLE.of(schedule, "tamper");
        byte[] content = randomBytes(500);
        Response created = signOffWithFile(o.id, "patch list attached", null, "patches.csv", "text/csv", content);
        created.then().statusCode(201);
        String sha256 = sha256(content);
        Path stored = Path.of(config.dir(), sha256.substring(0, 2), sha256);
        byte[] forged = content.clone();
        forged[0] ^= 1;
        Files.write(stored, forged);

        Response refused =
                asAdmin().get("/api/evidence/{id}", created.jsonPath().getLong("evidence.id"));
        refused.then()
                .statusCode(500)
                .contentType("application/problem+json")
                .body("title", org.hamcrest.Matchers.equalTo("evidence file damaged"))
                .body("detail", containsString("was recorded at upload: the file was changed after upload"))
                .body("detail", containsString(sha256));
    }

    @Test
    void aLinkMustBeAnHttpOrHttpsUrl() {
        Occurrence o = PEOPLE.of(schedule, "link");
        for (String bad :
                List.of("ftp://files.example.com/report", "javascript:alert(1)", "tickets/OPS-7", "https:///no-host")) {
            asAdmin()
                    .contentType("application/json")
                    .body(Map.of("note", "checked", "link", bad))
                    .post("/api/occurrences/{id}/signoff", o.id)
                    .then()
                    .statusCode(422)
                    .body("detail", containsString("'link' must be an http or https URL"));
        }
        asAdmin()
                .contentType("application/json")
                .body(Map.of("note", "checked", "link", "https://example.com/" + "a".repeat(2000)))
                .post("/api/occurrences/{id}/signoff", o.id)
                .then()
                .statusCode(400);
        assertNull(PEOPLE.latest("link").signedOffAt);

        asAdmin()
                .contentType("application/json")
                .body(Map.of(
                        "note", "checked", "link", "http://wiki.example.com/runbooks/link check".replace(" ", "%20")))
                .post("/api/occurrences/{id}/signoff", o.id)
                .then()
                .statusCode(201)
                .body("link", org.hamcrest.Matchers.equalTo("http://wiki.example.com/runbooks/link%20check"));
    }

    @Test
    void aFailingOccurrenceNeedsAReferenceEvenWithEvidence() throws Exception {
        Occurrence o = PEOPLE.failing(schedule, writer, "web-up");
        List<String> filesBefore = storedFiles();
        byte[] content = randomBytes(200);

        signOffWithFile(o.id, "web restarted", null, "restart.log", "text/plain", content)
                .then()
                .statusCode(422)
                .body("detail", containsString("is failing: give the incident or change reference"));
        assertEquals(filesBefore, storedFiles(), "a refused sign-off stores no file");
        assertNull(PEOPLE.latest("web-up").signedOffAt);

        signOffWithFile(o.id, "web restarted", "INC-311", "restart.log", "text/plain", content)
                .then()
                .statusCode(201)
                .body("reference", org.hamcrest.Matchers.equalTo("INC-311"));
        assertEquals(OccurrenceStatus.DONE, PEOPLE.latest("web-up").status);
    }

    /** Opens the occurrence page and posts its multipart form with the page's CSRF token. */
    private static Response postPageForm(long occurrenceId, String note, String fileName, byte[] content) {
        Response page = asAdmin().get("/occurrences/{id}", occurrenceId);
        page.then().statusCode(200).body(containsString("enctype=\"multipart/form-data\""));
        Matcher token = TOKEN.matcher(page.asString());
        if (!token.find()) throw new AssertionError("the page carries no CSRF token");
        return asAdmin()
                .cookie("csrf-token", page.getCookie("csrf-token"))
                .multiPart("csrf-token", token.group(1))
                .multiPart("note", note)
                .multiPart("file", fileName, content, "text/plain")
                .redirects()
                .follow(false)
                .post("/occurrences/{id}", occurrenceId);
    }

    @Test
    void theOccurrencePageSignsOffWithAFileAndOffersItForDownload() throws Exception {
        Occurrence o = PEOPLE.of(schedule, "form");
        byte[] content = randomBytes(300);
        asAdmin()
                .multiPart("note", "forged")
                .multiPart("file", "x.txt", content, "text/plain")
                .post("/occurrences/{id}", o.id)
                .then()
                .statusCode(400);
        assertNull(PEOPLE.latest("form").signedOffAt, "no CSRF token, no sign-off");

        postPageForm(o.id, "disk usage checked by hand", "df.txt", content)
                .then()
                .statusCode(303);

        assertEquals("admin", PEOPLE.latest("form").signedOffBy);
        asAdmin()
                .get("/occurrences/{id}", o.id)
                .then()
                .statusCode(200)
                .body(containsString("df.txt"))
                .body(containsString(sha256(content)))
                .body(containsString("href=\"/api/evidence/"));
        TestAccounts.as("evidence-page-viewer", "viewer")
                .get("/occurrences/{id}", o.id)
                .then()
                .statusCode(200)
                .body(containsString("df.txt"))
                .body(not(containsString("href=\"/api/evidence/")));
    }

    @Test
    void anOversizeFileOnThePageIsAnErrorNextToTheForm() throws Exception {
        Occurrence o = PEOPLE.of(schedule, "form-big");
        List<String> filesBefore = storedFiles();
        postPageForm(o.id, "too big", "big.txt", randomBytes(PeopleChecklists.MAX_BYTES + 100))
                .then()
                .statusCode(413)
                .body(containsString("evidence files may have at most 4096 bytes"));
        assertEquals(filesBefore, storedFiles());
        assertNull(PEOPLE.latest("form-big").signedOffAt);
    }
}
