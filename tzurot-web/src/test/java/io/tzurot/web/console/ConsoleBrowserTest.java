package io.tzurot.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.access.LoginLink;
import io.tzurot.web.testing.TestServer;
import io.tzurot.web.testing.HeadlessChromium;
import java.io.File;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Assertions;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.OutputType;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real browser (Debian's headless Chromium): sign in with a login link, create a token on
 * Settings → API tokens, see it listed, revoke it. Leaves a phone-width screenshot under target/.
 */
class ConsoleBrowserTest {

    private TestServer server;
    private ChromeDriver driver;
    private Path profile;

    @BeforeEach
    void start() throws IOException {
        HeadlessChromium.requireInstalled();
        server = new TestServer();
        profile = Files.createTempDirectory("tzurot-chromium");
        driver = HeadlessChromium.open(profile);
    }

    @AfterEach
    void stop() throws IOException {
        if (driver != null) {
            driver.quit();
        }
        if (server != null) {
            server.close();
        }
        if (profile != null) {
            try (var files = Files.walk(profile)) {
                files.sorted(java.util.Comparator.reverseOrder()).map(Path::toFile).forEach(File::delete);
            }
        }
    }

    @Test
    void signInCreateListAndRevokeATokenInTheConsole() throws IOException {
        WebDriverWait wait = new WebDriverWait(driver, Duration.ofSeconds(20));
        LoginLink link = server.services.operatorLogin().issueLink();
        driver.get(link.url(server.base()));
        wait.until(ExpectedConditions.urlToBe(server.base() + "/console"));
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Welcome");

        // keyboard first: the first Tab reaches the skip link
        driver.findElement(By.tagName("body")).sendKeys(Keys.TAB);
        assertThat(driver.switchTo().activeElement().getText()).isEqualTo("Skip to content");

        driver.findElement(By.linkText("Settings")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("token-label")));
        driver.findElement(By.id("token-label")).sendKeys("selenium token");
        driver.findElement(By.xpath("//main//button[text()='Create token']")).click();

        WebElement secretField = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("new-token")));
        String secret = secretField.getDomProperty("value");
        assertThat(secret).startsWith("tzk_");
        assertThat(server.get("/api/v1/me", secret).statusCode()).isEqualTo(200);
        WebElement listed = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//li[contains(@class,'token')][.//strong[text()='selenium token']]")));
        assertThat(listed.getText()).contains("never used").doesNotContain(secret);

        driver.executeScript("arguments[0].scrollIntoView({block: 'center'})", listed);
        Path shot = Path.of("target", "console-settings-tokens.png");
        Files.createDirectories(shot.getParent());
        Files.copy(driver.getScreenshotAs(OutputType.FILE).toPath(), shot, StandardCopyOption.REPLACE_EXISTING);
        assertThat(Files.size(shot)).isPositive();

        listed.findElement(By.cssSelector("button.danger")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(
                By.xpath("//li[contains(@class,'token')][.//strong[text()='selenium token']]")));
        assertThat(driver.findElement(By.id("token-list")).getText()).contains("No tokens yet.");
        assertThat(server.get("/api/v1/me", secret).statusCode()).isEqualTo(401);
    }
}
