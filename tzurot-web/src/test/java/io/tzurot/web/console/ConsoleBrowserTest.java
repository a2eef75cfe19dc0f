package io.tzurot.web.console;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.web.testing.TestServer;
import io.tzurot.web.testing.HeadlessChromium;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * The console in a real browser (Debian's headless Chromium): sign in with a login link, create a token on
 * Settings → API tokens, see it listed, revoke it. Leaves a phone-width screenshot under target/.
 */
class ConsoleBrowserTest {

    @RegisterExtension
    final HeadlessChromium.Session browser = HeadlessChromium.perTest();
    private TestServer server;

    @BeforeEach
    void start() {
        server = new TestServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void signInCreateListAndRevokeATokenInTheConsole() throws IOException {
        ChromeDriver driver = browser.driver;
        WebDriverWait wait = browser.wait;
        browser.signIn(server.services.operatorLogin().issueLink(), server.base());
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
        // the form empties itself after success (console.js: the page policy allows no inline handler)
        wait.until(d -> d.findElement(By.id("token-label")).getDomProperty("value").isEmpty());
        WebElement listed = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//li[contains(@class,'token')][.//strong[text()='selenium token']]")));
        assertThat(listed.getText()).contains("never used").doesNotContain(secret);

        browser.centre(listed);
        browser.screenshot("console-settings-tokens");

        listed.findElement(By.cssSelector("button.danger")).click();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(
                By.xpath("//li[contains(@class,'token')][.//strong[text()='selenium token']]")));
        assertThat(driver.findElement(By.id("token-list")).getText()).contains("No tokens yet.");
        assertThat(server.get("/api/v1/me", secret).statusCode()).isEqualTo(401);

        // sign-out is an htmx change like the others, and still works from the header's button
        driver.findElement(By.xpath("//header//button[text()='Sign out']")).click();
        wait.until(ExpectedConditions.textToBe(By.tagName("h1"), "Sign-in required"));
        driver.navigate().to(server.base() + "/console");
        assertThat(driver.findElement(By.tagName("h1")).getText()).isEqualTo("Sign-in required");
    }
}
