package dev.rounds.report.audit;

import static dev.rounds.TestAccounts.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rounds.Logins;
import dev.rounds.SharedChecklistsProfile;
import dev.rounds.TestAccounts;
import dev.rounds.TestClock;
import dev.rounds.audit.AuditEvent;
import dev.rounds.audit.AuditLog;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import jakarta.inject.Inject;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.regex.Pattern;
import java.util.stream.IntStream;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The auditor's audit log page, on entries appended through the application's own log: newest first, each filter
 * narrowing, keyset pages that neither repeat nor skip, hostile text shown as text, subjects linked to their pages, and
 * times as {@code <time>} in the reader's zone, never the stored microsecond ISO text.
 */
@QuarkusTest
@TestProfile(SharedChecklistsProfile.class)
class AuditPageTest {

    static final String AUDITOR = "audit-page-auditor";

    /** A stored instant with a fraction, as the log and the entities hold them. */
    static final Pattern FRACTIONAL_ISO = Pattern.compile("\\d{4}-\\d{2}-\\d{2}T\\d{2}:\\d{2}:\\d{2}\\.\\d+Z");

    static final Map<String, String> FILES = Map.of("inventory.yaml", """
            targets:
              - id: audit-page-db
                address: 127.0.0.1:1
            """, "audit-page.yaml", """
            id: audit-page
            title: Audit page daily
            cadence: daily
            due: 10h
            activities:
              - id: review
                title: Review the overnight alerts
                signoff: always
              - id: db-up
                title: Database answers
                probes:
                  - type: http
                    target: audit-page-db
                    expect:
                      - status == 200
            """);

    @Inject
    AuditLog log;

    @Inject
    TestClock clock;

    @BeforeAll
    static void checklists() {
        SharedChecklistsProfile.use(FILES);
    }

    private static Document page(String path) {
        TestAccounts.ensure(AUDITOR, "auditor");
        String html = as(AUDITOR).get(path).then().statusCode(200).extract().asString();
        return Jsoup.parse(html);
    }

    /** Where a link of a page leads: its href is encoded already, so REST Assured must not encode it again. */
    private static String redirectOf(String href) {
        return as(AUDITOR)
                .urlEncodingEnabled(false)
                .redirects()
                .follow(false)
                .get(href)
                .then()
                .statusCode(303)
                .extract()
                .header("Location");
    }

    private static List<Long> seqsOn(Document page) {
        return page.select("table.audit tbody tr").stream()
                .map(row -> Long.parseLong(row.child(0).text()))
                .toList();
    }

    private static String unique(String prefix) {
        return prefix + "-" + UUID.randomUUID().toString().substring(0, 8);
    }

    @Test
    void listsEntriesNewestFirstWithDetailAndWholeHash() {
        String actor = unique("lister");
        List<Long> seqs = log.appendAll(List.of(
                new AuditEvent(actor, "test.first", "x", Map.of("n", 1)),
                new AuditEvent(actor, "test.second", "y", Map.of("n", 2, "tags", List.of("a", "b")))));

        Document page = page("/audit?actor=" + actor);

        assertEquals(List.of(seqs.get(1), seqs.get(0)), seqsOn(page));
        Element newest = page.getElementById("seq-" + seqs.get(1));
        assertNotNull(newest);
        assertTrue(newest.select("pre.detail").text().contains("\"tags\" : [ \"a\", \"b\" ]"), newest.html());
        String hash = as(AUDITOR)
                .queryParam("after", seqs.get(1) - 1)
                .queryParam("limit", 1)
                .get("/api/audit")
                .then()
                .extract()
                .path("[0].hash");
        assertEquals(
                hash.substring(0, 12) + "…",
                newest.select("details.hash summary code").text());
        assertEquals(hash, newest.select("details.hash summary code").attr("title"));
        assertTrue(newest.select("details.hash > code").eachText().contains(hash));
    }

    @Test
    void eachFilterNarrowsToTheEntriesItNames() {
        String alice = unique("alice");
        String bob = unique("bob");
        clock.set(Instant.parse("2026-05-01T10:00:00Z"));
        long early = log.append(alice, "waiver.requested", "waiver/90001", Map.of());
        clock.set(Instant.parse("2026-05-02T10:00:00Z"));
        long middle = log.append(alice, "waiver.approved", "waiver/90001", Map.of());
        long other = log.append(bob, "change.requested", "change/90002", Map.of());
        clock.set(Instant.parse("2026-05-03T10:00:00Z"));
        long late = log.append(alice, "change.approved", "change/90002", Map.of());

        assertEquals(List.of(late, middle, early), seqsOn(page("/audit?actor=" + alice)));
        assertEquals(List.of(other), seqsOn(page("/audit?actor=" + bob)));
        assertEquals(List.of(middle, early), seqsOn(page("/audit?action=waiver&actor=" + alice)));
        assertEquals(List.of(middle), seqsOn(page("/audit?action=waiver.approved&actor=" + alice)));
        assertEquals(List.of(late, other), seqsOn(page("/audit?subject=change/90002")));
        assertEquals(List.of(middle), seqsOn(page("/audit?from=2026-05-02&to=2026-05-02&actor=" + alice)));
        assertEquals(List.of(late, middle), seqsOn(page("/audit?from=2026-05-02&actor=" + alice)));
        assertEquals(List.of(early), seqsOn(page("/audit?to=2026-05-01T23:00&actor=" + alice)));
        assertEquals(List.of(), seqsOn(page("/audit?action=waiver.req&actor=" + alice)), "a whole action part only");
    }

    @Test
    void pagesNeitherRepeatNorSkipEntriesAcrossTheirBoundaries() {
        String action = unique("paging.test");
        List<AuditEvent> events = IntStream.range(0, 2 * AuditQuery.DEFAULT_SIZE + 17)
                .mapToObj(i -> new AuditEvent("pager", action, "page/" + i, Map.of("i", i)))
                .toList();
        List<Long> appended = new ArrayList<>(log.appendAll(events));
        Collections.reverse(appended);

        List<Long> seen = new ArrayList<>();
        List<List<Long>> pages = new ArrayList<>();
        String path = "/audit?action=" + action;
        while (path != null) {
            Document page = page(path);
            List<Long> seqs = seqsOn(page);
            pages.add(seqs);
            seen.addAll(seqs);
            Element older = page.selectFirst("nav.pager a[rel=next]");
            path = older == null ? null : older.attr("href");
        }
        assertEquals(appended, seen);
        assertEquals(
                List.of(AuditQuery.DEFAULT_SIZE, AuditQuery.DEFAULT_SIZE, 17),
                pages.stream().map(List::size).toList());

        // And back: "newer" from the last page shows the middle page again, then the first.
        long oldestOfMiddle = pages.get(1).get(pages.get(1).size() - 1);
        Document middle = page(page("/audit?action=" + action + "&before=" + oldestOfMiddle)
                .selectFirst("nav.pager a[rel=prev]")
                .attr("href"));
        assertEquals(pages.get(1), seqsOn(middle));
        Element newest =
                page(middle.selectFirst("nav.pager a[rel=prev]").attr("href")).selectFirst("nav.pager a[rel=prev]");
        assertEquals(null, newest, "the first page offers no newer page");
    }

    @Test
    void hostileTextIsShownAsTextNeverAsMarkup() {
        String actor = unique("mallory<b>");
        String note = "<script>alert('x')</script> \u202Eevil\u202C ☃ \uD83D\uDE00 & \"quoted\"";
        long seq = log.append(actor, "test.hostile", "<img src=x onerror=alert(1)>", Map.of("note", note));

        String html = as(AUDITOR)
                .get("/audit?actor=" + actor)
                .then()
                .statusCode(200)
                .extract()
                .asString();

        assertFalse(html.contains("<script>alert"), "the detail's script is escaped");
        assertFalse(html.contains("<img src=x"), "the subject's markup is escaped");
        assertFalse(html.contains("mallory<b>"), "the actor's markup is escaped");
        Element row = Jsoup.parse(html).getElementById("seq-" + seq);
        assertNotNull(row);
        assertTrue(row.select("pre.detail").text().contains("<script>alert('x')</script>"), row.html());
        assertTrue(row.select("pre.detail bdi").text().contains("\u202Eevil"), "isolated from the text around it");
        assertTrue(row.select("pre.detail").text().contains("☃ \uD83D\uDE00"), row.html());
        assertEquals(actor, row.child(2).text());
    }

    @Test
    void anEntryLinksToThePageOfItsSubject() {
        Document opened = page("/audit?action=occurrence.opened&subject=audit-page/review@");
        Element link = opened.selectFirst("table.audit tbody tr td a[href^=/audit/occurrence]");
        assertNotNull(link, opened.html());
        String location = redirectOf(link.attr("href"));
        assertTrue(location.matches(".*/occurrences/[0-9]+"), location);
        String occurrence =
                as(AUDITOR).get(location).then().statusCode(200).extract().asString();
        assertTrue(occurrence.contains("Review the overnight alerts"));

        String actor = unique("linker");
        log.append(actor, "change.requested", "change/42", Map.of());
        log.append(actor, "waiver.requested", "waiver/7", Map.of());
        log.append(actor, "account.created", "account/bob", Map.of());
        Document links = page("/audit?actor=" + actor);
        assertEquals(
                List.of("/waivers#waiver-7", "/changes/42"),
                links.select("table.audit tbody a").eachAttr("href"));
    }

    @Test
    void timesAreInTheReadersZoneWithTheUtcInstantOnHoverAndNoStoredIsoText() {
        String actor = unique("timer");
        clock.set(Instant.parse("2026-06-04T07:19:25.644839Z"));
        log.append(actor, "test.time", "", Map.of());

        String html = as(AUDITOR).get("/audit?actor=" + actor).then().extract().asString();

        assertFalse(FRACTIONAL_ISO.matcher(html).find(), "no stored ISO instant in the page");
        Element time = Jsoup.parse(html).selectFirst("table.audit time");
        assertNotNull(time);
        assertEquals("2026-06-04T07:19:25Z", time.attr("datetime"));
        assertEquals("2026-06-04 07:19:25 UTC", time.attr("title"));
        assertEquals("Thu 4 Jun 2026 07:19:25 UTC", time.text(), "this application's zone is UTC");

        String href = page("/audit?action=occurrence.opened&subject=audit-page/")
                .selectFirst("td a[href^=/audit/occurrence]")
                .attr("href");
        String occurrence = as(AUDITOR)
                .get(redirectOf(href))
                .then()
                .statusCode(200)
                .extract()
                .asString();
        assertFalse(FRACTIONAL_ISO.matcher(occurrence).find(), "no stored ISO instant on the occurrence page");
        assertTrue(
                Jsoup.parse(occurrence).select("time[datetime$=Z][title$=UTC]").size() > 0, occurrence);
    }

    @Test
    void accountPagesShowTheirTimesAsTimesNotAsStoredInstants() {
        String holder = TestAccounts.ensure("audit-page-token-holder", "viewer");
        long id = as(holder)
                .contentType("application/json")
                .body(Map.of("name", "ci"))
                .post("/api/account/tokens")
                .then()
                .statusCode(201)
                .extract()
                .jsonPath()
                .getLong("id");
        as(holder).delete("/api/account/tokens/" + id).then().statusCode(204);

        String tokens = as(holder)
                .get("/account/tokens")
                .then()
                .statusCode(200)
                .extract()
                .asString();
        String users = Logins.asAdmin()
                .get("/admin/users")
                .then()
                .statusCode(200)
                .extract()
                .asString();

        for (String html : List.of(tokens, users)) {
            assertFalse(FRACTIONAL_ISO.matcher(html).find(), html);
        }
        assertEquals(
                2,
                Jsoup.parse(tokens).select("#token-" + id + " time[datetime]").size());
        assertNotNull(Jsoup.parse(users).selectFirst("#user-" + holder + " time[datetime]"));
    }

    @Test
    void aWrongTimeIsSaidNextToTheFilterWithWhatWasTyped() {
        Document page = page("/audit?from=yesterday&actor=someone");
        assertTrue(page.select("p.error").text().contains("'from' must be a day like 2026-12-03"), page.html());
        assertEquals("someone", page.selectFirst("input[name=actor]").attr("value"));
    }

    @Test
    void onlyAuditorsAndAdminsOpenTheAuditPages() {
        as("audit-page-viewer", "viewer").get("/audit").then().statusCode(403);
        as("audit-page-viewer", "viewer").get("/audit/verify").then().statusCode(403);
        as("audit-page-operator", "operator").get("/audit").then().statusCode(403);
        RestAssured.given().redirects().follow(false).get("/audit").then().statusCode(302);
    }

    @Test
    void checklistsPageShowsCadenceActivitiesProbesSignOffAndWhereEachIsWritten() {
        Document page = Jsoup.parse(as("audit-page-viewer", "viewer")
                .get("/checklists")
                .then()
                .statusCode(200)
                .contentType("text/html")
                .extract()
                .asString());
        Element checklist = page.getElementById("checklist-audit-page");
        assertNotNull(checklist, page.html());
        assertTrue(checklist.text().contains("Audit page daily"));
        assertTrue(checklist.text().contains("daily, due 10h"), checklist.text());
        Element review = page.getElementById("activity-audit-page-review");
        assertTrue(review.text().contains("always"), review.text());
        assertTrue(review.text().contains("audit-page.yaml:6"), review.text());
        Element probe = page.getElementById("activity-audit-page-db-up");
        assertTrue(probe.text().contains("http → audit-page-db"), probe.text());
        assertTrue(probe.text().contains("status == 200"), probe.text());
        assertTrue(probe.text().contains("audit-page.yaml:9"), probe.text());
        assertNotNull(page.selectFirst("a[href=/api/checklists]"));
    }
}
