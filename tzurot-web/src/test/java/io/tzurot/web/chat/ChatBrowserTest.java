package io.tzurot.web.chat;

import static io.tzurot.web.chat.ConversationHarness.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.memory.Memory;
import io.tzurot.core.persona.Persona;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.reply.ReplyRequest;
import io.tzurot.web.testing.HeadlessChromium;
import java.io.IOException;
import java.util.List;
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
 * Console → Chat in a real browser (Debian's headless Chromium) against the scripted engine: the reply
 * streams in over Server-Sent Events, then shows its recalled memory with its score and the model footer.
 * Leaves a screenshot of the chat page under target/.
 */
class ChatBrowserTest {

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
    void chatWithACharacterSeeTheReplyStreamInAndTheRecalledMemory() throws IOException {
        String owner = h.token(OWNER);
        Personality lilith = h.personality(owner, "lilith", true);
        Persona persona = h.persona(owner, "Operator");
        Memory memory = h.memory(persona, lilith, "The operator's favourite colour is teal");
        h.replies.script(r -> ScriptedReplyService.replied(r, "Teal, if I remember right.",
                List.of(ConversationHarness.recalled(memory, 0.87))));
        h.replies.hold();

        ChromeDriver driver = browser.driver;
        WebDriverWait wait = browser.wait;
        browser.signIn(h.access.operatorLogin().issueLink(), h.base());
        driver.findElement(By.linkText("Chat")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("chat-message")));
        assertThat(driver.findElement(By.id("chat-heading")).getText()).isEqualTo("Lilith");

        driver.findElement(By.id("chat-message")).sendKeys("What is my favourite colour?");
        driver.findElement(By.id("chat-send")).click();

        // the stream's first event arrives while the engine still holds the reply
        wait.until(ExpectedConditions.textToBe(By.cssSelector("li.msg-assistant.pending .bubble"), "Lilith is typing…"));
        wait.until(d -> !h.replies.requests().isEmpty());
        ReplyRequest request = h.replies.requests().get(0);
        assertThat(request.message()).isEqualTo("What is my favourite colour?");
        h.replies.release(request.requestId());

        WebElement reply = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//li[contains(@class,'msg-assistant') and not(contains(@class,'pending'))]")));
        assertThat(reply.findElement(By.className("bubble")).getText()).isEqualTo("Teal, if I remember right.");
        WebElement recalled = reply.findElement(By.cssSelector(".recalled-memory"));
        assertThat(recalled.getText()).contains("score 0.87").contains("The operator's favourite colour is teal");
        assertThat(reply.findElement(By.cssSelector(".footer")).getText()).isEqualTo("test/model-1");
        assertThat(reply.findElement(By.cssSelector("a.inspect")).getDomProperty("href"))
                .endsWith("/console/inspect?replyId=" + request.requestId());

        browser.centre(reply);
        browser.screenshot("console-chat");

        // regenerate replaces the reply in place: SwipesBrowserTest (it needs the real engine's history)
    }
}
