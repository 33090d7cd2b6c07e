package org.homeward.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import org.openqa.selenium.By;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.JavascriptExecutor;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.TakesScreenshot;
import org.openqa.selenium.WebDriver;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Debian's headless Chromium driven through its chromedriver, as a person uses the web app: by labels, links and
 * buttons. Every page it checks is also run through axe-core (WCAG 2.2 A and AA) and can be saved as screenshots
 * at a desktop and a phone width under {@code deploy/target/screenshots/}.
 */
public final class Browser implements AutoCloseable {

    public static final Path SCREENSHOTS = Path.of("target", "screenshots");
    private static final String AXE = read("/axe/axe.min.js");

    private final WebDriver driver;
    private final String base;
    private final Path profile;

    private Browser(WebDriver driver, String base, Path profile) {
        this.driver = driver;
        this.base = base;
        this.profile = profile;
    }

    /** A fresh browser (its own profile, no cookies) for the application on this port, in British English. */
    public static Browser start(int port, boolean javascript) {
        return start(port, javascript, "en-GB");
    }

    /** A fresh browser asking for pages in that language (Accept-Language), {@code fr} or {@code en-XA} say. */
    public static Browser start(int port, boolean javascript, String acceptLanguage) {
        try {
            Path profile = Files.createTempDirectory("homeward-chromium");
            ChromeOptions options = new ChromeOptions();
            options.setBinary("/usr/bin/chromium");
            options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                                 "--disable-quic", "--no-first-run", "--disable-background-networking",
                                 "--disable-component-update", "--disable-sync", "--window-size=1280,900",
                                 "--user-data-dir=" + profile, "--lang=" + acceptLanguage);
            Map<String, Object> prefs = new java.util.HashMap<>();
            prefs.put("intl.accept_languages", acceptLanguage);
            if (!javascript) {
                prefs.put("profile.managed_default_content_settings.javascript", 2);
            }
            options.setExperimentalOption("prefs", prefs);
            ChromeDriverService service = new ChromeDriverService.Builder()
                    .usingDriverExecutable(Path.of("/usr/bin/chromedriver").toFile()).usingAnyFreePort().build();
            ChromeDriver driver = new ChromeDriver(service, options);
            driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(30));
            return new Browser(driver, "http://localhost:" + port, profile);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    public WebDriver driver() {
        return driver;
    }

    public Browser open(String path) {
        driver.get(base + path);
        return this;
    }

    public String path() {
        return driver.getCurrentUrl().substring(base.length());
    }

    public void signIn(String user, String password) {
        open("/sign-in");
        field("User id").sendKeys(user);
        field("Password").sendKeys(password);
        press("Sign in");
    }

    public void signOut() {
        press("Sign out");
    }

    /** The input a label names, as a person finds it. */
    public WebElement field(String label) {
        WebElement labelled = driver.findElement(By.xpath("//label[normalize-space(.)='" + label + "' or "
                                                           + "normalize-space(span[1])='" + label + "']"));
        return driver.findElement(By.id(labelled.getAttribute("for")));
    }

    public Browser type(String label, String value) {
        WebElement field = field(label);
        if ("date".equals(field.getAttribute("type"))) {
            // a date input takes what is typed in the browser's locale; set the value as the form sends it
            ((JavascriptExecutor) driver).executeScript("arguments[0].value = arguments[1]", field, value);
        } else {
            field.clear();
            field.sendKeys(value);
        }
        return this;
    }

    public Browser choose(String label, String visibleText) {
        new Select(field(label)).selectByVisibleText(visibleText);
        return this;
    }

    /** Presses a form's button and waits for the page the form's answer is. */
    public void press(String button) {
        navigate(driver.findElement(By.xpath("//button[normalize-space(.)='" + button + "']")));
    }

    /** Follows a link and waits for the page it leads to. */
    public void follow(String link) {
        navigate(driver.findElement(By.linkText(link)));
    }

    private void navigate(WebElement clicked) {
        WebElement before = driver.findElement(By.tagName("html"));
        clicked.click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.stalenessOf(before));
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> "complete".equals(
                ((JavascriptExecutor) d).executeScript("return document.readyState")));
    }

    public String text() {
        return driver.findElement(By.tagName("body")).getText();
    }

    public String mainText() {
        return driver.findElement(By.id("main")).getText();
    }

    public List<WebElement> all(String css) {
        return driver.findElements(By.cssSelector(css));
    }

    public void waitUntil(java.util.function.Predicate<Browser> condition, Duration atMost) {
        new WebDriverWait(driver, atMost).until(d -> condition.test(this));
    }

    /** axe-core on the page as it stands: no violation of WCAG 2.0, 2.1 and 2.2, levels A and AA. */
    @SuppressWarnings("unchecked")
    public void assertAccessible() {
        JavascriptExecutor js = (JavascriptExecutor) driver;
        if (!(Boolean) js.executeScript("return typeof axe !== 'undefined'")) {
            js.executeScript(AXE);
        }
        Map<String, Object> results = (Map<String, Object>) js.executeAsyncScript(
                "var done = arguments[arguments.length - 1];"
                + "axe.run(document, {runOnly: {type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa',"
                + " 'wcag22aa']}}).then(function (r) { done({violations: r.violations.map(function (v) {"
                + " return v.id + ': ' + v.help + ' at ' + v.nodes.map(function (n) { return n.target.join(' '); })"
                + ".join(', '); })}); });");
        assertThat((List<String>) results.get("violations")).as("axe-core on " + path()).isEmpty();
    }

    /** The page at 1280 and at 360 px wide, as {@code NAME-desktop.png} and {@code NAME-phone.png}. */
    public void screenshots(String name) {
        try {
            Files.createDirectories(SCREENSHOTS);
            Dimension before = driver.manage().window().getSize();
            for (Map.Entry<String, Integer> width : Map.of("desktop", 1280, "phone", 360).entrySet()) {
                driver.manage().window().setSize(new Dimension(width.getValue(), 900));
                Path shot = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE).toPath();
                Files.copy(shot, SCREENSHOTS.resolve(name + "-" + width.getKey() + ".png"),
                           StandardCopyOption.REPLACE_EXISTING);
                if (width.getValue() == 360) {
                    Number scrollWidth = (Number) ((JavascriptExecutor) driver).executeScript(
                            "return document.documentElement.scrollWidth");
                    assertThat(scrollWidth.intValue()).as("no sideways scrolling at 360 px on " + path())
                                                      .isLessThanOrEqualTo(360);
                }
            }
            driver.manage().window().setSize(before);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    /** Accessible, then photographed: what every main page of a story gets. */
    public void check(String name) {
        assertAccessible();
        screenshots(name);
    }

    @Override
    public void close() {
        driver.quit();
        try (var files = Files.walk(profile)) {
            files.sorted(java.util.Comparator.reverseOrder()).forEach(file -> file.toFile().delete());
        } catch (IOException ignored) {
            // a temporary profile left behind is harmless
        }
    }

    private static String read(String resource) {
        try (var in = Browser.class.getResourceAsStream(resource)) {
            return new String(in.readAllBytes(), StandardCharsets.UTF_8);
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }
}
