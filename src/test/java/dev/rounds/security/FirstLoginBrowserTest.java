package dev.rounds.security;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.quarkus.test.common.http.TestHTTPResource;
import io.quarkus.test.junit.QuarkusTest;
import io.quarkus.test.junit.TestProfile;
import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

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

    private WebDriver browser;

    @BeforeEach
    void startBrowser() {
        browser = new ChromeDriver(
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                        .usingAnyFreePort()
                        .build(),
                new ChromeOptions()
                        .setBinary("/usr/bin/chromium")
                        .addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage"));
    }

    @AfterEach
    void stopBrowser() {
        browser.quit();
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

    /**
     * The path once the navigation a click started has landed: a click returns as soon as the browser has the
     * event, sometimes before the next page replaced the current one. Gives up after five seconds.
     */
    private String pathAfterNavigation(String expected) {
        try {
            new WebDriverWait(browser, Duration.ofSeconds(5)).until(driver -> expected.equals(path()));
        } catch (TimeoutException stayed) {
            // the assertion that follows names the path it stayed on
        }
        return path();
    }

    private String path() {
        return URI.create(browser.getCurrentUrl()).getPath();
    }

    @Test
    void theBuiltInAdminChangesTheGeneratedPasswordAtFirstLoginThenSeesTheDashboard() throws IOException {
        browser.get(base.toString());
        assertEquals("/login", path());

        browser.findElement(By.name("j_username")).sendKeys("admin");
        browser.findElement(By.name("j_password")).sendKeys(generatedPassword());
        browser.findElement(By.cssSelector("form button[type=submit]")).click();

        assertEquals("/account/password", pathAfterNavigation("/account/password"), "held at the change-password page");
        assertTrue(browser.getPageSource().contains("Choose your"), browser.getPageSource());
        browser.get(base + "advisories");
        assertEquals("/account/password", path(), "every page leads back there until the password is changed");

        browser.findElement(By.name("current")).sendKeys(generatedPassword());
        browser.findElement(By.name("password")).sendKeys("the-admins-own-password");
        browser.findElement(By.name("confirm")).sendKeys("the-admins-own-password");
        browser.findElement(By.cssSelector("main form button[type=submit]")).click();

        assertEquals("/", pathAfterNavigation("/"));
        assertEquals("Today", browser.findElement(By.tagName("h1")).getText());

        browser.findElement(By.cssSelector("form.logout button")).click();
        assertEquals("/login", pathAfterNavigation("/login"));
        browser.get(base.toString());
        assertEquals("/login", path(), "logged out: the dashboard asks for a login again");
    }

    @Test
    void theLogNeverShowsTheSessionKey() throws IOException {
        browser.get(base.toString());
        assertEquals("/login", path());

        String log = logOfThisStart();
        assertFalse(log.contains("temporary key"), "the session encryption key is in the log");
    }
}
