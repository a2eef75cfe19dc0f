package io.tzurot.core.channel;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.personality.Personality;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.Collection;
import java.util.Deque;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.random.RandomGenerator;
import org.junit.jupiter.api.Test;

class ChoosingSpeakersTest {

    private final Personality ada = character("Ada");
    private final Personality bob = character("Bob");
    private final Personality cyd = character("Cyd");
    private final Map<UUID, Integer> weights = new HashMap<>();
    private SceneLimits limits = SceneLimits.DEFAULTS;

    /** Answers nextInt(bound) from a script (each value taken modulo the bound). */
    private static final class Script implements RandomGenerator {
        final Deque<Integer> values = new ArrayDeque<>();

        Script(Integer... values) {
            this.values.addAll(List.of(values));
        }

        @Override
        public int nextInt(int bound) {
            return values.isEmpty() ? 0 : Math.floorMod(values.poll(), bound);
        }

        @Override
        public long nextLong() {
            throw new AssertionError("only nextInt(bound) is used");
        }
    }

    private final SceneSettingsRepository settings = new SceneSettingsRepository() {
        @Override
        public SceneLimits limits() {
            return limits;
        }

        @Override
        public SceneLimits setLimits(SceneLimits changed, UUID changedBy) {
            limits = changed;
            return changed;
        }

        @Override
        public Map<UUID, Integer> talkativeness(Collection<UUID> ids) {
            Map<UUID, Integer> out = new HashMap<>();
            ids.forEach(id -> out.put(id, weights.getOrDefault(id, DEFAULT_TALKATIVENESS)));
            return out;
        }

        @Override
        public void setTalkativeness(UUID id, int weight) {
            weights.put(id, weight);
        }
    };

    @Test
    void naturalPutsTheNamedFirstInTheOrderNamedThenRollsTheOthers() {
        weights.put(ada.id(), 0);
        // the only other (Ada) is shuffled trivially and rolls 99, over her talkativeness of 0
        ChoosingSpeakers choosing = new ChoosingSpeakers(settings, new Script(99));
        assertThat(choosing.choose(SpeakerStrategy.NATURAL, List.of(ada, bob, cyd), "cyd and BOB, what now?"))
                .containsExactly(cyd, bob);
        // a name inside another word does not count
        assertThat(ChoosingSpeakers.namedAt(bob, "bobby is here")).isEmpty();
        assertThat(ChoosingSpeakers.namedAt(bob, "hi, Bob!")).hasValue(4);
    }

    @Test
    void naturalShufflesTheOthersAndEachSpeaksUpByItsTalkativeness() {
        weights.put(ada.id(), 80);
        weights.put(bob.id(), 30);
        weights.put(cyd.id(), 50);
        // shuffle of [ada, bob, cyd]: i=2 swaps with 0 -> [cyd, bob, ada]; i=1 with 1 -> unchanged;
        // then rolls: cyd 49 < 50 speaks, bob 30 >= 30 stays silent, ada 10 < 80 speaks
        ChoosingSpeakers choosing = new ChoosingSpeakers(settings, new Script(0, 1, 49, 30, 10));
        assertThat(choosing.choose(SpeakerStrategy.NATURAL, List.of(ada, bob, cyd), "hello")).containsExactly(cyd, ada);
    }

    @Test
    void whenNobodySpeaksUpOneIsPickedByTalkativenessAndSilenceByChoiceIsKept() {
        weights.put(ada.id(), 10);
        weights.put(bob.id(), 90);
        // no swap moves anyone; both rolls fail; the weighted pick 50 of 100 lands on Bob (Ada covers 0-9)
        ChoosingSpeakers choosing = new ChoosingSpeakers(settings, new Script(1, 99, 99, 50));
        assertThat(choosing.choose(SpeakerStrategy.NATURAL, List.of(ada, bob), "hello")).containsExactly(bob);

        weights.put(ada.id(), 0);
        weights.put(bob.id(), 0);
        assertThat(new ChoosingSpeakers(settings, new Script()).choose(SpeakerStrategy.NATURAL, List.of(ada, bob),
                "hello")).isEmpty();
    }

    @Test
    void listRandomAndManualAndTheReplyLimit() {
        limits = new SceneLimits(5, 2);
        ChoosingSpeakers choosing = new ChoosingSpeakers(settings, new Script(2));
        assertThat(choosing.choose(SpeakerStrategy.LIST, List.of(ada, bob, cyd), "hi")).containsExactly(ada, bob);
        assertThat(choosing.choose(SpeakerStrategy.RANDOM, List.of(ada, bob, cyd), "hi")).containsExactly(cyd);
        assertThat(choosing.choose(SpeakerStrategy.MANUAL, List.of(ada, bob, cyd), "Ada?")).isEmpty();
        assertThat(choosing.choose(SpeakerStrategy.LIST, List.of(), "hi")).isEmpty();
        weights.put(ada.id(), 100);
        weights.put(bob.id(), 100);
        weights.put(cyd.id(), 100);
        assertThat(choosing.choose(SpeakerStrategy.NATURAL, List.of(ada, bob, cyd), "hi")).hasSize(2);
    }

    @Test
    void aChainedTurnGoesToAnotherCharacterNeverTheOneWhoJustSpoke() {
        ChoosingSpeakers choosing = new ChoosingSpeakers(settings, new Script(0, 0, 0));
        List<Personality> scene = List.of(ada, bob, cyd);
        // list: the next one in activation order, round the end
        assertThat(choosing.next(SpeakerStrategy.LIST, scene, ada, "x")).contains(bob);
        assertThat(choosing.next(SpeakerStrategy.LIST, scene, cyd, "x")).contains(ada);
        assertThat(choosing.next(SpeakerStrategy.LIST, List.of(ada, bob), bob, "Bob again")).contains(ada);
        // natural: a character the post names comes first, but never the one who posted it
        weights.put(ada.id(), 0);
        weights.put(bob.id(), 0);
        weights.put(cyd.id(), 0);
        assertThat(choosing.next(SpeakerStrategy.NATURAL, scene, bob, "Bob thinks Cyd knows")).contains(cyd);
        assertThat(choosing.next(SpeakerStrategy.NATURAL, scene, bob, "Bob alone")).isEmpty();
        // random: any other (the script picks the first of the others)
        assertThat(choosing.next(SpeakerStrategy.RANDOM, scene, ada, "x")).contains(bob);
        assertThat(choosing.next(SpeakerStrategy.MANUAL, scene, ada, "Bob?")).isEmpty();
        assertThat(choosing.next(SpeakerStrategy.LIST, List.of(ada), ada, "x")).isEmpty();
    }

    @Test
    void theLoopGuardAllowsTurnsOneToM() {
        assertThat(SceneLimits.DEFAULTS.allowsChainTurn(1)).isFalse();
        SceneLimits two = new SceneLimits(5, 3, 2);
        assertThat(two.allowsChainTurn(0)).isFalse();
        assertThat(two.allowsChainTurn(1)).isTrue();
        assertThat(two.allowsChainTurn(2)).isTrue();
        assertThat(two.allowsChainTurn(3)).isFalse();
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SceneLimits(5, 3, SceneLimits.MAX_CHAIN + 1))
                .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("maxChain");
        org.assertj.core.api.Assertions.assertThatThrownBy(() -> new SceneLimits(5, 3, -1))
                .isInstanceOf(IllegalArgumentException.class);
    }

    private static Personality character(String name) {
        Instant at = Instant.parse("2026-12-01T00:00:00Z");
        return new Personality(UUID.randomUUID(), name, null, name.toLowerCase(), null, UUID.randomUUID(), "", "", "",
                "", "", "", "", "", "", null, true, at, at);
    }
}
