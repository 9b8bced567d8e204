package dev.rounds.report.controls;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.rounds.Browser;
import dev.rounds.TestAccounts;
import dev.rounds.schedule.ScheduleService;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.restassured.RestAssured;
import io.restassured.specification.RequestSpecification;
import jakarta.inject.Inject;
import java.net.URL;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Cookie;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.Select;

/**
 * An auditor on the default pack, in a browser: from the nav to NIST's controls, from CP-9 to the activities that
 * implement it, and the OSCAL document the page links, fetched with the same session.
 */
@QuarkusTest
class ControlsBrowserTest {

    @TestHTTPResource("/")
    URL base;

    @Inject
    ScheduleService schedule;

    @Test
    void anAuditorFollowsAControlToItsEvidenceAndTakesTheOscalDocument() throws Exception {
        schedule.tick();
        String auditor = TestAccounts.ensure("controls-browser-auditor", "auditor");
        try (Browser browser = Browser.open(base, 1400, 1000)) {
            browser.go("/login").logIn(auditor, TestAccounts.PASSWORD).go("/");
            browser.driver().findElement(By.linkText("Controls")).click();
            assertEquals("/reports/controls", browser.pathAfterNavigation("/reports/controls"));
            assertEquals(
                    List.of("iso27001-2022", "nist-800-53r5", "soc2-2017"),
                    browser.driver().findElements(By.cssSelector("section.framework")).stream()
                            .map(s -> s.getAttribute("id").substring("framework-".length()))
                            .toList());

            new Select(browser.driver().findElement(By.name("framework"))).selectByValue("nist-800-53r5");
            browser.driver().findElement(By.cssSelector("form.period button")).click();
            browser.pathAfterNavigation("/reports/controls");
            assertTrue(browser.driver().getCurrentUrl().contains("framework=nist-800-53r5"));
            assertEquals(
                    1,
                    browser.driver()
                            .findElements(By.cssSelector("section.framework"))
                            .size());
            List<String> gaps = browser.driver().findElements(By.cssSelector("ul.gaps li strong")).stream()
                    .map(WebElement::getText)
                    .toList();
            assertTrue(gaps.contains("CP-1") && !gaps.contains("CP-9"), gaps.toString());
            assertEquals(0L, horizontalOverflow(browser), "the page fits a 1400 px window");
            browser.screenshot("controls-nist");

            browser.driver().findElement(By.linkText("CP-9")).click();
            WebElement cp9 = browser.driver().findElement(By.id("control-nist-800-53r5-CP-9"));
            List<String> activities = cp9.findElements(By.cssSelector("table.implementing a")).stream()
                    .map(WebElement::getText)
                    .toList();
            assertTrue(activities.contains("daily/backup-review"), activities.toString());
            cp9.findElement(By.linkText("daily/backup-review")).click();
            assertTrue(browser.driver().getCurrentUrl().endsWith("#activity-daily-backup-review"));
            assertTrue(browser.driver()
                    .findElement(By.id("activity-daily-backup-review"))
                    .getText()
                    .contains("Review the status and results of every backup"));

            String oscal =
                    browser.driver().findElement(By.cssSelector("a.oscal")).getAttribute("href");
            RequestSpecification session = RestAssured.given();
            for (Cookie cookie : browser.driver().manage().getCookies()) {
                session = session.cookie(cookie.getName(), cookie.getValue());
            }
            JsonNode document = new ObjectMapper()
                    .readTree(
                            session.get(oscal).then().statusCode(200).extract().asString());
            assertTrue(
                    document.at("/assessment-results/results/0/findings")
                            .findValuesAsText("target-id")
                            .contains("cp-9_smt"),
                    "the document has a finding for CP-9");
        }
    }

    private static long horizontalOverflow(Browser browser) {
        return ((Number) browser.driver()
                        .executeScript(
                                "return document.documentElement.scrollWidth - document.documentElement.clientWidth"))
                .longValue();
    }
}
