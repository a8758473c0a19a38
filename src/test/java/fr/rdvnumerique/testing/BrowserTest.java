package fr.rdvnumerique.testing;

import static org.assertj.core.api.Assertions.assertThat;

import com.deque.html.axecore.results.Results;
import com.deque.html.axecore.results.Rule;
import com.deque.html.axecore.selenium.AxeBuilder;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.List;
import java.util.stream.Collectors;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Tag;
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
import org.openqa.selenium.support.ui.WebDriverWait;
import org.springframework.boot.test.context.SpringBootTest;
import org.springframework.boot.test.web.server.LocalServerPort;
import org.springframework.context.annotation.Import;

/**
 * Real-browser journeys in Debian's headless Chromium, driven by Selenium, against the application on a
 * random port. Screenshots go to {@code target/screenshots/<test class>/}; every page a journey shows can be
 * scanned with axe-core for WCAG 2.0/2.1/2.2 A and AA violations.
 *
 * @see <a href="../../../../../../docs/adr/002-browserless-and-selenium-instead-of-testbench.md">ADR 002</a>
 */
@SpringBootTest(webEnvironment = SpringBootTest.WebEnvironment.RANDOM_PORT)
@Import(TestConfig.class)
@Tag("browser")
public abstract class BrowserTest {

    static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");
    private static final List<String> WCAG_TAGS = List.of("wcag2a", "wcag2aa", "wcag21a", "wcag21aa", "wcag22aa");

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.security.core.context.SecurityContextHolderStrategy applicationSecurityContexts;

    /**
     * Several application contexts live in one test JVM (some tests change properties), and each sets the static
     * security holder to its own strategy as it starts: {@code StaffLogin} must write to this test's application.
     */
    @org.junit.jupiter.api.BeforeEach
    void signInsGoToThisApplication() {
        org.springframework.security.core.context.SecurityContextHolder.setContextHolderStrategy(applicationSecurityContexts);
    }

    protected static WebDriver driver;
    private static Path userDataDir;

    @LocalServerPort
    protected int port;

    @BeforeAll
    static void startBrowser() throws IOException {
        boolean installed = Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER);
        if (!installed && "true".equals(System.getenv("CI"))) {
            throw new IllegalStateException("CI needs Debian's chromium and chromium-driver (.ci/run installs them)");
        }
        Assumptions.assumeTrue(installed, "Chromium is not installed: browser journeys skipped (apt-get install chromium chromium-driver)");
        userDataDir = Files.createTempDirectory("rdv-chromium");
        var options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--disable-quic", "--lang=fr-FR", "--user-data-dir=" + userDataDir, "--window-size=1280,900");
        var service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile()).usingAnyFreePort().build();
        driver = new ChromeDriver(service, options);
        driver.manage().timeouts().pageLoadTimeout(Duration.ofSeconds(60));
    }

    @AfterAll
    static void stopBrowser() {
        if (driver != null) {
            driver.quit();
            driver = null;
        }
    }

    protected void open(String path) {
        driver.get("http://localhost:" + port + "/" + (path.startsWith("/") ? path.substring(1) : path));
        waitForVaadin();
    }

    protected void resize(int width, int height) {
        driver.manage().window().setSize(new Dimension(width, height));
    }

    /** Waits until Vaadin has rendered and has no request in flight. */
    protected void waitForVaadin() {
        try {
            new WebDriverWait(driver, Duration.ofSeconds(60)).until(d -> (Boolean) ((JavascriptExecutor) d).executeScript(
                    "return document.readyState === 'complete' && !!window.Vaadin && !!window.Vaadin.Flow"
                            + " && !!window.Vaadin.Flow.clients"
                            + " && Object.values(window.Vaadin.Flow.clients).every(c => !c.isActive || !c.isActive())"));
        } catch (org.openqa.selenium.TimeoutException e) {
            screenshot("timeout");
            throw new AssertionError("Vaadin did not settle on " + driver.getCurrentUrl() + ":\n" + bodyText(), e);
        }
    }

    protected WebElement waitFor(By by) {
        return new WebDriverWait(driver, Duration.ofSeconds(30)).until(ExpectedConditions.visibilityOfElementLocated(by));
    }

    protected void waitForText(String text) {
        new WebDriverWait(driver, Duration.ofSeconds(30))
                .until(d -> d.findElement(By.tagName("body")).getText().contains(text));
    }

    /** Types into a Vaadin text field found by its id (the native input is in its light DOM). */
    protected void type(String componentId, String text) {
        WebElement input = waitFor(By.cssSelector("#" + componentId + " input, #" + componentId + " textarea"));
        input.clear();
        input.sendKeys(text);
    }

    protected void click(String componentId) {
        waitFor(By.id(componentId)).click();
        waitForVaadin();
    }

    protected String bodyText() {
        return driver.findElement(By.tagName("body")).getText();
    }

    protected Path screenshot(String name) {
        try {
            File file = ((TakesScreenshot) driver).getScreenshotAs(OutputType.FILE);
            Path dir = Path.of("target", "screenshots", getClass().getSimpleName());
            Files.createDirectories(dir);
            Path target = dir.resolve(name + ".png");
            Files.copy(file.toPath(), target, StandardCopyOption.REPLACE_EXISTING);
            return target;
        } catch (IOException e) {
            throw new IllegalStateException(e);
        }
    }

    /** Fails on any WCAG 2.x A/AA violation of the page as it is now. Vaadin's development tools are left out. */
    protected void assertAccessible(String pageName) {
        Results results = new AxeBuilder().withTags(WCAG_TAGS).exclude("vaadin-dev-tools").exclude("copilot-main")
                .analyze(driver);
        List<Rule> violations = results.getViolations();
        String report = violations.stream().map(v -> v.getId() + " (" + v.getImpact() + "): " + v.getHelp() + " → "
                        + v.getNodes().stream().map(n -> String.valueOf(n.getTarget())).limit(5).collect(Collectors.joining(", ")))
                .collect(Collectors.joining("\n"));
        assertThat(violations).as("accessibility violations on " + pageName + ":\n" + report).isEmpty();
    }

    @org.springframework.beans.factory.annotation.Autowired
    org.springframework.jdbc.core.JdbcTemplate browserTestJdbc;

    /**
     * Signs in through the real login form. An account with a second factor types its code, as its app computes it
     * from the stored secret; an administrator without one sets it up on the code page, from the secret shown there
     * (ADR 020).
     */
    protected void signIn(String email, String password) {
        open("login");
        WebElement username = waitFor(By.cssSelector("vaadin-login-form input[name='username']"));
        username.sendKeys(email);
        driver.findElement(By.cssSelector("vaadin-login-form input[name='password']")).sendKeys(password);
        driver.findElement(By.xpath("//vaadin-login-form//vaadin-button[contains(., 'Se connecter')]")).click();
        new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.getCurrentUrl().contains("/login")
                || d.getCurrentUrl().contains("/login/code"));
        if (driver.getCurrentUrl().contains("/login/code")) {
            WebElement code = waitFor(By.cssSelector("#second-factor-code input"));
            var shown = driver.findElements(By.id("second-factor-secret"));
            String secret = shown.isEmpty()
                    ? fr.rdvnumerique.base.security.SecondFactorCodes.secretOf(browserTestJdbc, email)
                    : shown.getFirst().getText();
            code.sendKeys(fr.rdvnumerique.base.security.SecondFactorCodes.unspent(browserTestJdbc, email, secret));
            driver.findElement(By.id("second-factor-submit")).click();
            new WebDriverWait(driver, Duration.ofSeconds(30)).until(d -> !d.getCurrentUrl().contains("/login"));
        }
        waitForVaadin();
    }

    protected void signOut() {
        driver.manage().deleteAllCookies();
    }
}
