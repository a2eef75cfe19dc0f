package io.tzurot.core.lorebook.activation;

import static io.tzurot.core.lorebook.activation.LoreFixtures.book;
import static io.tzurot.core.lorebook.activation.LoreFixtures.chat;
import static io.tzurot.core.lorebook.activation.LoreFixtures.entry;
import static io.tzurot.core.lorebook.activation.LoreFixtures.ids;
import static io.tzurot.core.lorebook.activation.LoreFixtures.scan;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import org.junit.jupiter.api.Test;

/** cards.md §9 steps 2 and 4 and §7: scan depth, constant and disabled entries, decorators. */
class EntryRulesTest {

    private static final List<LoreMessage> CHAT = chat("the dragon sleeps", "the knight waits", "the wizard reads");

    @Test
    void theDefaultScanDepthSeesTheTwoNewestMessagesOnly() {
        var dragon = entry("1", "x", "dragon");
        var knight = entry("2", "x", "knight");
        var wizard = entry("3", "x", "wizard");
        assertThat(ids(scan(book(dragon, knight, wizard), CHAT))).containsExactlyInAnyOrder("2", "3");
    }

    @Test
    void entryDepthOverridesBookDepthWhichOverridesTheGlobalOne() {
        var dragon = entry("1", "x", "dragon");
        assertThat(ids(scan(book(3, null, null, dragon), CHAT))).containsExactly("1");
        assertThat(ids(scan(book(3, null, null, entry("1", "x", "dragon").scanDepth(1)), CHAT))).isEmpty();
        assertThat(ids(scan(book(entry("1", "x", "dragon").scanDepth(5)), CHAT))).containsExactly("1");
        assertThat(ids(scan(book(entry("1", "@@scan_depth 3\nx", "dragon")), CHAT))).containsExactly("1");
    }

    @Test
    void depthZeroScansNoChatText() {
        assertThat(ids(scan(book(entry("1", "x", "wizard").scanDepth(0)), CHAT))).isEmpty();
    }

    @Test
    void speakerNamesAreScannedWithTheirMessages() {
        assertThat(ids(scan(book(entry("1", "x", "Ann")), chat("hello")))).containsExactly("1");
        LoreSettings noNames = new LoreSettings(2, 25, 0, false, true, true, 5, false, false);
        assertThat(ids(scan(book(entry("1", "x", "Ann")), chat("hello"), noNames, LoreTiming.START, () -> 0)))
                .isEmpty();
    }

    @Test
    void constantEntriesFireWithoutKeysAndDisabledEntriesNever() {
        LoreActivation a = scan(book(entry("1", "always", "nomatch").constant(), entry("2", "x", "dragon").disabled(),
                entry("3", "x").constant().disabled()), chat("a dragon"));
        assertThat(ids(a)).containsExactly("1");
        assertThat(a.fired().get(0).reason()).isEqualTo(FiredEntry.Reason.CONSTANT);
        assertThat(a.fired().get(0).matchedKey()).isNull();
    }

    @Test
    void entriesWithoutKeysDoNotFire() {
        assertThat(ids(scan(book(entry("1", "x")), chat("anything")))).isEmpty();
    }

    @Test
    void activateAndDontActivateDecoratorsOverrideKeysAndAreStrippedFromContent() {
        LoreActivation a = scan(book(entry("1", "@@activate\n\nAlways here.", "nomatch"),
                entry("2", "@@dont_activate\nNever.", "dragon").constant(),
                entry("3", "@@dont_activate\n@@activate\nBoth: activate wins.", "nomatch")), chat("a dragon"));
        assertThat(ids(a)).containsExactlyInAnyOrder("1", "3");
        assertThat(a.fired()).allMatch(f -> f.reason() == FiredEntry.Reason.DECORATOR);
        assertThat(a.fired().stream().filter(f -> f.entryId().equals("1")).findFirst().get().content())
                .isEqualTo("Always here.");
    }

    @Test
    void aFallbackDecoratorCountsOnlyWhenTheOneAboveWasNotUnderstood() {
        Decorators used = Decorators.parse("@@unknown_thing\n@@@activate\nText");
        assertThat(used.activate()).isTrue();
        assertThat(used.content()).isEqualTo("Text");
        Decorators skipped = Decorators.parse("@@depth 2\n@@@activate\nText");
        assertThat(skipped.activate()).isFalse();
        assertThat(skipped.depth()).isEqualTo(2);
        Decorators badValue = Decorators.parse("@@depth deep\n@@@depth 3\nText");
        assertThat(badValue.depth()).isEqualTo(3);
    }

    @Test
    void contentThatDoesNotStartWithDecoratorsIsLeftAlone() {
        assertThat(Decorators.parse("Text\n@@activate").content()).isEqualTo("Text\n@@activate");
        assertThat(Decorators.parse("Text\n@@activate").activate()).isFalse();
    }

    @Test
    void theLabelIsTheCommentElseTheName() {
        LoreActivation a = scan(book(entry("1", "x", "dragon").comment("Dragon lore")), chat("a dragon"));
        assertThat(a.fired().get(0).label()).isEqualTo("Dragon lore");
        assertThat(a.fired().get(0).key()).isEqualTo("b/1");
    }
}
