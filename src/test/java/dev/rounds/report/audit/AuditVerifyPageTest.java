package dev.rounds.report.audit;

import static dev.rounds.TestAccounts.as;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertNotNull;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rounds.TestAccounts;
import dev.rounds.audit.AuditEvent;
import dev.rounds.audit.AuditLog;
import dev.rounds.audit.export.SigningKeys;
import dev.rounds.core.Sha256;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.QuarkusTestProfile;
import io.quarkus.test.junit.TestProfile;
import io.restassured.path.json.JsonPath;
import io.restassured.response.Response;
import jakarta.inject.Inject;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.sql.Connection;
import java.sql.SQLException;
import java.sql.Statement;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import javax.sql.DataSource;
import org.jsoup.Jsoup;
import org.jsoup.nodes.Document;
import org.jsoup.nodes.Element;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * The verification page, the bundle form and the signing key, on an application with a database of its own (the last
 * test breaks its chain) and a signing key.
 */
@QuarkusTest
@TestProfile(AuditVerifyPageTest.OwnChainAndKey.class)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class AuditVerifyPageTest {

    /** A database no other test application shares, and a signing key made for the run. */
    public static class OwnChainAndKey implements QuarkusTestProfile {
        @Override
        public Map<String, String> getConfigOverrides() {
            Map<String, String> config = new HashMap<>(SigningKeys.config());
            config.put("quarkus.datasource.jdbc.url", "jdbc:h2:mem:rounds-audit-verify-page;DB_CLOSE_DELAY=-1");
            // Nothing appends by itself meanwhile, so the page and the API see the same head.
            config.put("rounds.schedule.tick", "off");
            config.put("rounds.checklists.poll", "1h");
            config.put("rounds.backup.at-first-start", "false");
            return config;
        }
    }

    static final String AUDITOR = "verify-page-auditor";

    @Inject
    AuditLog log;

    @Inject
    DataSource dataSource;

    private static Document verifyPage() {
        TestAccounts.ensure(AUDITOR, "auditor");
        return Jsoup.parse(as(AUDITOR)
                .get("/audit/verify")
                .then()
                .statusCode(200)
                .extract()
                .asString());
    }

    private static JsonPath apiVerification() {
        TestAccounts.ensure(AUDITOR, "auditor");
        return as(AUDITOR)
                .get("/api/audit/verify")
                .then()
                .statusCode(200)
                .extract()
                .jsonPath();
    }

    private static String fact(Document page, String heading) {
        for (Element row : page.select("table.facts tr")) {
            if (row.child(0).text().equals(heading)) return row.child(1).text();
        }
        throw new AssertionError(
                "no fact " + heading + " in " + page.select("table.facts").outerHtml());
    }

    @Test
    @Order(1)
    void showsTheHeadAndCountsTheApiReports() {
        log.appendAll(List.of(
                new AuditEvent("someone", "test.verify", "a", Map.of("n", 1)),
                new AuditEvent("someone", "test.verify", "b", Map.of("n", 2))));
        // The application appends entries of its own meanwhile (result digests, logins): compare the page with an
        // API answer given while the head stood still, the same before and after the page was made.
        Document page;
        JsonPath api;
        int attempts = 0;
        do {
            JsonPath before = apiVerification();
            page = verifyPage();
            api = apiVerification();
            if (before.getLong("headSeq") == api.getLong("headSeq")) break;
        } while (++attempts < 5);

        assertTrue(page.select(".verdict").text().contains("intact"), page.html());
        assertEquals("#" + api.getLong("headSeq"), fact(page, "Head (last intact entry)"));
        assertTrue(fact(page, "Head hash").startsWith(api.getString("headHash")));
        assertEquals(String.valueOf(api.getLong("entriesChecked")), fact(page, "Entries checked"));
        assertEquals(String.valueOf(api.getLong("digestsChecked")), fact(page, "Result digests checked"));
        assertNotNull(page.selectFirst("p.muted time[datetime$=Z]"), "when it was checked");
    }

    @Test
    @Order(2)
    void theShownFingerprintIsTheSha256OfTheServedPublicKeyFile() {
        Document page = verifyPage();
        String pem = as(AUDITOR)
                .get("/api/audit/key")
                .then()
                .statusCode(200)
                .extract()
                .asString();

        assertEquals(Sha256.hex(pem), page.selectFirst("code.fingerprint").text());
        assertEquals(pem.strip(), page.selectFirst("pre.public-key").wholeText().strip());
        assertTrue(page.text().contains("sha256sum rounds-public.pem"));
    }

    @Test
    @Order(3)
    void theBundleFormDownloadsTheBundleTheApiExports() throws IOException {
        Element form = verifyPage().selectFirst("form.bundle");
        assertEquals("get", form.attr("method"));
        String from = form.selectFirst("input[name=from]").attr("value");
        String to = form.selectFirst("input[name=to]").attr("value");
        Response submitted =
                as(AUDITOR).queryParam("from", from).queryParam("to", to).get(form.attr("action"));
        Response api = as(AUDITOR).queryParam("from", from).queryParam("to", to).get("/api/audit/bundle");

        assertEquals(200, submitted.statusCode());
        assertEquals("application/zip", submitted.contentType());
        assertEquals(api.header("Content-Disposition"), submitted.header("Content-Disposition"));
        assertEquals(names(api.asByteArray()), names(submitted.asByteArray()));
        assertTrue(names(submitted.asByteArray()).contains("manifest.sig"), "signed with the shown key");
    }

    private static List<String> names(byte[] zip) throws IOException {
        List<String> names = new ArrayList<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip))) {
            for (ZipEntry entry = in.getNextEntry(); entry != null; entry = in.getNextEntry()) {
                names.add(entry.getName());
            }
        }
        return names;
    }

    @Test
    @Order(4)
    void aTamperedChainNamesItsFirstBrokenEntry() throws SQLException {
        List<Long> seqs = log.appendAll(List.of(
                new AuditEvent("someone", "test.tamper", "a", Map.of("n", 1)),
                new AuditEvent("someone", "test.tamper", "b", Map.of("n", 2)),
                new AuditEvent("someone", "test.tamper", "c", Map.of("n", 3))));
        long altered = seqs.get(1);
        try (Connection connection = dataSource.getConnection();
                Statement sql = connection.createStatement()) {
            sql.execute("DROP TRIGGER audit_log_append_only");
            sql.execute("UPDATE audit_log SET detail = '{\"n\":20}' WHERE seq = " + altered);
        }

        Document page = verifyPage();

        Element verdict = page.selectFirst(".verdict.broken");
        assertNotNull(verdict, page.html());
        assertTrue(verdict.text().contains("Entry #" + altered + " is the first broken entry"), verdict.text());
        assertTrue(verdict.text().contains("hash mismatch"), verdict.text());
        assertEquals("#" + (altered - 1), fact(page, "Head (last intact entry)"));
        assertEquals(
                "/audit?before=" + (altered + 1) + "#seq-" + altered,
                verdict.selectFirst("a").attr("href"));
        Document entry = Jsoup.parse(as(AUDITOR)
                .get("/audit?before=" + (altered + 1))
                .then()
                .statusCode(200)
                .extract()
                .asString());
        assertNotNull(entry.getElementById("seq-" + altered), "the link shows the broken entry first");
    }
}
