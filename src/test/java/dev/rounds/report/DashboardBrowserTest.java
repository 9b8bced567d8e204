package dev.rounds.report;

import static dev.rounds.Logins.asAdmin;
import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rounds.Browser;
import dev.rounds.Logins;
import dev.rounds.probe.ResultWriter;
import dev.rounds.schedule.ScheduleService;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import jakarta.inject.Inject;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.WebElement;

/**
 * The dashboard of the application as shipped (the default pack, as {@link DefaultPackTest} runs it) in headless
 * Chromium: compact enough to take in at a glance, readable on a phone, its states told apart without colour and
 * legible, and its list current without a reload that would lose what the person typed.
 */
@QuarkusTest
class DashboardBrowserTest {

    /** About one and a half screens of a 1400×1000 window. */
    private static final int MAX_HEIGHT = 1500;

    private static final int MAX_HTML_BYTES = 60 * 1024;

    @TestHTTPResource("/")
    URL base;

    @Inject
    ScheduleService schedule;

    @Inject
    ResultWriter writer;

    @BeforeEach
    void occurrencesOpenWithTheirFirstResults() {
        schedule.tick();
        writer.flush();
        schedule.tick();
    }

    @Test
    void theDefaultPackFitsOneAndAHalfScreensIn60KilobytesOfHtml() {
        byte[] html = asAdmin().get("/").then().statusCode(200).extract().asByteArray();
        int lines = count(new String(html, StandardCharsets.UTF_8), "<tr id=\"o");
        assertTrue(lines >= 25, "the default pack's occurrences are on the page: " + lines);
        assertTrue(html.length < MAX_HTML_BYTES, "the HTML of / is " + html.length + " bytes for " + lines + " lines");

        try (Browser browser = Browser.open(base, 1400, 1000).go("login").logIn(Logins.ADMIN, Logins.ADMIN_PASSWORD)) {
            browser.go("/");
            long height = browser.pageHeight();
            browser.screenshot("dashboard-1400");
            System.out.printf(
                    "dashboard-1400: %d px tall, / is %d bytes of HTML for %d lines%n", height, html.length, lines);
            assertTrue(height <= MAX_HEIGHT, "the dashboard is " + height + " px tall at 1400×1000");
            assertEquals(0, horizontalOverflow(browser));
            for (WebElement due : browser.driver().findElements(By.cssSelector("td.due time"))) {
                long boxes = ((Number) script(browser, "return arguments[0].getClientRects().length", due)).longValue();
                assertEquals(1, boxes, "a due time on one line: " + due.getText());
            }
        }
    }

    @Test
    void onAPhoneAndOnALaptopNothingScrollsSideways() {
        try (Browser browser = Browser.open(base, 375, 800).go("login").logIn(Logins.ADMIN, Logins.ADMIN_PASSWORD)) {
            browser.go("/");
            browser.screenshot("dashboard-375");
            assertEquals(0, horizontalOverflow(browser), "no sideways scroll at 375 px");
            WebElement first = browser.driver().findElement(By.cssSelector("table.lines tbody tr"));
            assertTrue(first.getSize().getWidth() <= 375, "a line fits the phone: " + first.getSize());
        }
        try (Browser browser = Browser.open(base, 1280, 900).go("login").logIn(Logins.ADMIN, Logins.ADMIN_PASSWORD)) {
            browser.go("/");
            browser.screenshot("dashboard-1280");
            assertEquals(0, horizontalOverflow(browser), "no sideways scroll at 1280 px");
        }
    }

    @Test
    void everyStateSaysItselfInWordsAndSignWithAContrastOfAtLeast4Point5() {
        try (Browser browser = Browser.open(base).go("login").logIn(Logins.ADMIN, Logins.ADMIN_PASSWORD)) {
            browser.go("/");
            for (Dashboard.State state : Dashboard.State.values()) {
                String badge = (String) script(
                        browser,
                        "var s = document.createElement('span'); s.className = 'status ' + arguments[0];"
                                + "s.textContent = arguments[1]; document.querySelector('main').append(s);"
                                + "var c = getComputedStyle(s); var found = c.color + '|' + c.backgroundColor;"
                                + "s.remove(); return found;",
                        state.key(),
                        state.label());
                String[] colours = badge.split("\\|");
                double ratio = contrast(rgb(colours[0]), rgb(colours[1]));
                assertTrue(ratio >= 4.5, state + ": " + badge + " has a contrast of " + ratio);
            }
            for (WebElement counter : browser.driver().findElements(By.cssSelector("ul.counters li"))) {
                Dashboard.State state = Dashboard.State.valueOf(
                        counter.getAttribute("data-state").toUpperCase());
                assertTrue(
                        counter.getText().startsWith(state.icon())
                                && counter.getText().endsWith(state.label()),
                        "sign and words: " + counter.getText());
            }
            List<WebElement> badges = browser.driver().findElements(By.cssSelector("table.lines td.state .status"));
            assertTrue(!badges.isEmpty());
            for (WebElement badge : badges) {
                String state = badge.findElement(By.xpath("ancestor::tr")).getAttribute("data-state");
                assertTrue(
                        badge.getText()
                                .endsWith(Dashboard.State.valueOf(state.toUpperCase())
                                        .label()),
                        badge.getText());
            }
        }
    }

    @Test
    void theListRefreshesItselfWithoutLosingWhatWasTypedOrTheScroll() {
        try (Browser browser = Browser.open(base, 1400, 600).go("login").logIn(Logins.ADMIN, Logins.ADMIN_PASSWORD)) {
            browser.go("/");
            assertEquals("30", browser.driver().findElement(By.id("live")).getAttribute("data-refresh"));
            WebElement waiting = browser.driver().findElement(By.cssSelector("table.lines tr[data-state=signoff]"));
            String line = waiting.getAttribute("id");
            String title = waiting.findElement(By.cssSelector("td.activity a")).getText();
            WebElement filter = browser.driver().findElement(By.id("filter"));
            String typed = title.substring(0, 12);
            filter.sendKeys(typed);
            script(browser, "window.scrollTo(0, 120)");
            long scrolled = ((Number) script(browser, "return window.scrollY")).longValue();

            asAdmin()
                    .contentType("application/json")
                    .body(Map.of("note", "checked while the dashboard was open"))
                    .post("/api/occurrences/{id}/signoff", Long.parseLong(line.substring(1)))
                    .then()
                    .statusCode(201);
            assertEquals(Boolean.TRUE, refresh(browser), "the live part was swapped in");

            assertEquals("done", browser.driver().findElement(By.id(line)).getAttribute("data-state"));
            assertEquals(typed, browser.driver().findElement(By.id("filter")).getAttribute("value"));
            assertEquals(scrolled, ((Number) script(browser, "return window.scrollY")).longValue());
            for (WebElement row : browser.driver().findElements(By.cssSelector("table.lines tbody tr"))) {
                boolean matches = row.getAttribute("textContent").toLowerCase().contains(typed.toLowerCase());
                assertEquals(matches, row.isDisplayed(), "the filter still applies: " + row.getText());
            }

            script(browser, "document.querySelector('#" + line + " td.activity a').focus()");
            assertEquals(Boolean.FALSE, refresh(browser), "not while the person is inside the list");
        }
    }

    private static Object refresh(Browser browser) {
        return ((JavascriptExecutor) browser.driver())
                .executeAsyncScript("var done = arguments[arguments.length - 1]; window.roundsRefresh().then(done);");
    }

    private static Object script(Browser browser, String script, Object... arguments) {
        return ((JavascriptExecutor) browser.driver()).executeScript(script, arguments);
    }

    private static long horizontalOverflow(Browser browser) {
        return ((Number) script(
                        browser,
                        "return Math.max(0, document.documentElement.scrollWidth"
                                + " - document.documentElement.clientWidth)"))
                .longValue();
    }

    private static int count(String text, String part) {
        int n = 0;
        for (int at = text.indexOf(part); at >= 0; at = text.indexOf(part, at + 1)) n++;
        return n;
    }

    /** {@code rgb(1, 2, 3)} or {@code rgba(1, 2, 3, 1)} as three channels. */
    private static int[] rgb(String css) {
        String[] parts = css.replaceAll("[^0-9,.]", "").split(",");
        return new int[] {Integer.parseInt(parts[0]), Integer.parseInt(parts[1]), Integer.parseInt(parts[2])};
    }

    /** The WCAG 2 contrast ratio of two sRGB colours. */
    private static double contrast(int[] a, int[] b) {
        double la = luminance(a);
        double lb = luminance(b);
        return (Math.max(la, lb) + 0.05) / (Math.min(la, lb) + 0.05);
    }

    private static double luminance(int[] rgb) {
        double[] c = new double[3];
        for (int i = 0; i < 3; i++) {
            double v = rgb[i] / 255.0;
            c[i] = v <= 0.03928 ? v / 12.92 : Math.pow((v + 0.055) / 1.055, 2.4);
        }
        return 0.2126 * c[0] + 0.7152 * c[1] + 0.0722 * c[2];
    }
}
