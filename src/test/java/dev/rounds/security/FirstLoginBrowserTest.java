package dev.rounds.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import dev.rounds.Browser;
import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.IOException;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;

/**
 * In headless Chromium: the built-in admin logs in through the form with the password from the log, is held at the
 * change-password page, chooses a password, sees the dashboard, and logs out.
 */
@QuarkusTest
@TestProfile(FirstStartProfile.class)
class FirstLoginBrowserTest {

    private static final Pattern GENERATED = Pattern.compile("account 'admin' with password: (\\S+)");

    @TestHTTPResource("/")
    URL base;

    private Browser browser;

    @BeforeEach
    void startBrowser() {
        browser = Browser.open(base);
    }

    @AfterEach
    void stopBrowser() {
        browser.close();
    }

    /** The password of this start: the last one the log file says (the file outlives earlier runs). */
    private static String generatedPassword() throws IOException {
        Matcher m = GENERATED.matcher(Files.readString(Path.of(FirstStartProfile.LOG)));
        String password = null;
        while (m.find()) password = m.group(1);
        if (password == null) throw new AssertionError("the log does not say the generated password");
        return password;
    }

    /** What the log says from this start's generated password on. */
    private static String logOfThisStart() throws IOException {
        String log = Files.readString(Path.of(FirstStartProfile.LOG));
        Matcher m = GENERATED.matcher(log);
        int start = -1;
        while (m.find()) start = m.start();
        if (start < 0) throw new AssertionError("the log does not say the generated password");
        return log.substring(start);
    }

    @Test
    void theBuiltInAdminChangesTheGeneratedPasswordAtFirstLoginThenSeesTheDashboard() throws IOException {
        browser.go("/");
        assertEquals("/login", browser.path());

        browser.driver().findElement(By.name("j_username")).sendKeys("admin");
        browser.driver().findElement(By.name("j_password")).sendKeys(generatedPassword());
        browser.driver().findElement(By.cssSelector("form button[type=submit]")).click();

        assertEquals(
                "/account/password",
                browser.pathAfterNavigation("/account/password"),
                "held at the change-password page");
        assertTrue(
                browser.driver().getPageSource().contains("Choose your"),
                browser.driver().getPageSource());
        browser.go("advisories");
        assertEquals("/account/password", browser.path(), "every page leads back there until the password is changed");

        browser.driver().findElement(By.name("current")).sendKeys(generatedPassword());
        browser.driver().findElement(By.name("password")).sendKeys("the-admins-own-password");
        browser.driver().findElement(By.name("confirm")).sendKeys("the-admins-own-password");
        browser.driver()
                .findElement(By.cssSelector("main form button[type=submit]"))
                .click();

        assertEquals("/", browser.pathAfterNavigation("/"));
        assertEquals("Today", browser.driver().findElement(By.tagName("h1")).getText());

        browser.driver().findElement(By.cssSelector("form.logout button")).click();
        assertEquals("/login", browser.pathAfterNavigation("/login"));
        browser.go("/");
        assertEquals("/login", browser.path(), "logged out: the dashboard asks for a login again");
    }

    @Test
    void theLogNeverShowsTheSessionKey() throws IOException {
        browser.go("/");
        assertEquals("/login", browser.path());

        String log = logOfThisStart();
        assertFalse(log.contains("temporary key"), "the session encryption key is in the log");
    }
}
