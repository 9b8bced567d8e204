package dev.rounds;

import static dev.rounds.Logins.asAdmin;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rounds.schedule.Occurrence;
import dev.rounds.schedule.ScheduleService;
import dev.rounds.signoff.PeopleChecklists;
import dev.rounds.signoff.PeopleOccurrences;
import dev.rounds.signoff.SignOff;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.builder.MultiPartSpecBuilder;
import io.restassured.response.Response;
import io.restassured.specification.MultiPartSpecification;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.OutputStream;
import java.net.Socket;
import java.nio.charset.StandardCharsets;
import java.util.Arrays;
import java.util.Base64;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every refusal of the API is an {@code application/problem+json} body whose detail names what to change, and
 * pages show the same words in a page of the application; a sign-off note of 4000 characters of any script
 * passes the multipart form.
 */
@QuarkusTest
@TestProfile(SharedChecklistsProfile.class)
class ProblemBodiesTest {

    private static final String CHECKLIST = "people-notes";
    private static final PeopleOccurrences PEOPLE = new PeopleOccurrences(CHECKLIST);
    private static final Pattern TOKEN = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");
    private static final long NO_OCCURRENCE = 999_999;
    private static final String FAR_FUTURE = "+999999999-01-01";
    private static final String FAR_PAST = "-999999999-01-01";

    @BeforeAll
    static void checklists() {
        PeopleChecklists.use(CHECKLIST);
    }

    @Inject
    ScheduleService schedule;

    /** One bad request: what is sent, and what the answer must say. */
    record Bad(
            String name,
            String method,
            String path,
            Map<String, String> query,
            String contentType,
            byte[] body,
            int status,
            String detail) {

        @Override
        public String toString() {
            return name;
        }
    }

    private static Bad get(String name, String path, Map<String, String> query, int status, String detail) {
        return new Bad(name, "GET", path, query, null, null, status, detail);
    }

    private static Bad post(String name, String path, String contentType, byte[] body, int status, String detail) {
        return new Bad(name, "POST", path, Map.of(), contentType, body, status, detail);
    }

    private static Bad postJson(String name, String path, String json, int status, String detail) {
        return post(name, path, "application/json", json.getBytes(StandardCharsets.UTF_8), status, detail);
    }

    private static byte[] concat(String before, byte[] middle, String after) {
        byte[] head = before.getBytes(StandardCharsets.UTF_8);
        byte[] tail = after.getBytes(StandardCharsets.UTF_8);
        byte[] all = Arrays.copyOf(head, head.length + middle.length + tail.length);
        System.arraycopy(middle, 0, all, head.length, middle.length);
        System.arraycopy(tail, 0, all, head.length + middle.length, tail.length);
        return all;
    }

    static Stream<Bad> badRequests() {
        String signoff = "/api/occurrences/" + NO_OCCURRENCE + "/signoff";
        return Stream.of(
                postJson("malformed JSON", signoff, "{\"note\": ", 400, "not valid JSON"),
                post(
                        "invalid UTF-8",
                        signoff,
                        "application/json",
                        concat("{\"note\": \"", new byte[] {(byte) 0xff, (byte) 0xfe}, "\"}"),
                        400,
                        "UTF-8"),
                postJson(
                        "deep nesting",
                        signoff,
                        "{\"note\": \"x\", \"extra\": " + "[".repeat(3000) + "]".repeat(3000) + "}",
                        400,
                        "nesting depth"),
                postJson("trailing garbage", signoff, "{\"note\":\"x\"} xx", 400, "one JSON value"),
                post(
                        "wrong content type",
                        signoff,
                        "text/plain",
                        "note".getBytes(StandardCharsets.UTF_8),
                        415,
                        "does not take a body of type 'text/plain"),
                post(
                        "form field over the form limit",
                        signoff,
                        "multipart/form-data; boundary=XyZ",
                        ("--XyZ\r\nContent-Disposition: form-data; name=\"note\"\r\n\r\n" + "a".repeat(40_000)
                                        + "\r\n--XyZ--\r\n")
                                .getBytes(StandardCharsets.UTF_8),
                        413,
                        "a form field has more than 32768 bytes"),
                get("non-numeric limit", "/api/audit", Map.of("limit", "ten"), 400, "'limit' must be a whole number"),
                get("non-numeric after", "/api/audit", Map.of("after", "x1"), 400, "'after' must be a whole number"),
                get(
                        "sign-offs of no occurrence",
                        "/api/occurrences/" + NO_OCCURRENCE + "/signoffs",
                        Map.of(),
                        404,
                        "there is no occurrence " + NO_OCCURRENCE),
                get(
                        "compliance from far future",
                        "/api/reports/compliance",
                        Map.of("from", FAR_FUTURE, "to", "+999999999-01-02"),
                        400,
                        "'from' must be a day with a year"),
                get(
                        "compliance csv to far past",
                        "/api/reports/compliance.csv",
                        Map.of("from", FAR_PAST, "to", "2026-01-01"),
                        400,
                        "'from' must be a day with a year"),
                get(
                        "sla export far future",
                        "/api/reports/sla",
                        Map.of("from", "2026-01-01", "to", FAR_FUTURE),
                        400,
                        "'to' must be a day with a year"),
                get(
                        "sla csv far future",
                        "/api/reports/sla.csv",
                        Map.of("from", FAR_FUTURE, "to", FAR_FUTURE),
                        400,
                        "'from' must be a day with a year"),
                get(
                        "bundle dates far future",
                        "/api/audit/bundle",
                        Map.of("from", FAR_FUTURE, "to", FAR_FUTURE),
                        400,
                        "'from' must be a day with a year"),
                get(
                        "bundle instants far future",
                        "/api/audit/bundle",
                        Map.of("from", FAR_FUTURE + "T00:00:00Z", "to", "+999999999-01-02T00:00:00Z"),
                        400,
                        "'from' must be an instant with a year"),
                get(
                        "changes far future",
                        "/api/changes",
                        Map.of("from", FAR_FUTURE, "to", FAR_FUTURE),
                        400,
                        "'from' must be a date like 2026-11-23 with a year from 1970 to 9999"),
                get(
                        "occurrences far past",
                        "/api/occurrences",
                        Map.of("date", FAR_PAST),
                        400,
                        "'date' must be a day like 2026-11-26 with a year from 1970 to 9999"),
                postJson(
                        "change plannedStart far future",
                        "/api/changes",
                        """
                        {"title": "t", "description": "d", "plannedStart": "+999999999-01-01T00:00:00Z",
                         "plannedEnd": "+999999999-01-02T00:00:00Z"}""",
                        400,
                        "'plannedStart' must be an instant like 2026-12-05T20:00:00Z with a year from 1970 to 9999"),
                postJson("waiver expires far future", "/api/waivers", """
                        {"checklist": "people", "activity": "link", "reason": "r",
                         "expires": "+999999999-12-31T00:00:00Z"}""", 400, "'expires' must be an instant like"),
                postJson(
                        "acknowledgement until far past",
                        "/api/acknowledgements",
                        """
                        {"probe": "people/web-up#0@web", "reason": "r", "until": "-999999999-01-01T00:00:00Z"}""",
                        400,
                        "'until' must be an instant like"));
    }

    @ParameterizedTest(name = "{0}")
    @MethodSource("badRequests")
    void eachBadRequestIsAProblemNamingWhatToChange(Bad bad) {
        RequestSpecification request = asAdmin().queryParams(bad.query());
        if (bad.contentType() != null)
            request = request.contentType(bad.contentType()).body(bad.body());
        Response answer = request.request(bad.method(), bad.path());
        answer.then()
                .statusCode(bad.status())
                .contentType("application/problem+json")
                .body("type", equalTo("about:blank"))
                .body("title", not(equalTo("")))
                .body("status", equalTo(bad.status()))
                .body("detail", containsString(bad.detail()))
                .body(not(containsString("Exception")))
                .body(not(containsString("\tat ")));
    }

    /**
     * Over a raw socket: the server answers before the body is all sent and closes the connection, which an HTTP
     * client still writing the body reports as a broken pipe instead of the answer.
     */
    @Test
    void aBodyOverTheLimitIsRefusedWithAProblemNamingTheLimit() throws Exception {
        long length = 33L * 1024 * 1024;
        try (Socket socket = new Socket("127.0.0.1", RestAssured.port)) {
            socket.setSoTimeout(60_000);
            OutputStream out = socket.getOutputStream();
            String credentials = Base64.getEncoder()
                    .encodeToString((Logins.ADMIN + ":" + Logins.ADMIN_PASSWORD).getBytes(StandardCharsets.UTF_8));
            out.write(("POST /api/occurrences/" + NO_OCCURRENCE + "/signoff HTTP/1.1\r\nHost: 127.0.0.1\r\n"
                            + "Authorization: Basic " + credentials + "\r\nContent-Type: application/json\r\n"
                            + "Content-Length: " + length + "\r\n\r\n")
                    .getBytes(StandardCharsets.US_ASCII));
            Thread writer = new Thread(() -> {
                byte[] chunk = new byte[64 * 1024];
                Arrays.fill(chunk, (byte) 'a');
                try {
                    for (long sent = 0; sent < length; sent += chunk.length) out.write(chunk);
                } catch (IOException refused) {
                    // the server stopped reading once it had answered
                }
            });
            writer.start();
            String answer = readAnswer(socket.getInputStream());
            writer.join(60_000);
            assertTrue(answer.startsWith("HTTP/1.1 413"), answer);
            assertTrue(answer.toLowerCase().contains("content-type: application/problem+json"), answer);
            assertTrue(answer.contains("\"status\":413"), answer);
            assertTrue(answer.contains("quarkus.http.limits.max-body-size"), answer);
        }
    }

    /** The status line, headers and a body of the Content-Length they give. */
    private static String readAnswer(InputStream in) throws IOException {
        ByteArrayOutputStream head = new ByteArrayOutputStream();
        while (!head.toString(StandardCharsets.ISO_8859_1).endsWith("\r\n\r\n")) {
            int b = in.read();
            if (b < 0) break;
            head.write(b);
        }
        String headers = head.toString(StandardCharsets.ISO_8859_1);
        Matcher length = Pattern.compile("(?i)content-length: *(\\d+)").matcher(headers);
        byte[] body = length.find() ? in.readNBytes(Integer.parseInt(length.group(1))) : new byte[0];
        return headers + new String(body, StandardCharsets.UTF_8);
    }

    @Test
    void aMissingPageIsAPageOfTheApplicationForABrowser() {
        asAdmin()
                .accept("text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8")
                .get("/occurrences/{id}", NO_OCCURRENCE)
                .then()
                .statusCode(404)
                .contentType(containsString("text/html"))
                .body(containsString("there is no occurrence " + NO_OCCURRENCE))
                .body(containsString("<a href=\"/reports/weekly\">Weekly review</a>"));
    }

    /** Refused before the CSRF filter runs, so without the token the layout's logout form needs: still a page. */
    @Test
    void aRefusedRoleIsAPageForABrowser() {
        TestAccounts.as("problem-viewer", "viewer")
                .accept("text/html")
                .redirects()
                .follow(false)
                .get("/admin/users")
                .then()
                .statusCode(403)
                .contentType(containsString("text/html"))
                .body(containsString("roles do not allow GET"))
                .body(containsString("href=\"/rounds.css\""));
    }

    @Test
    void aFormWithoutItsCsrfTokenIsAPageForABrowserAndAProblemForAClient() {
        Occurrence o = PEOPLE.of(schedule, "note-page");
        asAdmin()
                .accept("text/html")
                .multiPart(text("note", "no token"))
                .post("/occurrences/{id}", o.id)
                .then()
                .statusCode(400)
                .contentType(containsString("text/html"))
                .body(containsString("CSRF token is missing"))
                .body(containsString("href=\"/rounds.css\""));
        asAdmin()
                .multiPart(text("note", "no token"))
                .post("/occurrences/{id}", o.id)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", containsString("the form's CSRF token is missing"));
    }

    /** A page of the application: the layout's nav, what happened, and where to go next. */
    private static void isAProblemPage(Response answer, int status, String says, String whereNext) {
        answer.then()
                .statusCode(status)
                .contentType(containsString("text/html"))
                .body(containsString("<nav aria-label=\"Pages\">"))
                .body(containsString("<a href=\"/reports/weekly\">Weekly review</a>"))
                .body(containsString(says))
                .body(containsString("<p class=\"where-next\">" + whereNext))
                .body(containsString("<a href=\"/\">Back to today's rounds</a>"));
    }

    private static final String BROWSER = "text/html,application/xhtml+xml,application/xml;q=0.9,*/*;q=0.8";

    @Test
    void aBrowserGetsEachRefusalAsAPageOfTheLayoutSayingWhereToGo() {
        Occurrence o = PEOPLE.of(schedule, "note-page");
        String referer = RestAssured.baseURI + ":" + RestAssured.port + "/occurrences/" + o.id;

        isAProblemPage(
                asAdmin().accept(BROWSER).queryParam("month", "+999999999-12").get("/reports/monthly"),
                400,
                "a month is written like 2026-11",
                "Go back and correct");
        Response forbidden = TestAccounts.as("problem-viewer", "viewer")
                .accept(BROWSER)
                .header("Referer", referer)
                .redirects()
                .follow(false)
                .get("/admin/users");
        isAProblemPage(forbidden, 403, "roles do not allow GET", "Your account&#39;s roles do not open this door");
        forbidden.then().body(containsString("<a href=\"/occurrences/" + o.id + "\" rel=\"prev\">Back to the page"));
        forbidden.then().body(not(containsString("href=\"/admin/users\">")));
        isAProblemPage(
                asAdmin().accept(BROWSER).get("/nothing/here"),
                404,
                "there is no /nothing/here",
                "The address may be old");
        isAProblemPage(
                asAdmin().accept(BROWSER).get("/occurrences/{id}", NO_OCCURRENCE),
                404,
                "there is no occurrence " + NO_OCCURRENCE,
                "The address may be old");
        isAProblemPage(
                adminWithCsrf(o.id)
                        .accept(BROWSER)
                        .multiPart(text("note", "a".repeat(40_000)))
                        .post("/occurrences/{id}", o.id),
                413,
                "a form field has more than 32768 bytes",
                "Go back and send less");
        isAProblemPage(
                asAdmin()
                        .accept(BROWSER)
                        .cookie("csrf-token", "a-token-of-another-session")
                        .multiPart(text("csrf-token", "a-stale-token"))
                        .multiPart(text("note", "typed before the session ended"))
                        .post("/occurrences/{id}", o.id),
                400,
                "CSRF token is missing or does not match",
                "The form was older than your login");
    }

    /** 409s of pages come back as the page itself, its form and the refusal, not as a page of their own. */
    @Test
    void aConflictOnAPageFormIsThatPageWithTheRefusal() {
        Response users = asAdmin().accept(BROWSER).get("/admin/users");
        Matcher token = TOKEN.matcher(users.asString());
        if (!token.find()) throw new AssertionError("the page carries no CSRF token");
        asAdmin()
                .accept(BROWSER)
                .redirects()
                .follow(false)
                .cookie("csrf-token", users.getCookie("csrf-token"))
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", token.group(1))
                .post("/admin/users/{name}/disable", Logins.ADMIN)
                .then()
                .statusCode(409)
                .contentType(containsString("text/html"))
                .body(containsString("<nav aria-label=\"Pages\">"))
                .body(containsString("You cannot disable your own account"))
                .body(containsString("action=\"/admin/users\""));
    }

    @Test
    void anApiClientGetsTheSameRefusalsAsProblemBodies() {
        TestAccounts.as("problem-viewer", "viewer")
                .get("/admin/users")
                .then()
                .statusCode(403)
                .contentType("application/problem+json")
                .body("detail", containsString("roles do not allow GET"));
        asAdmin()
                .get("/nothing/here")
                .then()
                .statusCode(404)
                .contentType("application/problem+json")
                .body("status", equalTo(404));
        asAdmin()
                .queryParam("month", "+999999999-12")
                .get("/reports/monthly")
                .then()
                .statusCode(400)
                .contentType("application/problem+json");
    }

    @Test
    void aBadPeriodOnAReportPageIsAPageOfTheApplication() {
        asAdmin()
                .accept("text/html")
                .queryParam("month", "+999999999-12")
                .get("/reports/monthly")
                .then()
                .statusCode(400)
                .contentType(containsString("text/html"))
                .body(containsString("a month is written like 2026-11, with a year from 1970 to 9999"))
                .body(containsString("<a href=\"/reports/weekly\">Weekly review</a>"));
        asAdmin()
                .accept("text/html")
                .queryParams("from", FAR_FUTURE, "to", FAR_FUTURE)
                .get("/reports/sla")
                .then()
                .statusCode(400)
                .contentType(containsString("text/html"))
                .body(containsString("&#39;from&#39; must be a day with a year from 1970 to 9999"));
    }

    private static MultiPartSpecification text(String name, String value) {
        return new MultiPartSpecBuilder(value)
                .controlName(name)
                .mimeType("text/plain")
                .charset(StandardCharsets.UTF_8)
                .build();
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

    @Test
    void aNoteOfFourThousandCharactersOfAnyScriptPassesTheMultipartApi() {
        Occurrence cyrillic = PEOPLE.of(schedule, "note-cyrillic");
        String note = "ж".repeat(4000);
        adminWithCsrf(cyrillic.id)
                .multiPart(text("note", note))
                .post("/api/occurrences/{id}/signoff", cyrillic.id)
                .then()
                .statusCode(201)
                .body("note", equalTo(note));

        Occurrence astral = PEOPLE.of(schedule, "note-astral");
        String astralNote = "𝔸".repeat(4000);
        assertEquals(16000, astralNote.getBytes(StandardCharsets.UTF_8).length);
        adminWithCsrf(astral.id)
                .multiPart(text("note", astralNote))
                .post("/api/occurrences/{id}/signoff", astral.id)
                .then()
                .statusCode(201)
                .body("note", equalTo(astralNote));
    }

    @Test
    void aNoteOfFourThousandAndOneCharactersIsRefusedWithAProblem() {
        Occurrence o = PEOPLE.of(schedule, "note-long");
        for (String note : new String[] {"ж".repeat(4001), "𝔸".repeat(4001), "a".repeat(4001)}) {
            adminWithCsrf(o.id)
                    .multiPart(text("note", note))
                    .post("/api/occurrences/{id}/signoff", o.id)
                    .then()
                    .statusCode(400)
                    .contentType("application/problem+json")
                    .body("detail", containsString("'note' has 4001 characters; a note may have at most 4000"));
        }
        assertNull(PEOPLE.latest("note-long").signedOffAt);
    }

    @Test
    void theOccurrencePageTakesANoteOfFourThousandFourByteCharacters() {
        Occurrence o = PEOPLE.of(schedule, "note-page");
        Response page = asAdmin().get("/occurrences/{id}", o.id);
        Matcher token = TOKEN.matcher(page.asString());
        if (!token.find()) throw new AssertionError("the page carries no CSRF token");

        asAdmin()
                .cookie("csrf-token", page.getCookie("csrf-token"))
                .multiPart(text("csrf-token", token.group(1)))
                .multiPart(text("note", "𝔸".repeat(4001)))
                .redirects()
                .follow(false)
                .post("/occurrences/{id}", o.id)
                .then()
                .statusCode(400)
                .body(containsString("a note may have at most 4000"));

        asAdmin()
                .cookie("csrf-token", page.getCookie("csrf-token"))
                .multiPart(text("csrf-token", token.group(1)))
                .multiPart(text("note", "𝔸".repeat(4000)))
                .redirects()
                .follow(false)
                .post("/occurrences/{id}", o.id)
                .then()
                .statusCode(303);
        assertEquals(
                "𝔸".repeat(4000),
                QuarkusTransaction.requiringNew()
                        .call(() -> SignOff.findByOccurrence(o.id).get(0).note));
    }
}
