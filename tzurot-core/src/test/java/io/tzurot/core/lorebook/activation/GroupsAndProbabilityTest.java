package io.tzurot.core.lorebook.activation;

import static io.tzurot.core.lorebook.activation.LoreFixtures.book;
import static io.tzurot.core.lorebook.activation.LoreFixtures.chat;
import static io.tzurot.core.lorebook.activation.LoreFixtures.dice;
import static io.tzurot.core.lorebook.activation.LoreFixtures.entry;
import static io.tzurot.core.lorebook.activation.LoreFixtures.ids;
import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.function.DoubleSupplier;
import org.junit.jupiter.api.Test;

/** cards.md §9 steps 5 and 6: inclusion groups and probability. */
class GroupsAndProbabilityTest {

    private static LoreActivation scan(LoreBook b, String text, DoubleSupplier dice) {
        return LoreFixtures.scan(b, chat(text), LoreSettings.DEFAULTS, LoreTiming.START, dice);
    }

    @Test
    void probabilityRollsDecide() {
        LoreBook b = book(entry("1", "x", "dragon").probability(30));
        assertThat(ids(scan(b, "dragon", dice(0.29)))).containsExactly("1");
        assertThat(ids(scan(b, "dragon", dice(0.30)))).isEmpty();
        assertThat(ids(scan(book(entry("1", "x", "dragon").probability(0)), "dragon", dice(0.0)))).isEmpty();
        assertThat(ids(scan(book(entry("1", "x", "dragon")), "dragon", dice()))).as("100 % never rolls")
                .containsExactly("1");
    }

    @Test
    void aFailedRollIsNotRetriedByRecursionInTheSameReply() {
        LoreBook b = book(entry("1", "x", "dragon").probability(50), entry("2", "dragon", "king"));
        // pass 0: entry 2 fires by "king", entry 1 fails its roll; pass 1 sees "dragon" again but does not roll twice
        assertThat(ids(scan(b, "dragon king", dice(0.9)))).containsExactly("2");
    }

    @Test
    void aStickyEntrySkipsItsRoll() {
        LoreBook b = book(entry("1", "x", "dragon").probability(50).sticky(2));
        LoreTiming after = LoreFixtures.scan(b, chat("dragon"), LoreSettings.DEFAULTS, LoreTiming.START, dice(0.1))
                .timing();
        assertThat(ids(LoreFixtures.scan(b, chat("hi"), LoreSettings.DEFAULTS, after, dice()))).containsExactly("1");
    }

    @Test
    void onlyOneMemberOfAGroupFiresByWeightedDraw() {
        LoreBook b = book(entry("a", "x", "sun").group("weather").groupWeight(25),
                entry("b", "x", "sun").group("weather").groupWeight(75), entry("c", "x", "sun"));
        assertThat(ids(scan(b, "sun", dice(0.2)))).containsExactlyInAnyOrder("a", "c");
        assertThat(ids(scan(b, "sun", dice(0.3)))).containsExactlyInAnyOrder("b", "c");
    }

    @Test
    void anOverrideMemberWithTheHighestOrderWinsWithoutADraw() {
        LoreBook b = book(entry("a", "x", "sun").group("w").groupOverride().order(10),
                entry("b", "x", "sun").group("w").groupOverride().order(20), entry("c", "x", "sun").group("w").order(99));
        assertThat(ids(scan(b, "sun", dice()))).containsExactly("b");
    }

    @Test
    void groupScoringKeepsTheMembersMatchingMostKeys() {
        LoreBook b = book(entry("one", "x", "sun", "moon").group("w").groupScoring(),
                entry("two", "x", "sun", "rain").group("w").groupScoring());
        assertThat(ids(scan(b, "sun and rain", dice()))).containsExactly("two");
    }

    @Test
    void aMemberOfSeveralGroupsAnswersToEach() {
        LoreBook b = book(entry("a", "x", "sun").group("w, light").groupOverride(), entry("b", "x", "sun").group("w"),
                entry("c", "x", "sun").group("light"));
        assertThat(ids(scan(b, "sun", dice()))).containsExactly("a");
    }

    @Test
    void aGroupThatFiredInAnEarlierPassTakesNoMoreMembers() {
        LoreBook b = book(entry("a", "the moon rises", "sun").group("w"), entry("b", "x", "moon").group("w"));
        assertThat(ids(scan(b, "sun", dice()))).containsExactly("a");
    }

    @Test
    void stickyMembersHoldTheirGroup() {
        LoreBook b = book(entry("a", "x", "sun").group("w").sticky(2).order(1), entry("b", "x", "moon").group("w"));
        LoreTiming after = LoreFixtures.scan(b, chat("sun"), LoreSettings.DEFAULTS, LoreTiming.START, dice())
                .timing();
        assertThat(ids(LoreFixtures.scan(b, chat("moon"), LoreSettings.DEFAULTS, after, dice())))
                .isEqualTo(List.of("a"));
    }
}
