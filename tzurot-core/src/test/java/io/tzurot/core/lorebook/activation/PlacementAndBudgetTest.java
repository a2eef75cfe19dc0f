package io.tzurot.core.lorebook.activation;

import static io.tzurot.core.lorebook.activation.LoreFixtures.book;
import static io.tzurot.core.lorebook.activation.LoreFixtures.chat;
import static io.tzurot.core.lorebook.activation.LoreFixtures.entry;
import static io.tzurot.core.lorebook.activation.LoreFixtures.ids;
import static io.tzurot.core.lorebook.activation.LoreFixtures.scan;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** cards.md §9 steps 7 and 10: the token budget and where fired entries go. */
class PlacementAndBudgetTest {

    @Test
    void firedEntriesComeInAscendingInsertionOrder() {
        LoreActivation a = scan(book(entry("late", "x", "sun").order(300), entry("early", "x", "sun").order(5),
                entry("mid", "x", "sun")), chat("the sun"));
        assertThat(ids(a)).containsExactly("early", "mid", "late");
    }

    @Test
    void positionsComeFromTheNumberElseTheCardField() {
        LoreActivation a = scan(book(entry("before", "x", "sun").cardPosition("before_char"),
                entry("after", "x", "sun").cardPosition("after_char"), entry("plain", "x", "sun"),
                entry("zero", "x", "sun").position(0).cardPosition("after_char"),
                entry("deep", "x", "sun").atDepth(2, 1), entry("examples", "x", "sun").position(6),
                entry("note", "x", "sun").position(2)), chat("the sun"));
        assertThat(a.at(LorePosition.BEFORE_CHARACTER)).extracting(FiredEntry::entryId).containsExactly("before", "zero");
        assertThat(a.at(LorePosition.AFTER_CHARACTER)).extracting(FiredEntry::entryId)
                .containsExactly("after", "plain", "examples");
        FiredEntry deep = a.at(LorePosition.AT_DEPTH).get(0);
        assertThat(deep.depth()).isEqualTo(2);
        assertThat(deep.role()).isEqualTo(LoreRole.USER);
        assertThat(a.at(LorePosition.AUTHORS_NOTE_TOP)).extracting(FiredEntry::entryId).containsExactly("note");
    }

    @Test
    void depthDecoratorsPlaceAtDepthWithTheirRole() {
        FiredEntry f = scan(book(entry("1", "@@depth 0\n@@role assistant\nx", "sun")), chat("sun")).fired().get(0);
        assertThat(f.position()).isEqualTo(LorePosition.AT_DEPTH);
        assertThat(f.depth()).isZero();
        assertThat(f.role()).isEqualTo(LoreRole.ASSISTANT);
        FiredEntry plain = scan(book(entry("1", "x", "sun").position(4)), chat("sun")).fired().get(0);
        assertThat(plain.depth()).as("SillyTavern's default depth").isEqualTo(4);
        assertThat(plain.role()).isEqualTo(LoreRole.SYSTEM);
    }

    @Test
    void theBudgetIsAShareOfTheWindowCappedByTheGlobalCapAndTheBook() {
        LoreScanRequest plain = new LoreScanRequest(List.of(book()), List.of(), 10_000, LoreSettings.DEFAULTS);
        assertThat(LorebookScanner.budget(plain)).isEqualTo(2500);
        LoreScanRequest capped = new LoreScanRequest(List.of(book()), List.of(), 10_000,
                LoreSettings.DEFAULTS.withBudget(10, 300));
        assertThat(LorebookScanner.budget(capped)).isEqualTo(300);
        LoreScanRequest bookCap = new LoreScanRequest(List.of(book(null, 120, null)), List.of(), 10_000,
                LoreSettings.DEFAULTS);
        assertThat(LorebookScanner.budget(bookCap)).isEqualTo(120);
        LoreScanRequest tiny = new LoreScanRequest(List.of(book()), List.of(), 1, LoreSettings.DEFAULTS);
        assertThat(LorebookScanner.budget(tiny)).as("never below one token").isEqualTo(1);
    }

    @Test
    void overTheBudgetTheHigherOrderEntriesAreKeptAndTheRestDropped() {
        // budget 10 characters: the order-300 entry (6) goes first, order 200 (6) does not fit, nor anything after it
        LoreActivation a = scan(book(null, 10, null, entry("low", "aaa", "sun").order(100),
                entry("mid", "bbbbbb", "sun").order(200), entry("high", "cccccc", "sun").order(300)), chat("sun"));
        assertThat(ids(a)).containsExactly("high");
        assertThat(a.overflowed()).isTrue();
        assertThat(a.tokensUsed()).isEqualTo(6);
        assertThat(a.budget()).isEqualTo(10);
    }

    @Test
    void anEntryThatExactlyFillsTheBudgetFits() {
        LoreActivation a = scan(book(null, 6, null, entry("1", "cccccc", "sun")), chat("sun"));
        assertThat(ids(a)).containsExactly("1");
        assertThat(a.overflowed()).isFalse();
    }

    @Test
    void constantEntriesStillCountAgainstTheBudget() {
        LoreActivation a = scan(book(null, 3, null, entry("1", "four", "x").constant()), chat("sun"));
        assertThat(ids(a)).isEmpty();
        assertThat(a.overflowed()).isTrue();
    }
}
