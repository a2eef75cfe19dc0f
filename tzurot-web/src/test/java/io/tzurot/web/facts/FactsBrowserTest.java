package io.tzurot.web.facts;

import static io.tzurot.web.facts.FactsHarness.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.facts.MemoryFact;
import io.tzurot.core.persona.Persona;
import io.tzurot.core.personality.Personality;
import io.tzurot.web.testing.HeadlessChromium;
import java.io.IOException;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.extension.RegisterExtension;
import org.openqa.selenium.By;
import org.openqa.selenium.WebElement;
import org.openqa.selenium.support.ui.ExpectedConditions;

/**
 * Console → Memory facts in a real browser: the operator's facts are listed with their character, one is corrected
 * and locked in place, another forgotten; the database agrees. Leaves a screenshot under target/.
 */
class FactsBrowserTest {

    @RegisterExtension
    final HeadlessChromium.Session browser = HeadlessChromium.perTest();
    private FactsHarness h;

    @BeforeEach
    void start() {
        h = new FactsHarness();
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void listCorrectLockAndForgetFacts() throws IOException {
        String owner = h.token(OWNER);
        Personality ada = h.personality(owner, "Ada");
        Persona persona = h.persona(owner, "Operator");
        List<MemoryFact> made = h.facts(persona, ada, "has a cat called Quill", "likes green tea");
        var driver = browser.driver;
        var wait = browser.wait;
        browser.signIn(h.access.operatorLogin().issueLink(), h.base());

        driver.get(h.base() + "/console/facts");
        WebElement quill = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("fact-" + made.get(0).id())));
        assertThat(quill.getText()).contains("has a cat called Quill").contains("Ada").contains("80 %");
        assertThat(driver.findElements(By.cssSelector("li.fact"))).hasSize(2);

        browser.centre(quill.findElement(By.tagName("summary"))).click();
        WebElement input = quill.findElement(By.name("content"));
        input.clear();
        input.sendKeys("has a cat called Quillibrand");
        browser.centre(quill.findElement(By.xpath(".//button[text()='Save']"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("fact-" + made.get(0).id()), "100 %"));
        assertThat(h.facts.find(made.get(0).id()).orElseThrow().content()).isEqualTo("has a cat called Quillibrand");

        WebElement updated = driver.findElement(By.id("fact-" + made.get(0).id()));
        browser.centre(updated.findElement(By.tagName("summary"))).click();
        browser.centre(updated.findElement(By.xpath(".//button[normalize-space()='Lock']"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("fact-" + made.get(0).id()), "locked"));
        assertThat(h.facts.find(made.get(0).id()).orElseThrow().locked()).isTrue();

        WebElement tea = driver.findElement(By.id("fact-" + made.get(1).id()));
        browser.centre(tea.findElement(By.tagName("summary"))).click();
        browser.centre(tea.findElement(By.xpath(".//button[text()='Forget']"))).click();
        wait.until(ExpectedConditions.alertIsPresent()).accept();
        wait.until(ExpectedConditions.invisibilityOfElementLocated(By.id("fact-" + made.get(1).id())));
        assertThat(h.facts.find(made.get(1).id())).isEmpty();
        browser.screenshot("console-facts");

        driver.get(h.base() + "/console/facts");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("fact-" + made.get(0).id())));
        assertThat(driver.findElements(By.cssSelector("li.fact"))).hasSize(1);
    }
}
