package dev.rounds.report.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rounds.SharedChecklistsProfile;
import dev.rounds.TestAccounts;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.File;
import java.net.URL;
import java.time.Duration;
import java.util.Base64;
import java.util.List;
import org.apache.pdfbox.Loader;
import org.apache.pdfbox.pdmodel.PDDocument;
import org.apache.pdfbox.text.PDFTextStripper;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.print.PrintOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/** The review pages in headless Chromium: their charts are laid out and drawn, and the pages print to PDF. */
@QuarkusTest
@TestProfile(SharedChecklistsProfile.class)
class ReviewBrowserTest extends ReviewFixture {

    @TestHTTPResource("/")
    URL base;

    private ChromeDriver browser;

    @BeforeEach
    void startBrowserAndLogIn() {
        browser = new ChromeDriver(
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                        .usingAnyFreePort()
                        .build(),
                new ChromeOptions()
                        .setBinary("/usr/bin/chromium")
                        .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"));
        browser.get(base + "login");
        browser.findElement(By.name("j_username")).sendKeys(OPERATOR);
        browser.findElement(By.name("j_password")).sendKeys(TestAccounts.PASSWORD);
        browser.findElement(By.cssSelector("form button[type=submit], form input[type=submit]"))
                .click();
        new WebDriverWait(browser, Duration.ofSeconds(5))
                .until(d -> !d.getCurrentUrl().contains("/login"));
    }

    @AfterEach
    void stopBrowser() {
        browser.quit();
    }

    @Test
    void theWeeklyReviewDrawsItsChartsAndPrintsToPdf() throws Exception {
        browser.get(base + "reports/weekly?week=2026-W13");
        assertEquals("Rounds — weekly review 2026-W13", browser.getTitle());
        List<WebElement> charts = browser.findElements(By.cssSelector("svg.chart"));
        assertEquals(2, charts.size(), "the performance and backlog trends");
        for (WebElement chart : charts) {
            assertTrue(chart.isDisplayed());
            assertTrue(
                    chart.getRect().getWidth() > 300 && chart.getRect().getHeight() > 100,
                    chart.getRect().toString());
        }
        WebElement line = browser.findElement(By.cssSelector("#performance svg.chart polyline"));
        assertTrue(line.getRect().getWidth() > 100, "the p95 line spans the week: " + line.getRect());

        String text = pdfText(browser);
        assertTrue(text.contains("Weekly review 2026-W13"), text);
        assertTrue(text.contains("98.77%"), text);
        assertTrue(text.contains("signed off by " + OPERATOR), text);
    }

    @Test
    void theMonthlyCalendarAndTheSlaPageDrawInTheBrowser() throws Exception {
        browser.get(base + "reports/monthly?month=2026-03");
        List<WebElement> days = browser.findElements(By.cssSelector("svg.heatmap g.day rect"));
        assertEquals(31, days.size());
        assertTrue(
                days.get(0).getRect().getWidth() > 20,
                "each day is a visible square: " + days.get(0).getRect());
        assertTrue(pdfText(browser).contains("2026-05-12"), "the capacity projection prints");

        browser.get(base + "reports/sla/" + ReviewChecklists.TARGET + "?from=2026-03-23&to=2026-03-29");
        WebElement availability =
                browser.findElements(By.cssSelector("svg.chart")).get(0);
        assertEquals(7, availability.findElements(By.cssSelector("circle")).size());
        // A horizontal line has no height, which WebDriver calls "not displayed": its laid-out width says it is drawn.
        assertTrue(
                availability.findElement(By.cssSelector("line.limit")).getRect().getWidth() > 300,
                "the objective is drawn across the chart");
    }

    private static String pdfText(WebDriver browser) throws Exception {
        String base64 = ((ChromeDriver) browser).print(new PrintOptions()).getContent();
        try (PDDocument document = Loader.loadPDF(Base64.getDecoder().decode(base64))) {
            return new PDFTextStripper().getText(document);
        }
    }
}
