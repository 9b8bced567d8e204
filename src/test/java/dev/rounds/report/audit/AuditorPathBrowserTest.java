package dev.rounds.report.audit;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rounds.Browser;
import dev.rounds.SharedChecklistsProfile;
import dev.rounds.TestAccounts;
import dev.rounds.audit.AuditEvent;
import dev.rounds.audit.AuditLog;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The auditor's path in a browser: log in, filter the audit log, open the verification, download a bundle. */
@QuarkusTest
@TestProfile(SharedChecklistsProfile.class)
class AuditorPathBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    AuditLog log;

    @BeforeAll
    static void checklists() {
        SharedChecklistsProfile.use(AuditPageTest.FILES);
    }

    @Test
    void anAuditorFiltersTheLogOpensTheVerificationAndDownloadsABundle() {
        String auditor = TestAccounts.ensure("browser-auditor", "auditor");
        String actor = "browser-" + UUID.randomUUID().toString().substring(0, 8);
        log.appendAll(List.of(
                new AuditEvent(actor, "waiver.requested", "waiver/31", Map.of("reason", "tape library replaced")),
                new AuditEvent(actor, "waiver.approved", "waiver/31", Map.of("note", "agreed")),
                new AuditEvent("someone-else", "change.requested", "change/8", Map.of())));

        try (Browser browser = Browser.open(base)) {
            browser.go("/login").logIn(auditor, TestAccounts.PASSWORD).go("/audit");
            WebElement actorField = browser.driver().findElement(By.name("actor"));
            actorField.sendKeys(actor);
            actorField.submit();
            new WebDriverWait(browser.driver(), Duration.ofSeconds(5))
                    .until(d -> d.getCurrentUrl().contains("actor=" + actor));
            List<WebElement> rows = browser.driver().findElements(By.cssSelector("table.audit tbody tr"));
            assertEquals(2, rows.size());
            assertTrue(
                    rows.get(0).getText().contains("waiver.approved"),
                    rows.get(0).getText());
            browser.screenshot("audit");

            browser.driver()
                    .findElement(By.linkText("Verify the chain and download a bundle"))
                    .click();
            assertEquals("/audit/verify", browser.pathAfterNavigation("/audit/verify"));
            String head = browser.driver()
                    .findElement(By.cssSelector("code.head-hash"))
                    .getText();
            assertTrue(head.matches("[0-9a-f]{64}"), head);
            browser.screenshot("audit-verify");

            WebElement form = browser.driver().findElement(By.cssSelector("form.bundle"));
            RequestSpecification session = RestAssured.given().redirects().follow(false);
            for (Cookie cookie : browser.driver().manage().getCookies()) {
                session = session.cookie(cookie.getName(), cookie.getValue());
            }
            byte[] zip = session.queryParam(
                            "from", form.findElement(By.name("from")).getAttribute("value"))
                    .queryParam("to", form.findElement(By.name("to")).getAttribute("value"))
                    .get(form.getAttribute("action"))
                    .then()
                    .statusCode(200)
                    .contentType("application/zip")
                    .extract()
                    .asByteArray();
            assertEquals("PK", new String(zip, 0, 2), "a zip");

            browser.go("/checklists");
            assertTrue(browser.driver()
                    .findElement(By.id("checklist-audit-page"))
                    .getText()
                    .contains("Review the overnight alerts"));
            browser.screenshot("checklists");
        }
    }
}
