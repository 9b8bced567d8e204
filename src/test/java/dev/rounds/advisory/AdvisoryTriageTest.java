package dev.rounds.advisory;

import static dev.rounds.Logins.asAdmin;
import static dev.rounds.probe.Fixtures.spec;
import static dev.rounds.probe.Fixtures.target;
import static org.hamcrest.Matchers.containsString;
import static org.hamcrest.Matchers.equalTo;
import static org.hamcrest.Matchers.hasItem;
import static org.hamcrest.Matchers.not;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rounds.SharedChecklistsProfile;
import dev.rounds.checklist.Target;
import dev.rounds.probe.ProbeKey;
import dev.rounds.probe.ProbeResult;
import dev.rounds.probe.ProbeRunner;
import dev.rounds.probe.ProbeStatus;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.time.Duration;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/** Triage over REST and through the page's form, and the dashboard's count of new advisories. */
@QuarkusTest
@TestProfile(SharedChecklistsProfile.class)
class AdvisoryTriageTest {

    private static final Pattern TOKEN = Pattern.compile("name=\"csrf-token\" value=\"([^\"]+)\"");
    private static FeedServer server;

    @Inject
    ProbeRunner runner;

    @Inject
    EntityManager em;

    @BeforeAll
    static void start() {
        SharedChecklistsProfile.use(AdvisoryChecklists.FILES);
        server = new FeedServer();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    /** Stores one fresh advisory that names OpenSSL, through the feed probe, and returns its id. */
    private long freshAdvisory(String title) throws Exception {
        String guid = "triage-" + UUID.randomUUID();
        String url = server.serve(guid + ".xml", """
                <rss version="2.0"><channel><item><title>%s</title><guid>%s</guid>
                <link>https://advisories.example/%s</link></item></channel></rss>
                """.formatted(title, guid, guid));
        Target feeds = target("feeds", server.address());
        ProbeResult result = runner.run(
                        spec("feed", feeds, Map.of("url", url), Duration.ofSeconds(10)),
                        feeds,
                        new ProbeKey("daily", "security-news", 0, "feeds"))
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        assertEquals(ProbeStatus.UP, result.status(), result.message());
        assertEquals(1, result.values().get("new_matches"));
        return QuarkusTransaction.requiringNew()
                .call(() -> Advisory.<Advisory>find("key", guid).singleResult().id);
    }

    private Advisory stored(long id) {
        return QuarkusTransaction.requiringNew().call(() -> Advisory.<Advisory>findById(id));
    }

    private long triageAudits(String actor, String subject) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery(
                                        "select count(*) from audit_log where action = ?1 and actor = ?2 and subject = ?3")
                                .setParameter(1, AdvisoryService.TRIAGED)
                                .setParameter(2, actor)
                                .setParameter(3, subject)
                                .getSingleResult())
                        .longValue());
    }

    @Test
    void anOperatorTriagesOverTheApiAndTheDecisionIsAudited() throws Exception {
        long id = freshAdvisory("OpenSSL heap overflow in the TLS handshake");
        asAdmin()
                .get("/api/advisories?state=new")
                .then()
                .statusCode(200)
                .body("id", hasItem((int) id))
                .body("find { it.id == " + id + " }.matches[0].target", equalTo("web01"))
                .body("find { it.id == " + id + " }.matches[0].software", equalTo("OpenSSL"));

        asAdmin()
                .contentType("application/json")
                .body(Map.of("state", "applies", "note", "web01 runs 3.0.7"))
                .post("/api/advisories/{id}/triage", id)
                .then()
                .statusCode(200)
                .body("state", equalTo("applies"))
                .body("triagedBy", equalTo("admin"))
                .body("note", equalTo("web01 runs 3.0.7"));

        asAdmin().get("/api/advisories?state=new").then().statusCode(200).body("id", not(hasItem((int) id)));
        asAdmin().get("/api/advisories?state=applies").then().statusCode(200).body("id", hasItem((int) id));
        assertEquals(1, triageAudits("admin", stored(id).key));
    }

    @Test
    void anInvalidStateIsAClearBadRequestAndChangesNothing() throws Exception {
        long id = freshAdvisory("OpenSSL timing side channel");
        asAdmin()
                .contentType("application/json")
                .body(Map.of("state", "maybe"))
                .post("/api/advisories/{id}/triage", id)
                .then()
                .statusCode(400)
                .contentType("application/problem+json")
                .body("detail", equalTo("state must be one of applies, not_applicable, patched, got 'maybe'"));
        asAdmin()
                .get("/api/advisories?state=later")
                .then()
                .statusCode(400)
                .body("detail", containsString("state must be one of new, applies, not_applicable, patched"));
        assertEquals(TriageState.NEW, stored(id).state);
    }

    @Test
    void anUnknownAdvisoryIsNotFound() {
        asAdmin()
                .contentType("application/json")
                .body(Map.of("state", "patched"))
                .post("/api/advisories/{id}/triage", 987654321)
                .then()
                .statusCode(404)
                .body("detail", equalTo("there is no advisory 987654321"));
    }

    @Test
    void theFormTriagesWithItsCsrfTokenAndNotWithout() throws Exception {
        long id = freshAdvisory("OpenSSL certificate check bypass");
        Response page = asAdmin().get("/advisories?state=new");
        page.then()
                .statusCode(200)
                .body(containsString("OpenSSL certificate check bypass"))
                .body(containsString("web01: OpenSSL"));

        asAdmin()
                .contentType("application/x-www-form-urlencoded")
                .formParam("state", "not_applicable")
                .formParam("note", "forged")
                .post("/advisories/{id}/triage", id)
                .then()
                .statusCode(400);
        assertEquals(TriageState.NEW, stored(id).state);

        Matcher token = TOKEN.matcher(page.asString());
        assertTrue(token.find(), "the page carries a CSRF token");
        asAdmin()
                .cookie("csrf-token", page.getCookie("csrf-token"))
                .contentType("application/x-www-form-urlencoded")
                .formParam("csrf-token", token.group(1))
                .formParam("state", "not_applicable")
                .formParam("note", "we run LibreSSL there")
                .formParam("shown", "new")
                .redirects()
                .follow(false)
                .post("/advisories/{id}/triage", id)
                .then()
                .statusCode(303)
                .header("Location", containsString("/advisories?state=new"));

        Advisory triaged = stored(id);
        assertEquals(TriageState.NOT_APPLICABLE, triaged.state);
        assertEquals("admin", triaged.triagedBy);
        assertEquals("we run LibreSSL there", triaged.triageNote);
        asAdmin()
                .get("/advisories?state=not_applicable")
                .then()
                .statusCode(200)
                .body(containsString("we run LibreSSL there"));
    }

    @Test
    void theDashboardCountsNewAdvisoriesAndLinksToThem() throws Exception {
        freshAdvisory("OpenSSL denial of service");
        long waiting = QuarkusTransaction.requiringNew().call(() -> Advisory.countByState(TriageState.NEW));
        asAdmin()
                .get("/")
                .then()
                .statusCode(200)
                .body(containsString("for triage"))
                .body(containsString("<a href=\"/advisories?state=new\">" + waiting + " new advisor"));
    }
}
