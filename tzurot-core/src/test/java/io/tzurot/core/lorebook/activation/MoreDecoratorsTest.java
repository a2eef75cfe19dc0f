package io.tzurot.core.lorebook.activation;

import static io.tzurot.core.lorebook.activation.LoreFixtures.book;
import static io.tzurot.core.lorebook.activation.LoreFixtures.chat;
import static io.tzurot.core.lorebook.activation.LoreFixtures.entry;
import static io.tzurot.core.lorebook.activation.LoreFixtures.ids;
import static io.tzurot.core.lorebook.activation.LoreFixtures.scan;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** cards.md §7: the V3 decorators beyond SillyTavern's two (turn conditions, match memory, placement, budget). */
class MoreDecoratorsTest {

    private final LoreTimingStore store = new InMemoryLoreTimingStore();

    /** One turn per text in {@code channel}; which entries fired on each. */
    private List<List<String>> turns(String channel, LoreBook book, String... texts) {
        List<List<String>> out = new ArrayList<>();
        for (String text : texts) {
            LoreActivation a = LoreFixtures.scan(book, chat(text), LoreSettings.DEFAULTS, store.load(channel), () -> 0);
            store.save(channel, a.timing());
            out.add(ids(a));
        }
        return out;
    }

    @Test
    void activateOnlyAfterWaitsForTheCharactersNthTurnConstantEntriesToo() {
        LoreBook b = book(entry("1", "@@activate_only_after 2\nx", "sun"), entry("2", "@@activate_only_after 1\ny")
                .constant());
        assertThat(turns("c", b, "sun", "sun", "sun"))
                .containsExactly(List.of(), List.of("2"), List.of("1", "2"));
    }

    @Test
    void activateOnlyEveryFiresOnMultiplesOfItsTurnCount() {
        LoreBook b = book(entry("1", "@@activate_only_every 2\nx", "sun"));
        assertThat(turns("c", b, "sun", "sun", "sun", "sun"))
                .containsExactly(List.of("1"), List.of(), List.of("1"), List.of());
    }

    @Test
    void keepActivateAfterMatchStaysForTheRestOfTheChat() {
        LoreBook b = book(entry("1", "@@keep_activate_after_match\nx", "sun"));
        assertThat(turns("c", b, "hello", "sun", "hello", "hello", "hello"))
                .containsExactly(List.of(), List.of("1"), List.of("1"), List.of("1"), List.of("1"));
        LoreActivation later = LoreFixtures.scan(b, chat("hello"), LoreSettings.DEFAULTS, store.load("c"), () -> 0);
        assertThat(later.fired().get(0).reason()).isEqualTo(FiredEntry.Reason.STICKY);
    }

    @Test
    void dontActivateAfterMatchFiresOnceAndNeverAgainInThatChannel() {
        LoreBook b = book(entry("1", "@@dont_activate_after_match\nx", "sun"));
        assertThat(turns("c", b, "sun", "sun", "sun")).containsExactly(List.of("1"), List.of(), List.of());
        assertThat(turns("other", b, "sun")).as("another channel keeps its own memory").containsExactly(List.of("1"));
    }

    @Test
    void anEditedEntryForgetsItsMatchMemory() {
        assertThat(turns("c", book(entry("1", "@@dont_activate_after_match\nx", "sun")), "sun", "sun"))
                .containsExactly(List.of("1"), List.of());
        assertThat(turns("c", book(entry("1", "@@dont_activate_after_match\nnew text", "sun")), "sun"))
                .containsExactly(List.of("1"));
    }

    @Test
    void reverseDepthCountsFromTheOldestMessage() {
        // five messages: reverse depth 1 = depth 4 from the end (just after the oldest message)
        FiredEntry f = scan(book(entry("1", "@@reverse_depth 1\nx", "sun")), chat("a", "b", "c", "d", "sun"))
                .fired().get(0);
        assertThat(f.position()).isEqualTo(LorePosition.AT_DEPTH);
        assertThat(f.depth()).isEqualTo(4);
        FiredEntry far = scan(book(entry("1", "@@reverse_depth 9\nx", "sun")), chat("sun")).fired().get(0);
        assertThat(far.depth()).as("past the oldest message: after the newest").isZero();
        FiredEntry both = scan(book(entry("1", "@@depth 2\n@@reverse_depth 1\nx", "sun")), chat("a", "b", "sun"))
                .fired().get(0);
        assertThat(both.depth()).as("@@depth wins").isEqualTo(2);
    }

    @Test
    void positionNamesACharacterSlotAndBeatsADepth() {
        FiredEntry before = scan(book(entry("1", "@@position before_desc\n@@depth 2\nx", "sun").position(4)),
                chat("sun")).fired().get(0);
        assertThat(before.position()).isEqualTo(LorePosition.BEFORE_CHARACTER);
        for (String slot : List.of("after_desc", "personality", "scenario")) {
            FiredEntry after = scan(book(entry("1", "@@position " + slot + "\nx", "sun").position(0)), chat("sun"))
                    .fired().get(0);
            assertThat(after.position()).as(slot).isEqualTo(LorePosition.AFTER_CHARACTER);
        }
        FiredEntry unknown = scan(book(entry("1", "@@position nowhere\n@@@position before_desc\nx", "sun")),
                chat("sun")).fired().get(0);
        assertThat(unknown.position()).as("an unknown slot is ignored and its fallback used")
                .isEqualTo(LorePosition.BEFORE_CHARACTER);
    }

    @Test
    void ignoreOnMaxContextGivesWayWithoutEndingTheScan() {
        // budget 10: "big" (order 300, 8) fits; "wide" (order 200, 6) would overflow but gives way; "low" (2) fits
        LoreActivation a = scan(book(null, 10, null, entry("big", "cccccccc", "sun").order(300),
                entry("wide", "@@ignore_on_max_context\nbbbbbb", "sun").order(200),
                entry("low", "aa", "sun").order(100)), chat("sun"));
        assertThat(ids(a)).containsExactly("low", "big");
        assertThat(a.overflowed()).isFalse();
    }

    @Test
    void textPromptAndGreetingDecoratorsAreIgnoredSoTheirFallbacksApply() {
        for (String name : List.of("instruct_depth 1", "is_greeting 0", "is_user_icon me")) {
            FiredEntry f = scan(book(entry("1", "@@" + name + "\n@@@depth 1\nx", "sun")), chat("sun")).fired().get(0);
            assertThat(f.depth()).as(name).isEqualTo(1);
            assertThat(f.content()).isEqualTo("x");
        }
    }

    @Test
    void badValuesAreIgnored() {
        assertThat(turns("c", book(entry("1", "@@activate_only_every 0\n@@activate_only_after x\nx", "sun")), "sun",
                "sun")).containsExactly(List.of("1"), List.of("1"));
    }
}
