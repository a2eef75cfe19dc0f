package io.tzurot.web.memory;

import static io.tzurot.web.chat.ConversationHarness.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.memory.Memory;
import io.tzurot.core.memory.MemoryVisibility;
import io.tzurot.core.persona.Persona;
import io.tzurot.core.personality.Personality;
import io.tzurot.web.chat.ConversationHarness;
import io.tzurot.web.testing.HeadlessChromium;
import java.io.IOException;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Done-when scenario in a real browser at phone width: find a memory on Console → Memories by meaning, delete
 * it, and see it gone from the page, from a fresh listing, from the API and (soft-deleted) from the database,
 * while the other memories stay. Leaves a screenshot under target/.
 */
class MemoryDeleteBrowserTest {

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
    void findAMemoryDeleteItAndSeeItGoneEverywhere() throws IOException {
        String owner = h.token(OWNER);
        Personality lilith = h.personality(owner, "lilith", true);
        Persona persona = h.persona(owner, "Operator");
        Memory doomed = h.memory(persona, lilith, "The operator once owned a red bicycle called Rocket");
        Memory kept = h.memory(persona, lilith, "The operator drinks green tea every morning");
        var driver = browser.driver;
        var wait = browser.wait;
        browser.signIn(h.access.operatorLogin().issueLink(), h.base());

        driver.findElement(By.linkText("Memories")).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("memory-query"))).sendKeys("red bicycle Rocket");
        browser.centre(driver.findElement(By.xpath("//main//button[text()='Show']"))).click();
        WebElement found = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("memory-" + doomed.id())));
        // the closest hit comes first
        assertThat(driver.findElements(By.cssSelector("li.memory")).get(0).getDomAttribute("id"))
                .isEqualTo("memory-" + doomed.id());

        browser.centre(found.findElement(By.tagName("summary"))).click();
        browser.centre(found.findElement(By.xpath(".//button[text()='Delete']"))).click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("memory-" + doomed.id())));
        assertThat(driver.findElements(By.id("memory-" + doomed.id()))).isEmpty();
        browser.screenshot("console-memory-deleted");

        // a fresh listing shows only the other memory
        driver.get(h.base() + "/console/memories");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("memory-" + kept.id())));
        assertThat(driver.findElements(By.id("memory-" + doomed.id()))).isEmpty();

        // the API agrees, and the row is marked deleted
        String listed = h.get("/api/v1/memories", owner).body();
        assertThat(listed).contains(kept.id().toString()).doesNotContain(doomed.id().toString());
        String searched = h.postJson("/api/v1/memories/search", owner, "{\"query\":\"red bicycle Rocket\"}").body();
        assertThat(searched).doesNotContain(doomed.id().toString());
        assertThat(h.services.memories().find(doomed.id()).orElseThrow().visibility()).isEqualTo(MemoryVisibility.DELETED);
        assertThat(h.services.memories().find(kept.id()).orElseThrow().visibility()).isEqualTo(MemoryVisibility.NORMAL);
    }
}
