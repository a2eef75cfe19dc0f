package io.tzurot.web.chat;

import static io.tzurot.web.chat.ConversationHarness.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.testkit.model.FakeReply;
import io.tzurot.web.testing.HeadlessChromium;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Console → Chat in a real browser with the real engine: Regenerate replaces the newest reply in place (no new
 * message), and ◀ ▶ under it move between its versions.
 */
class SwipesBrowserTest {

    private static final By LAST_BUBBLE = By.cssSelector("li.msg-assistant:last-child .bubble");

    @RegisterExtension
    final HeadlessChromium.Session browser = HeadlessChromium.perTest();
    private ConversationHarness h;

    @BeforeEach
    void start() {
        h = ConversationHarness.wholeConsole();
        h.personality(h.token(OWNER), "lilith", true);
    }

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    @Test
    void regenerateReplacesTheReplyAndTheArrowsMoveBetweenVersions() throws java.io.IOException {
        h.engine.model.enqueue(FakeReply.text("The first answer."), FakeReply.text("The second answer."));
        ChromeDriver driver = browser.driver;
        WebDriverWait wait = browser.wait;
        browser.signIn(h.access.operatorLogin().issueLink(), h.base());
        driver.findElement(By.linkText("Chat")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("chat-message")));
        driver.findElement(By.id("chat-message")).sendKeys("Answer me twice");
        driver.findElement(By.id("chat-send")).click();
        wait.until(ExpectedConditions.textToBe(LAST_BUBBLE, "The first answer."));

        wait.until(ExpectedConditions.elementToBeClickable(By.id("chat-regenerate"))).click();

        wait.until(ExpectedConditions.textToBe(LAST_BUBBLE, "The second answer."));
        assertThat(driver.findElements(By.cssSelector("li.msg-assistant"))).hasSize(1);
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".swipe-position"), "2/2"));
        browser.screenshot("console-chat-swipes");

        driver.findElement(By.cssSelector(".swipe-previous")).click();
        wait.until(ExpectedConditions.textToBe(LAST_BUBBLE, "The first answer."));
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".swipe-position"), "1/2"));
        assertThat(driver.findElement(By.cssSelector(".swipe-previous")).isEnabled()).isFalse();

        driver.findElement(By.cssSelector(".swipe-next")).click();
        wait.until(ExpectedConditions.textToBe(LAST_BUBBLE, "The second answer."));
        wait.until(ExpectedConditions.textToBe(By.cssSelector(".swipe-position"), "2/2"));
    }
}
