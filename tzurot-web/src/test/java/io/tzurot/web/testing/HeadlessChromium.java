package io.tzurot.web.testing;

import io.tzurot.testkit.ServiceTargets;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.Assumptions;
import org.openqa.selenium.Dimension;
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
    public static void requireInstalled() {
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
    public static ChromeDriver open(Path profile) {
        requireInstalled();
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
}
