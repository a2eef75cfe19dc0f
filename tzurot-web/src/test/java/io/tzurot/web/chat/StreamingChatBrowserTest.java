package io.tzurot.web.chat;

import static io.tzurot.web.chat.ConversationHarness.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.reply.ReplyOutcome;
import io.tzurot.core.reply.ReplyRequest;
import io.tzurot.core.reply.ReplyStream;
import io.tzurot.web.testing.HeadlessChromium;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.chrome.ChromeDriver;
import org.openqa.selenium.support.ui.ExpectedConditions;
import org.openqa.selenium.support.ui.WebDriverWait;

/**
 * Console → Chat in a real browser: the reply's text grows in the bubble while the engine still writes it (the
 * engine is held; the test writes its stream), a withdrawn piece disappears, the final text replaces the streamed
 * one, and the preset's shown reasoning sits in a collapsed section above the reply.
 */
class StreamingChatBrowserTest {

    private static final By PENDING_BUBBLE = By.cssSelector("li.msg-assistant.pending .bubble");

    @RegisterExtension
    final HeadlessChromium.Session browser = HeadlessChromium.perTest();
    private ConversationHarness h;

    @BeforeEach
    void start() {
        h = new ConversationHarness();
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void theTextGrowsBeforeTheReplyIsDoneAndTheReasoningIsCollapsed() throws java.io.IOException {
        String owner = h.token(OWNER);
        h.personality(owner, "lilith", true);
        h.replies.script(r -> new ReplyOutcome.Replied(r.requestId(), Optional.empty(), "Teal, if I remember right.",
                Optional.of("The colour came up last week."), true, "test/model-1", false, Optional.empty(), List.of(),
                false));
        h.replies.hold();

        ChromeDriver driver = browser.driver;
        WebDriverWait wait = browser.wait;
        browser.signIn(h.access.operatorLogin().issueLink(), h.base());
        driver.findElement(By.linkText("Chat")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("chat-message")));
        driver.findElement(By.id("chat-message")).sendKeys("What is my favourite colour?");
        driver.findElement(By.id("chat-send")).click();
        wait.until(ExpectedConditions.textToBe(PENDING_BUBBLE, "Lilith is typing…"));
        wait.until(d -> !h.replies.requests().isEmpty());
        ReplyRequest request = h.replies.requests().get(0);
        ReplyStream stream = h.replies.stream(request.requestId());

        stream.delta("Teal,");
        wait.until(ExpectedConditions.textToBe(PENDING_BUBBLE, "Teal,"));
        stream.delta(" if I");
        wait.until(ExpectedConditions.textToBe(PENDING_BUBBLE, "Teal, if I"));
        stream.reset("Teal, I");
        wait.until(ExpectedConditions.textToBe(PENDING_BUBBLE, "Teal, I"));
        stream.delta(" think");
        wait.until(ExpectedConditions.textToBe(PENDING_BUBBLE, "Teal, I think"));
        assertThat(driver.findElements(By.cssSelector("li.msg-assistant.pending"))).as("still not done").hasSize(1);
        browser.screenshot("console-chat-streaming");

        h.replies.release(request.requestId());
        WebElement reply = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//li[contains(@class,'msg-assistant') and not(contains(@class,'pending'))]")));
        assertThat(reply.findElement(By.className("bubble")).getText()).isEqualTo("Teal, if I remember right.");
        WebElement thinking = reply.findElement(By.cssSelector("details.reasoning"));
        assertThat(thinking.getDomProperty("open")).isEqualTo("false");
        assertThat(thinking.findElement(By.tagName("summary")).getText()).isEqualTo("Thinking");
        thinking.findElement(By.tagName("summary")).click();
        assertThat(thinking.findElement(By.className("reasoning-text")).getText()).isEqualTo("The colour came up last week.");
    }
}
