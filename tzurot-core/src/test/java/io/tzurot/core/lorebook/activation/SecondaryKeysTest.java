package io.tzurot.core.lorebook.activation;

import static io.tzurot.core.lorebook.activation.LoreFixtures.book;
import static io.tzurot.core.lorebook.activation.LoreFixtures.chat;
import static io.tzurot.core.lorebook.activation.LoreFixtures.entry;
import static io.tzurot.core.lorebook.activation.LoreFixtures.ids;
import static io.tzurot.core.lorebook.activation.LoreFixtures.scan;
import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** cards.md §9 step 4: the secondary-key logic of selective entries. */
class SecondaryKeysTest {

    private static boolean fires(int logic, String text) {
        return !ids(scan(book(entry("1", "x", "castle").secondary(logic, "king", "queen")), chat(text))).isEmpty();
    }

    @Test
    void andAnyNeedsOneSecondaryKey() {
        assertThat(fires(KeyLogic.AND_ANY, "the castle of the king")).isTrue();
        assertThat(fires(KeyLogic.AND_ANY, "the castle is empty")).isFalse();
    }

    @Test
    void andAllNeedsEverySecondaryKey() {
        assertThat(fires(KeyLogic.AND_ALL, "the castle of the king and queen")).isTrue();
        assertThat(fires(KeyLogic.AND_ALL, "the castle of the king")).isFalse();
    }

    @Test
    void notAnyNeedsNoSecondaryKey() {
        assertThat(fires(KeyLogic.NOT_ANY, "the castle is empty")).isTrue();
        assertThat(fires(KeyLogic.NOT_ANY, "the castle of the queen")).isFalse();
    }

    @Test
    void notAllNeedsOneSecondaryKeyMissing() {
        assertThat(fires(KeyLogic.NOT_ALL, "the castle of the queen")).isTrue();
        assertThat(fires(KeyLogic.NOT_ALL, "the castle of the king and queen")).isFalse();
    }

    @Test
    void secondaryKeysNeverStandInForThePrimary() {
        assertThat(fires(KeyLogic.AND_ANY, "the king and queen")).isFalse();
        assertThat(fires(KeyLogic.NOT_ANY, "an empty field")).isFalse();
    }

    @Test
    void aNonSelectiveEntryIgnoresItsSecondaryKeys() {
        var e = entry("1", "x", "castle").secondary(KeyLogic.AND_ALL, "king").selective(false);
        assertThat(ids(scan(book(e), chat("the castle")))).containsExactly("1");
    }

    @Test
    void keyDecoratorsAddConditions() {
        var extra = entry("1", "@@additional_keys moat, bridge\nThe castle has a moat.", "castle");
        assertThat(ids(scan(book(extra), chat("the castle")))).isEmpty();
        assertThat(ids(scan(book(extra), chat("the castle bridge")))).containsExactly("1");
        var excluded = entry("2", "@@exclude_keys ruin\nThe castle stands.", "castle");
        assertThat(ids(scan(book(excluded), chat("the castle ruin")))).isEmpty();
        assertThat(ids(scan(book(excluded), chat("the castle")))).containsExactly("2");
    }
}
