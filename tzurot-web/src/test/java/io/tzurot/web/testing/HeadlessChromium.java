package io.tzurot.web.testing;

import io.tzurot.testkit.ServiceTargets;
import io.tzurot.core.access.LoginLink;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import java.util.Comparator;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.junit.jupiter.api.extension.AfterEachCallback;
import org.junit.jupiter.api.extension.BeforeEachCallback;
import org.junit.jupiter.api.extension.ExtensionContext;
import org.openqa.selenium.Dimension;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.chrome.ChromeDriverService;
import org.openqa.selenium.chrome.ChromeOptions;

/**
 * Debian's Chromium driven headless for the console's browser tests, at phone width. Missing browser: the test
 * is skipped with a notice, or fails when services are required ({@code TZUROT_REQUIRE_SERVICES=1}).
 */
public final class HeadlessChromium {

    private static final Path CHROMIUM = Path.of("/usr/bin/chromium");
    private static final Path CHROMEDRIVER = Path.of("/usr/bin/chromedriver");

    private HeadlessChromium() {
    }

    /** Skips (or fails) the calling test when the browser is not installed. */
    private static void requireInstalled() {
        if (Files.isExecutable(CHROMIUM) && Files.isExecutable(CHROMEDRIVER)) {
            return;
        }
        String notice = "browser test needs " + CHROMIUM + " and " + CHROMEDRIVER + " (run scripts/install-browser.sh)";
        if (ServiceTargets.servicesRequired()) {
            Assertions.fail(notice + "; " + ServiceTargets.REQUIRE_VARIABLE + "=1 makes this a failure");
        }
        System.out.println("NOTICE: " + notice);
        Assumptions.abort(notice);
    }

    /** A fresh headless browser using {@code profile} as its user data dir, its window 390×844. */
    private static ChromeDriver open(Path profile) {
        ChromeOptions options = new ChromeOptions();
        options.setBinary(CHROMIUM.toFile());
        options.addArguments("--headless=new", "--no-sandbox", "--disable-gpu", "--disable-dev-shm-usage",
                "--disable-background-networking", "--disable-component-update", "--disable-sync", "--no-first-run",
                "--user-data-dir=" + profile);
        ChromeDriverService service = new ChromeDriverService.Builder().usingDriverExecutable(CHROMEDRIVER.toFile())
                .usingAnyFreePort().build();
        ChromeDriver driver = new ChromeDriver(service, options);
        // a phone-width window: the console must work there
        driver.manage().window().setSize(new Dimension(390, 844));
        return driver;
    }

    /**
     * A browser per test, as a JUnit extension ({@code @RegisterExtension final Session browser =
     * HeadlessChromium.perTest();}): opened before each test with a throw-away profile, quit after it.
     */
    public static Session perTest() {
        return new Session();
    }

    /** One browser for one test: sign in, wait, take screenshots. */
    public static final class Session implements BeforeEachCallback, AfterEachCallback {

        public ChromeDriver driver;
        public WebDriverWait wait;
        private Path profile;

        private Session() {
        }

        @Override
        public void beforeEach(ExtensionContext context) throws IOException {
            requireInstalled();
            profile = Files.createTempDirectory("tzurot-chromium");
            driver = open(profile);
            wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        }

        /** Follows a one-time login link and waits for the console's home page. */
        public void signIn(LoginLink link, String base) {
            driver.get(link.url(base));
            wait.until(ExpectedConditions.urlToBe(base + "/console"));
        }

        /** Scrolls {@code element} into the middle of the window (phone width: forms are long). */
        public WebElement centre(WebElement element) {
            driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", element);
            return element;
        }

        /** Saves a screenshot as target/{@code name}.png and checks it is not empty. */
        public Path screenshot(String name) throws IOException {
            Path shot = Path.of("target", name + ".png");
            Files.createDirectories(shot.getParent());
            Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), shot, StandardCopyOption.REPLACE_EXISTING);
            Assertions.assertTrue(Files.size(shot) > 0, "empty screenshot " + shot);
            return shot;
        }

        @Override
        public void afterEach(ExtensionContext context) throws IOException {
            try {
                if (driver != null) {
                    driver.quit();
                }
            } finally {
                if (profile != null) {
                    try (var files = Files.walk(profile)) {
                        files.sorted(Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
                    }
                }
            }
        }
    }
}
