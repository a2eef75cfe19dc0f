package io.tzurot.core.lorebook.activation;

import static io.tzurot.core.lorebook.activation.LoreFixtures.book;
import static io.tzurot.core.lorebook.activation.LoreFixtures.chat;
import static io.tzurot.core.lorebook.activation.LoreFixtures.entry;
import static io.tzurot.core.lorebook.activation.LoreFixtures.ids;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** cards.md §9 step 9: sticky, cooldown and delay, counted in turns of one channel. */
class TimedEffectsTest {

    private final LoreTimingStore store = new InMemoryLoreTimingStore();

    /** Runs one turn per text in {@code channel}; which entries fired on each. */
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
    void aStickyEntryStaysForItsTurnsWithoutItsKey() {
        LoreBook b = book(entry("1", "x", "dragon").sticky(2));
        assertThat(turns("c", b, "a dragon", "hello", "hello", "hello"))
                .containsExactly(List.of("1"), List.of("1"), List.of("1"), List.of());
        LoreActivation fromSticky = LoreFixtures.scan(b, chat("hello"), LoreSettings.DEFAULTS,
                LoreFixtures.scan(b, chat("dragon"), LoreSettings.DEFAULTS, LoreTiming.START, () -> 0).timing(), () -> 0);
        assertThat(fromSticky.fired().get(0).reason()).isEqualTo(FiredEntry.Reason.STICKY);
    }

    @Test
    void cooldownBlocksTheEntryAfterItFiredOrAfterItsStickyEnds() {
        LoreBook cool = book(entry("1", "x", "dragon").cooldown(2));
        assertThat(turns("a", cool, "dragon", "dragon", "dragon", "dragon"))
                .containsExactly(List.of("1"), List.of(), List.of(), List.of("1"));
        LoreBook both = book(entry("1", "x", "dragon").sticky(1).cooldown(1));
        assertThat(turns("b", both, "dragon", "dragon", "dragon", "dragon"))
                .containsExactly(List.of("1"), List.of("1"), List.of(), List.of("1"));
    }

    @Test
    void delayKeepsAnEntryOutOfTheFirstTurnsOfAChannel() {
        LoreBook b = book(entry("1", "x", "dragon").delay(2));
        assertThat(turns("c", b, "dragon", "dragon", "dragon")).containsExactly(List.of(), List.of(), List.of("1"));
    }

    @Test
    void stateIsKeptPerChannel() {
        LoreBook b = book(entry("1", "x", "dragon").sticky(3));
        turns("one", b, "dragon");
        assertThat(turns("two", b, "hello")).containsExactly(List.of());
        assertThat(turns("one", b, "hello")).containsExactly(List.of("1"));
    }

    @Test
    void anEditedEntryStartsAfresh() {
        turns("c", book(entry("1", "old text", "dragon").sticky(3)), "dragon");
        assertThat(turns("c", book(entry("1", "new text", "dragon").sticky(3)), "hello")).containsExactly(List.of());
    }

    @Test
    void spentEffectsAreDroppedFromTheState() {
        turns("c", book(entry("1", "x", "dragon").sticky(1)), "dragon", "hi", "hi");
        assertThat(store.load("c").effects()).isEmpty();
        assertThat(store.load("c").turn()).isEqualTo(3);
    }
}
