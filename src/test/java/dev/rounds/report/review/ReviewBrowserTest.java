package dev.rounds.report.review;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rounds.Browser;
import dev.rounds.SharedChecklistsProfile;
import dev.rounds.TestAccounts;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import io.restassured.http.ContentType;
import java.net.URL;
import java.util.Base64;
import java.util.List;
import java.util.Map;
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
import org.openqa.selenium.print.PrintOptions;

/** The review pages in headless Chromium: their charts are laid out and drawn, and the pages print to PDF. */
@QuarkusTest
@TestProfile(SharedChecklistsProfile.class)
class ReviewBrowserTest extends ReviewFixture {

    @TestHTTPResource("/")
    URL base;

    private Browser browser;

    @BeforeEach
    void startBrowserAndLogIn() {
        browser = Browser.open(base).go("login").logIn(OPERATOR, TestAccounts.PASSWORD);
    }

    @AfterEach
    void stopBrowser() {
        browser.close();
    }

    @Test
    void theWeeklyReviewDrawsItsChartsAndPrintsToPdf() throws Exception {
        ChromeDriver page = browser.go("reports/weekly?week=2026-W13").driver();
        assertEquals("Rounds — weekly review 2026-W13", page.getTitle());
        browser.screenshot("weekly-review");
        List<WebElement> charts = page.findElements(By.cssSelector("svg.chart"));
        assertEquals(2, charts.size(), "the performance and backlog trends");
        for (WebElement chart : charts) {
            assertTrue(chart.isDisplayed());
            assertTrue(
                    chart.getRect().getWidth() > 300 && chart.getRect().getHeight() > 100,
                    chart.getRect().toString());
        }
        WebElement line = page.findElement(By.cssSelector("#performance svg.chart polyline"));
        assertTrue(line.getRect().getWidth() > 100, "the p95 line spans the week: " + line.getRect());

        String text = pdfText(page);
        assertTrue(text.contains("Weekly review 2026-W13"), text);
        assertTrue(text.contains("98.77%"), text);
        assertTrue(text.contains("signed off by " + OPERATOR), text);
    }

    @Test
    void aChartOfOneDayShowsItsPointInsideWithDistinctLabels() {
        // 23 March alone: one daily availability and one p95
        ChromeDriver page = browser.go("reports/sla/" + ReviewChecklists.TARGET + "?from=2026-03-23&to=2026-03-23")
                .driver();
        browser.screenshot("sla-one-day");
        for (WebElement chart : page.findElements(By.cssSelector("svg.chart"))) {
            WebElement point = chart.findElement(By.cssSelector("circle"));
            var box = chart.getRect();
            var dot = point.getRect();
            double centre = dot.getX() + dot.getWidth() / 2.0 - box.getX();
            assertTrue(
                    centre > box.getWidth() * 0.3 && centre < box.getWidth() * 0.9,
                    "the single point sits inside the chart, not on its edge: " + centre + " of " + box.getWidth());
            List<String> dates = chart.findElements(By.cssSelector("text.x-tick")).stream()
                    .map(WebElement::getText)
                    .toList();
            assertEquals(List.of("03-23"), dates);
            List<String> values = chart.findElements(By.cssSelector("text.y-tick")).stream()
                    .map(WebElement::getText)
                    .toList();
            assertEquals(values.size(), new java.util.HashSet<>(values).size(), "no value tick twice: " + values);
        }
    }

    @Test
    void aManagerApprovesAnOperatorsWaiverAndSeesTheLastDayItCovers() {
        int id = TestAccounts.as(OPERATOR)
                .contentType(ContentType.JSON)
                .body(Map.of(
                        "checklist",
                        ReviewChecklists.WEEKLY,
                        "activity",
                        "backup-check",
                        "reason",
                        "backup server replaced this week",
                        // the end of 5 April in UTC, the weekly checklist's zone
                        "expires",
                        "2026-04-06T00:00:00Z"))
                .post("/api/waivers")
                .then()
                .statusCode(201)
                .extract()
                .path("id");
        try (Browser manager = Browser.open(base).go("login").logIn(MANAGER, TestAccounts.PASSWORD)) {
            ChromeDriver page = manager.go("waivers").driver();
            WebElement row = page.findElement(By.id("waiver-" + id));
            assertTrue(row.getText().contains("until 2026-04-05 (last day covered)"), row.getText());
            row.findElement(By.cssSelector("form[action$='/approve'] button")).click();
            assertEquals("/waivers", manager.pathAfterNavigation("/waivers"));
            String approved = page.findElement(By.id("waiver-" + id)).getText();
            assertTrue(approved.contains("approved by " + MANAGER), approved);
            manager.screenshot("waiver-approved");
        }
    }

    @Test
    void theMonthlyCalendarAndTheSlaPageDrawInTheBrowser() throws Exception {
        ChromeDriver page = browser.go("reports/monthly?month=2026-03").driver();
        browser.screenshot("monthly-review");
        List<WebElement> days = page.findElements(By.cssSelector("svg.heatmap g.day rect"));
        assertEquals(31, days.size());
        assertTrue(
                days.get(0).getRect().getWidth() > 20,
                "each day is a visible square: " + days.get(0).getRect());
        assertTrue(pdfText(page).contains("2026-05-12"), "the capacity projection prints");
        assertTrue(
                page.findElement(By.cssSelector("#availability")).getText().contains("not enough data"),
                "March is known for 22% of its hours");

        browser.go("reports/sla/" + ReviewChecklists.TARGET + "?from=2026-03-23&to=2026-03-29");
        browser.screenshot("sla");
        WebElement availability = page.findElements(By.cssSelector("svg.chart")).get(0);
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
