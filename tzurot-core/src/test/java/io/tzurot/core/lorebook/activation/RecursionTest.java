package io.tzurot.core.lorebook.activation;

import static io.tzurot.core.lorebook.activation.LoreFixtures.book;
import static io.tzurot.core.lorebook.activation.LoreFixtures.chat;
import static io.tzurot.core.lorebook.activation.LoreFixtures.entry;
import static io.tzurot.core.lorebook.activation.LoreFixtures.ids;
import static io.tzurot.core.lorebook.activation.LoreFixtures.scan;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** cards.md §9 steps 4 and 8 and §3.2 {@code recursive_scanning}: fired content triggering more entries. */
class RecursionTest {

    private static final LoreFixtures.Entry KING = entry("king", "The king lives in the castle.", "king");
    private static final LoreFixtures.Entry CASTLE = entry("castle", "The castle has a moat.", "castle");
    private static final LoreFixtures.Entry MOAT = entry("moat", "Eels swim in the moat.", "moat");

    @Test
    void firedContentTriggersFurtherEntriesPassAfterPass() {
        LoreActivation a = scan(book(KING, CASTLE, MOAT), chat("tell me of the king"));
        assertThat(ids(a)).containsExactlyInAnyOrder("king", "castle", "moat");
        assertThat(a.fired()).extracting(FiredEntry::pass).containsExactlyInAnyOrder(0, 1, 2);
        assertThat(a.passes()).isEqualTo(4); // the last pass finds nothing new
    }

    @Test
    void theRecursionDepthIsCapped() {
        LoreActivation a = scan(book(KING, CASTLE, MOAT), chat("the king"), LoreSettings.DEFAULTS.withRecursion(true, 2),
                LoreTiming.START, () -> 0);
        assertThat(ids(a)).containsExactlyInAnyOrder("king", "castle");
        assertThat(a.passes()).isEqualTo(2);
    }

    @Test
    void recursionOffGloballyOrForTheBookScansTheChatOnly() {
        assertThat(ids(scan(book(KING, CASTLE), chat("the king"), LoreSettings.DEFAULTS.withRecursion(false, 5),
                LoreTiming.START, () -> 0))).containsExactly("king");
        assertThat(ids(scan(book(null, null, false, KING, CASTLE), chat("the king")))).containsExactly("king");
    }

    @Test
    void preventRecursionKeepsAnEntrysContentFromTriggeringOthers() {
        var king = entry("king", "The king lives in the castle.", "king").preventRecursion();
        assertThat(ids(scan(book(king, CASTLE), chat("the king")))).containsExactly("king");
    }

    @Test
    void excludeRecursionEntriesFireOnlyFromTheChat() {
        var castle = entry("castle", "The castle has a moat.", "castle").excludeRecursion();
        assertThat(ids(scan(book(KING, castle), chat("the king")))).containsExactly("king");
        assertThat(ids(scan(book(KING, castle), chat("the king's castle")))).containsExactlyInAnyOrder("king", "castle");
    }

    @Test
    void delayUntilRecursionEntriesWaitForTheirLevel() {
        var castle = entry("castle", "The castle has a moat.", "castle").delayUntilRecursion(1);
        // the chat names the castle, but the entry may only fire from recursion level 1
        LoreActivation a = scan(book(castle), chat("the castle"));
        assertThat(ids(a)).containsExactly("castle");
        assertThat(a.fired().get(0).pass()).isEqualTo(1);
        var deep = entry("deep", "x", "castle").delayUntilRecursion(9);
        assertThat(ids(scan(book(deep), chat("the castle"), LoreSettings.DEFAULTS.withRecursion(true, 1),
                LoreTiming.START, () -> 0))).as("the pass cap wins").isEmpty();
    }

    @Test
    void anEntryFiresOnceEvenWhenMatchedInSeveralPasses() {
        var echo = entry("echo", "king king", "king");
        assertThat(ids(scan(book(echo), chat("the king")))).containsExactly("echo");
    }
}
