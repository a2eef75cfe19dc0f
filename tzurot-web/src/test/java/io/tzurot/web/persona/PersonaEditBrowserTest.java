package io.tzurot.web.persona;

import static io.tzurot.web.chat.ConversationHarness.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.persona.Persona;
import io.tzurot.web.chat.ConversationHarness;
import io.tzurot.web.testing.HeadlessChromium;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.Keys;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Done-when scenario in a real browser at phone width, against the real engine (fake model server): edit the
 * persona on Console → Personas (a refused save shows its error next to the field), chat with a character,
 * and find the edited persona in the prompt the Inspect page shows for that reply. Leaves a screenshot under target/.
 */
class PersonaEditBrowserTest {

    private static final String NEW_ABOUT = "I keep the lighthouse on Gull Point and collect green sea glass.";

    @RegisterExtension
    final HeadlessChromium.Session browser = HeadlessChromium.perTest();
    private ConversationHarness h;

    @BeforeEach
    void start() {
        h = ConversationHarness.wholeConsole();
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void editThePersonaAndSeeTheNextPromptUseItOnTheInspectPage() throws IOException {
        String owner = h.token(OWNER);
        h.personality(owner, "lilith", true);
        Persona persona = h.persona(owner, "Operator");
        h.engine.model.respondWith(r -> io.tzurot.testkit.model.FakeReply.text("Welcome back, keeper."));
        var driver = browser.driver;
        var wait = browser.wait;
        browser.signIn(h.access.operatorLogin().issueLink(), h.base());

        driver.findElement(By.linkText("Personas")).click();
        WebElement row = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("li[data-persona-id='" + persona.id() + "']")));
        browser.centre(row.findElement(By.linkText("Edit"))).click();
        WebElement name = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("persona-edit-name")));
        assertThat(name.getDomProperty("value")).isEqualTo("Operator");

        // an emptied required field is refused: the error sits next to it, and the keyboard lands there
        name.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        browser.centre(driver.findElement(By.xpath("//form[@id='persona-edit']//button[text()='Save changes']"))).click();
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("persona-edit-name-error")));
        assertThat(error.getText()).contains("'name' is required");
        WebElement refused = driver.findElement(By.id("persona-edit-name"));
        assertThat(refused.getDomAttribute("aria-invalid")).isEqualTo("true");
        assertThat(refused.getDomAttribute("aria-describedby")).isEqualTo("persona-edit-name-error");
        wait.until(d -> "persona-edit-name".equals(d.switchTo().activeElement().getDomAttribute("id")));
        browser.screenshot("console-persona-edit-error");

        // fix it from the keyboard: type the name, Tab to the text and replace it, Enter in a one-line field sends
        WebElement focused = driver.switchTo().activeElement();
        focused.sendKeys("Keeper");
        focused.sendKeys(Keys.TAB);
        WebElement about = driver.switchTo().activeElement();
        assertThat(about.getDomAttribute("id")).isEqualTo("persona-edit-content");
        about.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        about.sendKeys(NEW_ABOUT);
        WebElement preferred = driver.findElement(By.id("persona-edit-preferredName"));
        preferred.sendKeys(Keys.chord(Keys.CONTROL, "a"), Keys.DELETE);
        preferred.sendKeys("Keeper Ann");
        driver.findElement(By.id("persona-edit-pronouns")).sendKeys("they/them", Keys.ENTER);

        wait.until(ExpectedConditions.urlToBe(h.base() + "/console/personas"));
        WebElement saved = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.cssSelector("li[data-persona-id='" + persona.id() + "']")));
        assertThat(saved.getText()).contains("Keeper").contains("they/them");
        Persona stored = h.services.personas().findById(persona.id()).orElseThrow();
        assertThat(stored.name()).isEqualTo("Keeper");
        assertThat(stored.content()).isEqualTo(NEW_ABOUT);
        assertThat(stored.preferredName()).isEqualTo("Keeper Ann");

        // the next reply's prompt carries the edited persona
        driver.findElement(By.linkText("Chat")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("chat-message"))).sendKeys("Good evening!");
        driver.findElement(By.id("chat-send")).click();
        WebElement reply = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//li[contains(@class,'msg-assistant') and not(contains(@class,'pending'))]")));
        assertThat(reply.findElement(By.className("bubble")).getText()).isEqualTo("Welcome back, keeper.");
        String inspectUrl = reply.findElement(By.cssSelector("a.inspect")).getDomProperty("href");
        String replyId = inspectUrl.substring(inspectUrl.indexOf("replyId=") + "replyId=".length());
        // the flight record is written just after the reply is sent
        wait.until(d -> h.services.diagnostics().findByRequestId(replyId).isPresent());

        driver.get(inspectUrl);
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("inspect-stages")));
        List<String> stages = driver.findElements(By.cssSelector("pre.json")).stream()
                .map(pre -> pre.getDomProperty("textContent")).toList();
        assertThat(stages).anySatisfy(stage -> assertThat(stage).contains("<name>Keeper Ann</name>")
                .contains("<pronouns>they/them</pronouns>").contains(NEW_ABOUT));
        assertThat(stages).noneSatisfy(stage -> assertThat(stage).containsAnyOf("About Operator", "<name>Operator</name>"));
        assertThat(h.engine.model.lastRequest().body().toString()).contains(NEW_ABOUT);
        browser.screenshot("console-persona-inspect");
    }
}
