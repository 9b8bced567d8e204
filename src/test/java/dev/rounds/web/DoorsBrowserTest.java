package dev.rounds.web;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rounds.Browser;
import dev.rounds.Logins;
import dev.rounds.SharedChecklistsProfile;
import dev.rounds.TestAccounts;
import dev.rounds.schedule.Occurrence;
import dev.rounds.schedule.ScheduleService;
import dev.rounds.signoff.PeopleChecklists;
import dev.rounds.signoff.PeopleOccurrences;
import dev.rounds.signoff.SignOff;
import io.quarkus.narayana.jta.QuarkusTransaction;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import jakarta.inject.Inject;
import java.net.URL;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * In headless Chromium: the operator's morning from a link in a ticket (log in, land on the occurrence, a refused
 * sign-off keeps the note, the corrected one is recorded), the refusals a viewer meets, and the nav on one line.
 */
@QuarkusTest
@TestProfile(SharedChecklistsProfile.class)
class DoorsBrowserTest {

    private static final String CHECKLIST = "doors-browser";
    private static final PeopleOccurrences PEOPLE = new PeopleOccurrences(CHECKLIST);
    private static final String OPERATOR = "morning-operator";
    private static final String VIEWER = "morning-viewer";

    @TestHTTPResource("/")
    URL base;

    @Inject
    ScheduleService schedule;

    @BeforeAll
    static void checklists() {
        PeopleChecklists.use(CHECKLIST);
    }

    /** Made on first use; RestAssured knows the application's port only once a test runs. */
    @BeforeEach
    void accounts() {
        TestAccounts.ensure(OPERATOR, "operator");
        TestAccounts.ensure(VIEWER, "viewer");
    }

    /** Has the page load what a browser loads by itself (its icon, Safari's touch icon) and waits until it has. */
    private static void loadIcons(Browser browser) {
        browser.driver().executeAsyncScript("""
                        const done = arguments[arguments.length - 1];
                        const urls = ['/favicon.ico', '/apple-touch-icon.png'];
                        let left = urls.length;
                        for (const url of urls) {
                          const image = new Image();
                          image.onload = image.onerror = () => { if (--left === 0) done(true); };
                          image.src = url;
                        }""");
    }

    @Test
    void theOperatorsMorningFromADeepLinkToASignOffAfterARefusal() {
        Occurrence o = PEOPLE.of(schedule, "link");
        String path = "/occurrences/" + o.id;
        String note = "Checked the backups 𝔸 ✓ <script>window.leaked = 1</script> \"all\" fine";
        try (Browser browser = Browser.open(base)) {
            browser.go(path);
            assertEquals("/login", browser.path(), "a deep link asks for a login first");
            loadIcons(browser);
            browser.logIn(OPERATOR, TestAccounts.PASSWORD);
            assertEquals(path, browser.path(), "the login lands where the link pointed");
            browser.screenshot("operator-occurrence");

            browser.driver().findElement(By.name("note")).sendKeys(note);
            browser.driver().findElement(By.name("link")).sendKeys("ftp://files.example.org/backup-report");
            browser.driver()
                    .findElement(By.cssSelector("form.signoff button[type=submit]"))
                    .click();
            WebElement error = new org.openqa.selenium.support.ui.WebDriverWait(
                            browser.driver(), java.time.Duration.ofSeconds(10))
                    .until(d -> d.findElement(By.cssSelector("p.error")));
            assertTrue(error.getText().contains("http"), error.getText());
            assertEquals(note, browser.driver().findElement(By.name("note")).getAttribute("value"), "the note kept");
            assertEquals(
                    "ftp://files.example.org/backup-report",
                    browser.driver().findElement(By.name("link")).getAttribute("value"));
            assertEquals(null, browser.driver().executeScript("return window.leaked"), "what was typed stays text");
            browser.screenshot("operator-signoff-refused");

            WebElement link = browser.driver().findElement(By.name("link"));
            link.clear();
            link.sendKeys("https://tickets.example.org/CHG-12");
            browser.driver()
                    .findElement(By.cssSelector("form.signoff button[type=submit]"))
                    .click();
            new org.openqa.selenium.support.ui.WebDriverWait(browser.driver(), java.time.Duration.ofSeconds(10))
                    .until(d -> !d.findElements(By.cssSelector("ul.signoffs")).isEmpty());
            assertEquals(path, browser.path());
            browser.screenshot("operator-signed-off");
        }
        List<SignOff> signed = QuarkusTransaction.requiringNew().call(() -> SignOff.findByOccurrence(o.id));
        assertEquals(1, signed.size());
        assertEquals(note, signed.get(0).note);
        assertEquals("https://tickets.example.org/CHG-12", signed.get(0).link);
    }

    @Test
    void aFailedLoginKeepsTheUserNameSoOnlyThePasswordIsTypedAgain() {
        try (Browser browser = Browser.open(base)) {
            browser.go("login");
            browser.driver().findElement(By.name("j_username")).sendKeys(OPERATOR);
            browser.driver().findElement(By.name("j_password")).sendKeys("not-the-password");
            browser.driver()
                    .findElement(By.cssSelector("form button[type=submit]"))
                    .click();
            new WebDriverWait(browser.driver(), Duration.ofSeconds(5))
                    .until(d -> d.getCurrentUrl().contains("error="));

            assertEquals(
                    OPERATOR,
                    browser.driver().findElement(By.name("j_username")).getAttribute("value"));
            browser.driver().findElement(By.name("j_password")).sendKeys(TestAccounts.PASSWORD);
            browser.driver()
                    .findElement(By.cssSelector("form button[type=submit]"))
                    .click();
            assertEquals("/", browser.pathAfterNavigation("/"), "the kept name and the right password log in");
        }
    }

    @Test
    void aViewerMeetsNoFormsItCannotSendAndRefusalsInTheLayout() {
        Occurrence o = PEOPLE.of(schedule, "rights");
        try (Browser browser = Browser.open(base)) {
            browser.go("login").logIn(VIEWER, TestAccounts.PASSWORD);
            assertEquals("/", browser.path(), "a login from the login page lands on today's rounds");
            browser.go("occurrences/" + o.id);
            assertTrue(browser.driver().findElements(By.name("note")).isEmpty(), "no sign-off form");
            assertTrue(browser.driver()
                    .findElements(By.cssSelector("a[href='/admin/users']"))
                    .isEmpty());

            browser.go("admin/users");
            String forbidden = browser.driver().findElement(By.tagName("body")).getText();
            assertTrue(forbidden.contains("roles do not allow GET /admin/users"), forbidden);
            assertTrue(forbidden.contains("Back to today's rounds"), forbidden);
            assertFalse(browser.driver()
                    .findElements(By.cssSelector("nav a[href='/reports/weekly']"))
                    .isEmpty());
            browser.screenshot("error-403");
            assertFalse(
                    browser.driver()
                            .findElements(By.cssSelector("header.top form.logout button"))
                            .isEmpty(),
                    "a refusal still offers the logout");

            browser.go("no/such/page");
            String missing = browser.driver().findElement(By.tagName("body")).getText();
            assertTrue(missing.contains("there is no /no/such/page in Rounds"), missing);
            assertFalse(browser.driver()
                    .findElements(By.cssSelector("nav a[href='/']"))
                    .isEmpty());
            browser.screenshot("error-404");
            browser.driver()
                    .findElement(By.cssSelector("header.top form.logout button"))
                    .click();
            assertEquals("/login", browser.pathAfterNavigation("/login"), "logged out from a refusal's page");
        }
    }

    /** Every door's top and the logout's height at 1280 px: one line; at 375 px every door is on the screen. */
    @Test
    void theNavIsOneLineAt1280PixelsAndUsableAt375() {
        try (Browser browser = Browser.open(base, 1280, 900)) {
            browser.go("login").logIn(Logins.ADMIN, Logins.ADMIN_PASSWORD);
            List<WebElement> doors = browser.driver().findElements(By.cssSelector("header.top nav a"));
            assertEquals(13, doors.size(), "the admin has every door");
            long tops = doors.stream().map(d -> d.getRect().getY()).distinct().count();
            assertEquals(1, tops, "every door on one line");
            WebElement logout = browser.driver().findElement(By.cssSelector("header.top form.logout button"));
            WebElement brand = browser.driver().findElement(By.cssSelector("header.top .brand"));
            assertTrue(logout.getRect().getHeight() < 2 * brand.getRect().getHeight(), "Log out on one line");
            long header = browser.driver()
                    .findElement(By.cssSelector("header.top"))
                    .getRect()
                    .getHeight();
            assertTrue(header < 60, "one line of header, not " + header + " px");
            browser.screenshot("nav-1280");
        }
        try (Browser browser = Browser.open(base, 375, 800)) {
            browser.go("login").logIn(Logins.ADMIN, Logins.ADMIN_PASSWORD);
            Number width =
                    (Number) browser.driver().executeScript("return document.querySelector('header.top').scrollWidth");
            assertTrue(width.intValue() <= 375, "a header no wider than the phone: " + width);
            for (WebElement door : browser.driver().findElements(By.cssSelector("header.top nav a"))) {
                assertTrue(
                        door.isDisplayed()
                                && door.getRect().getX() + door.getRect().getWidth() <= 375,
                        door.getText());
            }
            browser.screenshot("nav-375");
        }
    }
}
