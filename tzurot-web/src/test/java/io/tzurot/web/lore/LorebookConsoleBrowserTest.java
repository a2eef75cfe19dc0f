package io.tzurot.web.lore;

import static io.tzurot.web.lore.LoreConsoleHarness.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.access.Actor;
import io.tzurot.core.lorebook.EditingLorebooks;
import io.tzurot.core.lorebook.EntryDraft;
import io.tzurot.core.lorebook.Lorebook;
import io.tzurot.core.lorebook.LorebookEntry;
import io.tzurot.core.lorebook.LorebookSummary;
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
 * Console → Lorebooks in a real browser: the "Test these keywords" panel shows which entries fire on a pasted text
 * and why; and a book is created, an entry added (after a refused value shown next to its field) and edited in the
 * editor, the database agreeing. Leaves screenshots under target/.
 */
class LorebookConsoleBrowserTest {

    @RegisterExtension
    final HeadlessChromium.Session browser = HeadlessChromium.perTest();
    private LoreConsoleHarness h;

    @BeforeEach
    void start() {
        h = new LoreConsoleHarness();
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void theKeywordPanelShowsTheFiringEntriesAndWhy() throws IOException {
        Actor owner = h.actor(h.token(OWNER));
        EditingLorebooks editing = new EditingLorebooks(h.books);
        Lorebook moon = editing.create(owner, "Moon lore");
        editing.addEntry(owner, moon.id(), EntryDraft.text("moon, lunar", null, "The moon is hollow.", "Hollow moon"));
        editing.addEntry(owner, moon.id(), EntryDraft.text("tide", "bath", "Tides rise in the bath.", "Bath tides"));
        editing.addEntry(owner, moon.id(), new EntryDraft("", null, null, "Magic is real.", "World rule", true, null,
                "before_character", null, null, null, null, null, null, null, null, null, null));
        editing.addEntry(owner, moon.id(), new EntryDraft("dragon", null, null, "Dragons sleep at depth.", "Dragons",
                null, null, "at_depth", 2, "user", null, null, null, null, null, null, null, null));
        var driver = browser.driver;
        var wait = browser.wait;
        browser.signIn(h.access.operatorLogin().issueLink(), h.base());

        driver.get(h.base() + "/console/lorebooks");
        browser.centre(wait.until(ExpectedConditions.elementToBeClickable(By.linkText("Moon lore")))).click();
        WebElement text = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("lore-test-text")));
        browser.centre(text).sendKeys("The moon pulls the tide, and a dragon wakes.");
        browser.centre(driver.findElement(By.id("lore-test-run"))).click();

        WebElement fired = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("lore-test-fired")));
        List<WebElement> items = fired.findElements(By.cssSelector("li.lore-fired-entry"));
        assertThat(items).extracting(i -> i.findElement(By.className("lore-fired-label")).getText())
                .containsExactlyInAnyOrder("World rule", "Hollow moon", "Dragons");
        assertThat(fired.getText()).doesNotContain("Bath tides");
        assertThat(entry(items, "Hollow moon").getText()).contains("key “moon” matched").contains("after character")
                .contains("The moon is hollow.");
        assertThat(entry(items, "World rule").getText()).contains("constant").contains("before character");
        assertThat(entry(items, "Dragons").getText()).contains("key “dragon” matched").contains("at depth 2 as user");
        assertThat(driver.findElement(By.id("lore-test-summary")).getText()).startsWith("3 entries fire");
        browser.screenshot("console-lorebook-test");

        // a text that fires only the constant entry, then an empty one: a clear error in the panel
        WebElement again = driver.findElement(By.id("lore-test-text"));
        again.clear();
        again.sendKeys("A bath, no tide here... well, only a tide");
        browser.centre(driver.findElement(By.id("lore-test-run"))).click();
        wait.until(ExpectedConditions.textToBePresentInElementLocated(By.id("lore-test-summary"), "2 entries fire"));
        assertThat(driver.findElement(By.id("lore-test-fired")).getText()).contains("Bath tides")
                .doesNotContain("Hollow moon");
        driver.findElement(By.id("lore-test-text")).clear();
        browser.centre(driver.findElement(By.id("lore-test-run"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("lore-test-error")));
        assertThat(driver.findElement(By.id("lore-test-error")).getText()).isEqualTo("A text to scan is required.");
    }

    private static WebElement entry(List<WebElement> items, String label) {
        return items.stream().filter(i -> i.findElement(By.className("lore-fired-label")).getText().equals(label))
                .findFirst().orElseThrow();
    }

    @Test
    void aBookIsCreatedAndAnEntryAddedAndEditedInTheEditor() throws IOException {
        var driver = browser.driver;
        var wait = browser.wait;
        browser.signIn(h.access.operatorLogin().issueLink(), h.base());
        Actor owner = h.actor(h.token(OWNER));

        driver.get(h.base() + "/console/lorebooks");
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("lorebook-new-name"))).sendKeys("Sea lore");
        browser.centre(driver.findElement(By.xpath("//button[text()='Create lorebook']"))).click();
        wait.until(ExpectedConditions.textToBe(By.id("lorebook-title"), "Sea lore"));
        List<LorebookSummary> mine = h.books.listOwned(owner.userId());
        assertThat(mine).extracting(LorebookSummary::name).containsExactly("Sea lore");

        // the new-entry form: a bad probability is shown next to its field, and nothing is written
        WebElement form = driver.findElement(By.id("entry-0-form"));
        browser.centre(form.findElement(By.name("keys"))).sendKeys("kraken, /sea ?monsters?/i");
        form.findElement(By.name("content")).sendKeys("The kraken sleeps under the reef.");
        form.findElement(By.name("comment")).sendKeys("Kraken");
        WebElement probability = form.findElement(By.name("probability"));
        probability.clear();
        probability.sendKeys("500");
        browser.centre(form.findElement(By.xpath(".//button[normalize-space()='Add entry']"))).click();
        WebElement error = wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("entry-0-probability-error")));
        assertThat(error.getText()).isEqualTo("'probability' is a whole number from 0 to 100, got 500.");
        assertThat(h.books.find(mine.get(0).id()).orElseThrow().content().entries()).isEmpty();
        // what was typed is still there: correct the one field and add
        WebElement retry = driver.findElement(By.id("entry-0-form"));
        assertThat(retry.findElement(By.name("content")).getAttribute("value"))
                .isEqualTo("The kraken sleeps under the reef.");
        WebElement fixed = retry.findElement(By.name("probability"));
        fixed.clear();
        fixed.sendKeys("75");
        new org.openqa.selenium.support.ui.Select(retry.findElement(By.name("position"))).selectByValue("at_depth");
        WebElement depth = retry.findElement(By.name("depth"));
        depth.clear();
        depth.sendKeys("3");
        browser.centre(retry.findElement(By.xpath(".//button[normalize-space()='Add entry']"))).click();
        WebElement added = wait.until(ExpectedConditions.presenceOfElementLocated(By.id("entry-1")));
        assertThat(added.findElement(By.tagName("summary")).getText()).isEqualTo("#1 Kraken");
        LorebookEntry stored = h.books.find(mine.get(0).id()).orElseThrow().content().entries().get(0);
        assertThat(stored.keys()).containsExactly("kraken", "/sea ?monsters?/i");
        assertThat(stored.matching().probability()).isEqualTo(75);
        assertThat(stored.placement().position()).isEqualTo(4);
        assertThat(stored.placement().depth()).isEqualTo(3);

        // edit it in place
        WebElement entry = driver.findElement(By.id("entry-1"));
        browser.centre(entry.findElement(By.tagName("summary"))).click();
        WebElement content = entry.findElement(By.name("content"));
        content.clear();
        content.sendKeys("The kraken wakes at the full moon.");
        browser.centre(entry.findElement(By.name("constant"))).click();
        browser.centre(entry.findElement(By.xpath(".//button[normalize-space()='Save entry']"))).click();
        wait.until(ExpectedConditions.visibilityOfElementLocated(By.id("entry-1-form-saved")));
        LorebookEntry edited = h.books.find(mine.get(0).id()).orElseThrow().content().entries().get(0);
        assertThat(edited.content()).isEqualTo("The kraken wakes at the full moon.");
        assertThat(edited.matching().constant()).isTrue();
        assertThat(edited.placement().depth()).isEqualTo(3);
        browser.screenshot("console-lorebook-editor");
    }
}
