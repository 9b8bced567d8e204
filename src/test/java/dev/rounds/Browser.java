package dev.rounds;

import java.io.File;
import java.io.IOException;
import java.net.URI;
import java.net.URL;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.time.Duration;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TimeoutException;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven by its chromedriver, for the tests that walk the pages as a person would. Each
 * page a test wants a reviewer to see is saved with {@link #screenshot} under {@code target/screenshots/}.
 */
public final class Browser implements AutoCloseable {

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");

    private final URL base;
    private final ChromeDriver driver;

    private Browser(URL base, int width, int height) {
        this.base = base;
        this.driver = new ChromeDriver(
                new ChromeDriverService.Builder()
                        .usingDriverExecutable(new File("/usr/bin/chromedriver"))
                        .usingAnyFreePort()
                        .build(),
                new ChromeOptions()
                        .setBinary("/usr/bin/chromium")
                        .addArguments(
                                "--headless",
                                "--no-sandbox",
                                "--disable-gpu",
                                "--disable-dev-shm-usage",
                                "--window-size=" + width + "," + height));
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** A browser window of 1400×1000 on the application at {@code base} (the test's {@code @TestHTTPResource("/")}). */
    public static Browser open(URL base) {
        return new Browser(base, 1400, 1000);
    }

    public static Browser open(URL base, int width, int height) {
        return new Browser(base, width, height);
    }

    public ChromeDriver driver() {
        return driver;
    }

    /** Goes to a path of the application, e.g. {@code "occurrences/5"} or {@code "/audit?actor=alice"}. */
    public Browser go(String path) {
        driver.get(url(path));
        return this;
    }

    public String url(String path) {
        String base = this.base.toString();
        return base.endsWith("/") && path.startsWith("/") ? base + path.substring(1) : base + path;
    }

    /** Logs in through the login form from wherever the browser is, then waits until it has left the login page. */
    public Browser logIn(String user, String password) {
        if (!path().equals("/login")) go("login");
        driver.findElement(By.name("j_username")).sendKeys(user);
        driver.findElement(By.name("j_password")).sendKeys(password);
        driver.findElement(By.cssSelector("form button[type=submit], form input[type=submit]"))
                .click();
        new WebDriverWait(driver, Duration.ofSeconds(10)).until(d -> !path().equals("/login"));
        return this;
    }

    /** The path of the page shown now. */
    public String path() {
        String path = URI.create(driver.getCurrentUrl()).getPath();
        return path == null ? "" : path; // a fresh window shows "data:,", which has none
    }

    /**
     * The path once the navigation a click started has landed: a click returns as soon as the browser has the event,
     * sometimes before the next page replaced the current one. Gives up after five seconds.
     */
    public String pathAfterNavigation(String expected) {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(5)).until(d -> expected.equals(path()));
        } catch (TimeoutException stayed) {
            // the caller's assertion names the path it stayed on
        }
        return path();
    }

    /** The laid-out height of the whole page in CSS pixels. */
    public long pageHeight() {
        return ((Number) ((JavascriptExecutor) driver).executeScript("return document.documentElement.scrollHeight"))
                .longValue();
    }

    /**
     * Saves the whole page, not only the window, as {@code target/screenshots/<name>.png}, and adds a line to
     * {@code target/screenshots/measures.tsv}: name, path, window width, page height in CSS pixels and the size of
     * the page's HTML as served (its DOM's serialisation), so that a reviewer reads the figures beside the pictures.
     */
    public Path screenshot(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Path file = SCREENSHOTS.resolve(name + ".png");
            Dimension window = driver.manage().window().getSize();
            long height = pageHeight();
            Files.writeString(
                    SCREENSHOTS.resolve("measures.tsv"),
                    String.join(
                                    "\t",
                                    name,
                                    path(),
                                    String.valueOf(window.getWidth()),
                                    String.valueOf(height),
                                    String.valueOf(driver.getPageSource().getBytes(StandardCharsets.UTF_8).length))
                            + "\n",
                    StandardOpenOption.CREATE,
                    StandardOpenOption.APPEND);
            // the window's size includes what headless Chromium keeps of its frame: without it the bottom is cut off
            long frame = ((Number) ((JavascriptExecutor) driver)
                            .executeScript("return Math.max(0, window.outerHeight - window.innerHeight)"))
                    .longValue();
            driver.manage().window().setSize(new Dimension(window.getWidth(), (int) Math.max(height + frame, 200)));
            try {
                Files.write(file, driver.getScreenshotAs(OutputType.BYTES));
            } finally {
                driver.manage().window().setSize(window);
            }
            return file;
        } catch (IOException e) {
            throw new IllegalStateException("cannot save the screenshot " + name, e);
        }
    }

    @Override
    public void close() {
        driver.quit();
    }
}
