package io.tzurot.web.moderation;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.moderation.DenylistMode;
import io.tzurot.core.moderation.DenylistType;
import io.tzurot.web.testing.HeadlessChromium;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.Select;

/**
 * Console → Denylist in a real browser: the bot owner mutes a user for a day, sees it listed (and stored), a bad
 * target is refused in the page's alert area, and lifting the denial removes it from the page and the database.
 * Leaves a screenshot under target/.
 */
class DenylistConsoleBrowserTest {

    private static final String USER = "300000000000000042";

    @RegisterExtension
    final HeadlessChromium.Session browser = HeadlessChromium.perTest();
    private DenylistTestServer server;

    @BeforeEach
    void start() {
        server = new DenylistTestServer();
    }

    @AfterEach
    void stop() {
        server.close();
    }

    @Test
    void theOwnerMutesAUserSeesItListedAndLiftsIt() throws IOException {
        var driver = browser.driver;
        var wait = browser.wait;
        browser.signIn(server.access.operatorLogin().issueLink(), server.base());

        driver.findElement(By.linkText("Denylist")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("deny-target"))).sendKeys("<@" + USER + ">");
        new Select(driver.findElement(By.id("deny-mode"))).selectByValue("mute");
        new Select(driver.findElement(By.id("deny-duration"))).selectByValue("1d");
        driver.findElement(By.id("deny-reason")).sendKeys("spamming the lamps");
        browser.centre(driver.findElement(By.xpath("//main//button[text()='Deny']"))).click();

        WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("li.denial[data-discord-id='" + USER + "']")));
        assertThat(row.getText()).contains("mute").contains("user").contains(USER).contains("everywhere")
                .contains("until 2026-03-02T10:00:00Z").contains("spamming the lamps");
        assertThat(server.denylist.findActive(DenylistType.USER, USER, server.clock.instant()))
                .singleElement().satisfies(e -> assertThat(e.mode()).isEqualTo(DenylistMode.MUTE));
        browser.screenshot("console-denylist");

        WebElement target = driver.findElement(By.id("deny-target"));
        target.clear();
        target.sendKeys("not a target");
        browser.centre(driver.findElement(By.xpath("//main//button[text()='Deny']"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("console-alert"),
                "Give a user, server or channel"));

        browser.centre(row.findElement(By.xpath(".//button[text()='Lift']"))).click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("denial-list"), "No active denials."));
        assertThat(server.denylist.findActive(DenylistType.USER, USER, server.clock.instant())).isEmpty();
    }
}
