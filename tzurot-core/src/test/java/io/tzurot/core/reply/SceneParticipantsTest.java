package io.tzurot.core.reply;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.personality.Personality;
import io.tzurot.core.prompt.HistoryEntry;
import io.tzurot.core.prompt.Participant;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import java.util.function.Function;
import org.junit.jupiter.api.Test;

/** The other characters of a prompt's participants: those present in the channel's scene, then those in history. */
class SceneParticipantsTest {

    private static final Instant AT = Instant.parse("2026-12-01T00:00:00Z");
    private final Personality lilith = character("Lilith", "Lilith is a librarian. She keeps the old maps.");
    private final Personality bob = character("Bob", "Bob sails.");
    private final Personality cyd = character("Cyd", "Cyd was here once.");
    private final Map<UUID, Personality> byId = Map.of(lilith.id(), lilith, bob.id(), bob, cyd.id(), cyd);
    private final Function<UUID, Optional<Personality>> lookup = id -> Optional.ofNullable(byId.get(id));

    @Test
    void everyCharacterPresentIsListedBeforeItSpeaksButNeverTheOneAnswering() {
        // only Lilith has spoken; Bob, answering, sees both: Lilith present (and in history), nobody twice, not himself
        List<HistoryEntry> history = List.of(HistoryEntry.user("p1", "alice", AT, "hello all", OptionalInt.empty()),
                HistoryEntry.assistant(lilith.id().toString(), "Lilith", AT, "Welcome.", OptionalInt.empty()));
        List<Participant> others = PreparingTurn.otherCharacters(bob.id().toString(), List.of(lilith, bob), history,
                lookup, Function.identity());
        assertThat(others).extracting(Participant::personaId).containsExactly(lilith.id().toString());
        assertThat(others.get(0).character()).isTrue();
        assertThat(others.get(0).about()).isEqualTo("Lilith is a librarian. She keeps the old maps.");

        // Lilith, answering first in a new scene, already knows Bob is there though he never spoke
        List<Participant> forLilith = PreparingTurn.otherCharacters(lilith.id().toString(), List.of(lilith, bob),
                List.of(), lookup, Function.identity());
        assertThat(forLilith).extracting(Participant::name).containsExactly("Bob");
        assertThat(forLilith.get(0).about()).isEqualTo("Bob sails.");
    }

    @Test
    void charactersSeenOnlyInHistoryFollowThosePresent() {
        List<HistoryEntry> history = List.of(
                HistoryEntry.assistant(cyd.id().toString(), "Cyd", AT, "Bye.", OptionalInt.empty()),
                HistoryEntry.assistant(bob.id().toString(), "Bob", AT, "Ahoy.", OptionalInt.empty()));
        List<Participant> others = PreparingTurn.otherCharacters(lilith.id().toString(), List.of(bob, lilith),
                history, lookup, Function.identity());
        assertThat(others).extracting(Participant::name).containsExactly("Bob", "Cyd");
        assertThat(others).allMatch(Participant::character);
        // without a scene only the history counts, as before
        assertThat(PreparingTurn.otherCharacters(lilith.id().toString(), List.of(), List.of(), lookup,
                Function.identity())).isEmpty();
    }

    private static Personality character(String name, String info) {
        return new Personality(UUID.randomUUID(), name, null, name.toLowerCase(), null, UUID.randomUUID(), info, "", "",
                "", "", "", "", "", "", null, true, AT, AT);
    }
}
