package dev.rounds.advisory;

import static dev.rounds.Logins.asAdmin;
import static dev.rounds.probe.Fixtures.spec;
import static dev.rounds.probe.Fixtures.target;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rounds.SharedChecklistsProfile;
import dev.rounds.checklist.ChecklistRegistry;
import dev.rounds.checklist.Target;
import dev.rounds.probe.ProbeKey;
import dev.rounds.probe.ProbeResult;
import dev.rounds.probe.ProbeRunner;
import dev.rounds.probe.ProbeStatus;
import dev.rounds.probe.SilentServer;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import jakarta.persistence.EntityManager;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The feed probe against a real HTTP server on loopback, storing into the real database. */
@QuarkusTest
@TestProfile(SharedChecklistsProfile.class)
class FeedProbeTest {

    private static final ProbeKey KEY = new ProbeKey("daily", "security-news", 0, "feeds");
    private static FeedServer server;

    @Inject
    ProbeRunner runner;

    @Inject
    EntityManager em;

    @Inject
    ChecklistRegistry registry;

    @BeforeAll
    static void start() {
        SharedChecklistsProfile.use(AdvisoryChecklists.FILES);
        server = new FeedServer();
    }

    @AfterAll
    static void stop() {
        server.stop();
    }

    private ProbeResult fetch(String url, String format) throws Exception {
        Target feeds = target("feeds", server.address());
        Map<String, Object> settings = new HashMap<>(Map.of("url", url));
        if (format != null) settings.put("format", format);
        return runner.run(spec("feed", feeds, settings, Duration.ofSeconds(20)), feeds, KEY)
                .toCompletableFuture()
                .get(60, TimeUnit.SECONDS);
    }

    private List<String> storedMatches(String key) {
        return QuarkusTransaction.requiringNew()
                .call(() -> Advisory.<Advisory>find("key", key).list().stream()
                        .flatMap(a -> a.matches.stream())
                        .map(m -> m.targetId + ": " + m.software)
                        .toList());
    }

    private long storedAudits(String subject) {
        return QuarkusTransaction.requiringNew()
                .call(() -> ((Number) em.createNativeQuery(
                                        "select count(*) from audit_log where action = ?1 and subject = ?2")
                                .setParameter(1, AdvisoryStore.STORED)
                                .setParameter(2, subject)
                                .getSingleResult())
                        .longValue());
    }

    /** Fetches a fixture twice: the first fetch stores its matches, the second (no validators) finds none new. */
    private ProbeResult storedOnce(String fixture, String format, int items) throws Exception {
        String url = server.url("/plain/" + fixture);
        ProbeResult first = fetch(url, format);
        assertEquals(ProbeStatus.UP, first.status(), first.message());
        assertEquals(true, first.values().get("fetched"));
        assertEquals(items, first.values().get("items"));
        assertTrue((Integer) first.values().get("new_matches") > 0, first.message());
        ProbeResult second = fetch(url, format);
        assertEquals(ProbeStatus.UP, second.status(), second.message());
        assertEquals(0, second.values().get("new_matches"), "stored once: " + second.message());
        assertEquals(items, second.values().get("items"));
        return first;
    }

    @Test
    void aKevCatalogIsStoredOnceWithTheTargetsAndSoftwareItNames() throws Exception {
        ProbeResult first = storedOnce("kev.json", "kev", 60);
        assertEquals(List.of("sql01: SQL Server 2008"), storedMatches("CVE-2020-0618"));
        assertEquals(List.of("sql01: Hyper-V"), storedMatches("CVE-2025-21333"));
        assertEquals(List.of("web01: OpenSSL"), storedMatches("CVE-2014-0160"));
        assertEquals(List.of(), storedMatches("CVE-2025-48384"), "Git names nothing of the inventory");
        assertTrue(
                (Long) first.values().get("matches") >= (Integer) first.values().get("new_matches"));
        assertEquals(1, storedAudits(server.url("/plain/kev.json")), "one audit entry for the fetch that stored");
    }

    @Test
    void anNvdResponseIsStoredOnce() throws Exception {
        storedOnce("nvd-cves.json", null, 5);
        assertEquals(List.of("web01: Bitbucket"), storedMatches("CVE-2022-43781"));
    }

    @Test
    void anRssFeedIsStoredOnce() throws Exception {
        storedOnce("advisories-rss.xml", "rss", 10);
        assertEquals(
                List.of("web01: Docker Engine"), storedMatches("https://github.com/advisories/GHSA-4vq8-7jfc-9cvp"));
    }

    @Test
    void anAtomFeedIsStoredOnce() throws Exception {
        storedOnce("advisories-atom.xml", "auto", 10);
        assertEquals(List.of("web01: SiYuan"), storedMatches("https://github.com/advisories/GHSA-4j3x-hhg2-fm2x"));
    }

    @Test
    void anUnchangedFeedIsAskedForConditionallyAndCountsAsFetched() throws Exception {
        String url = server.url("/etag/quiet.xml");
        ProbeResult first = fetch(url, null);
        assertEquals(ProbeStatus.UP, first.status(), first.message());
        ProbeResult second = fetch(url, null);
        assertEquals(ProbeStatus.UP, second.status(), second.message());
        assertEquals(List.of("-", FeedServer.ETAG), server.conditionalRequests("/etag/quiet.xml"));
        assertTrue(second.message().contains("not modified since the last fetch"), second.message());
        assertEquals(true, second.values().get("fetched"));
        assertEquals(0, second.values().get("new_matches"));
        assertEquals(2, second.values().get("items"), "the item count of the last document fetched");
    }

    @Test
    void aFeedIsFetchedInFullAgainOnceTheInventorysSoftwareChanged() throws Exception {
        String url = server.url("/etag/inventory.xml");
        fetch(url, null);
        fetch(url, null);
        Path inventory = registry.folder().resolve("inventory.yaml");
        Files.writeString(inventory, Files.readString(inventory) + """
                  - id: mail01
                    address: mail01.example.internal
                    software: [Exchange Server]
                """);
        asAdmin()
                .contentType("application/json")
                .post("/api/checklists/reload")
                .then()
                .statusCode(200);
        ProbeResult third = fetch(url, null);
        assertEquals(ProbeStatus.UP, third.status(), third.message());
        assertEquals(
                List.of("-", FeedServer.ETAG, "-"),
                server.conditionalRequests("/etag/inventory.xml"),
                "new software means the feed's advisories must be matched again");
    }

    @Test
    void aHundredMegabyteFeedIsCutAtTheCap() throws Exception {
        ProbeResult result = fetch(server.url("/huge"), "rss");
        assertEquals(ProbeStatus.DOWN, result.status());
        assertTrue(
                result.message().contains("is larger than 16MiB (rounds.advisory.max-bytes): cut at 16777216 bytes"),
                result.message());
        long sent = server.hugeSent.get(30, TimeUnit.SECONDS);
        assertTrue(sent < FeedServer.HUGE, "the server stopped sending after " + sent + " bytes");
    }

    @Test
    void anXxeFeedIsRefusedWithoutReadingTheFile(@TempDir Path dir) throws Exception {
        Path secret = dir.resolve("secret.txt");
        Files.writeString(secret, "TOP-SECRET-CONTENT");
        String url = server.serve("xxe.xml", """
                <?xml version="1.0"?>
                <!DOCTYPE rss [ <!ENTITY xxe SYSTEM "%s"> ]>
                <rss version="2.0"><channel><item><title>OpenSSL &xxe;</title><guid>xxe-1</guid></item></channel></rss>
                """.formatted(secret.toUri()));
        ProbeResult result = fetch(url, null);
        assertEquals(ProbeStatus.DOWN, result.status());
        assertTrue(result.message().contains("declares a DTD"), result.message());
        assertFalse(result.message().contains("TOP-SECRET"), result.message());
        assertEquals(List.of(), storedMatches("xxe-1"));
    }

    @Test
    void aBillionLaughsFeedIsRefused() throws Exception {
        StringBuilder dtd = new StringBuilder("<!ENTITY lol0 \"OpenSSL\">");
        for (int i = 1; i <= 9; i++) {
            dtd.append("<!ENTITY lol")
                    .append(i)
                    .append(" \"")
                    .append(("&lol" + (i - 1) + ";").repeat(10))
                    .append("\">");
        }
        String url = server.serve(
                "laughs.xml",
                "<?xml version=\"1.0\"?><!DOCTYPE rss [" + dtd + "]>"
                        + "<rss version=\"2.0\"><channel><item><title>&lol9;</title><guid>lol-1</guid></item></channel></rss>");
        ProbeResult result = fetch(url, null);
        assertEquals(ProbeStatus.DOWN, result.status());
        assertTrue(result.message().contains("declares a DTD"), result.message());
        assertEquals(List.of(), storedMatches("lol-1"));
    }

    @Test
    void anUnreachableFeedSaysItCouldNotBeFetched() throws Exception {
        Target closed = target("feeds", "127.0.0.1:1");
        ProbeResult result = runner.run(
                        spec("feed", closed, Map.of("url", "http://127.0.0.1:1/kev.json"), Duration.ofSeconds(5)),
                        closed,
                        KEY)
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        assertEquals(ProbeStatus.DOWN, result.status());
        assertTrue(result.message().startsWith("could not fetch http://127.0.0.1:1/kev.json: "), result.message());
    }

    @Test
    void aSilentFeedIsDownWhenTheTimeoutPasses() throws Exception {
        try (SilentServer silent = new SilentServer()) {
            Target target = target("feeds", "127.0.0.1:" + silent.port());
            String url = "http://127.0.0.1:" + silent.port() + "/kev.json";
            ProbeResult result = runner.run(
                            spec("feed", target, Map.of("url", url), Duration.ofSeconds(1)), target, KEY)
                    .toCompletableFuture()
                    .get(30, TimeUnit.SECONDS);
            assertEquals(ProbeStatus.DOWN, result.status());
            assertEquals("could not fetch " + url + ": no response within 1s", result.message());
        }
    }

    @Test
    void aUrlOnAnotherHostThanTheTargetIsAConfigurationError() throws Exception {
        Target feeds = target("feeds", server.address());
        ProbeResult result = runner.run(
                        spec("feed", feeds, Map.of("url", "https://www.cisa.gov/kev.json"), Duration.ofSeconds(5)),
                        feeds,
                        KEY)
                .toCompletableFuture()
                .get(30, TimeUnit.SECONDS);
        assertEquals(ProbeStatus.ERROR, result.status());
        assertTrue(
                result.message().startsWith("url host 'www.cisa.gov' is not the address of target 'feeds'"),
                result.message());
    }
}
