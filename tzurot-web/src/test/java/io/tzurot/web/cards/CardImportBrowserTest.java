package io.tzurot.web.cards;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.card.CharacterCard;
import io.tzurot.core.card.CharacterExportFormat;
import io.tzurot.storage.card.FileCardCodec;
import io.tzurot.web.chat.ConversationHarness;
import io.tzurot.web.testing.HeadlessChromium;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
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
 * Console → Characters → Import in a real browser (headless Chromium): a PNG card is dropped on the page, its
 * preview shows the fields, first greeting, image and lorebook entry count, Save imports it, and the chat page
 * that follows talks to the new character through the real engine and the fake model server.
 */
class CardImportBrowserTest {

    @RegisterExtension
    final HeadlessChromium.Session browser = HeadlessChromium.perTest();
    private ConversationHarness h;

    @BeforeEach
    void start() {
        h = ConversationHarness.wholeConsole();
    }

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    @Test
    void dropACardSeeThePreviewSaveAndChat() throws IOException {
        FileCardCodec codec = new FileCardCodec();
        CharacterCard card = (CharacterCard) codec.readCharacter("mira.json", CardApiTest.CARD.getBytes(StandardCharsets.UTF_8));
        Path file = Files.createTempFile("mira", ".png");
        Files.write(file, codec.writeCard(card, CharacterExportFormat.CARD_PNG));

        ChromeDriver driver = browser.driver;
        WebDriverWait wait = browser.wait;
        browser.signIn(h.access.operatorLogin().issueLink(), h.base());
        driver.get(h.base() + "/console/characters");
        driver.findElement(By.linkText("Import")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("card-drop")));

        // a real drop event carrying the file, as a drag from the desktop would deliver it
        WebElement helper = (WebElement) driver.executeScript("var i = document.createElement('input');"
                + "i.type = 'file'; i.id = 'drop-source'; document.body.appendChild(i); return i;");
        helper.sendKeys(file.toAbsolutePath().toString());
        driver.executeScript("var f = document.getElementById('drop-source').files[0];"
                + "var dt = new DataTransfer(); dt.items.add(f);"
                + "document.getElementById('card-drop').dispatchEvent(new DragEvent('drop',"
                + " {dataTransfer: dt, bubbles: true, cancelable: true}));");

        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("card-preview")));
        assertThat(driver.findElement(By.id("card-preview-name")).getText()).isEqualTo("Mira Ünal");
        assertThat(driver.findElement(By.id("card-preview-greeting")).getText()).isEqualTo("Welcome to the map room, {{user}}.");
        assertThat(driver.findElement(By.id("card-preview-description")).getText()).isEqualTo("A cartographer of dreams.");
        assertThat(driver.findElement(By.id("card-preview-lore")).getText()).isEqualTo("2 lorebook entries");
        assertThat(driver.findElement(By.id("card-preview-kind")).getText()).isEqualTo("card-v3");
        WebElement image = driver.findElement(By.id("card-preview-image"));
        wait.until(d -> Boolean.TRUE.equals(driver.executeScript(
                "return arguments[0].complete && arguments[0].naturalWidth > 0", image)));
        // nothing is saved before Save
        assertThat(h.get("/api/v1/personalities", h.token(ConversationHarness.OWNER)).body()).doesNotContain("Mira");
        browser.centre(driver.findElement(By.id("card-preview")));
        browser.screenshot("console-card-import");

        driver.findElement(By.id("card-save")).click();
        wait.until(ExpectedConditions.urlContains("/console/chat?personality=mira-nal"));
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("chat-message")));
        assertThat(driver.findElement(By.id("chat-heading")).getText()).isEqualTo("Mira Ünal");

        driver.findElement(By.id("chat-message")).sendKeys("Where does the compass point?");
        driver.findElement(By.id("chat-send")).click();
        WebElement reply = wait.until(ExpectedConditions.visibilityOfElementLocated(
                By.xpath("//li[contains(@class,'msg-assistant') and not(contains(@class,'pending'))]")));
        assertThat(reply.findElement(By.className("bubble")).getText()).isNotBlank();
        // the model was asked as the imported character
        assertThat(h.engine.model.lastRequest().body().toString()).contains("A cartographer of dreams.");
        Files.deleteIfExists(file);
    }
}
