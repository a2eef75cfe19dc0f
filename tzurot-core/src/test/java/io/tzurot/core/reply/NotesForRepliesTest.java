package io.tzurot.core.reply;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.lorebook.activation.FiredEntry;
import io.tzurot.core.lorebook.activation.LoreActivation;
import io.tzurot.core.lorebook.activation.LorePosition;
import io.tzurot.core.lorebook.activation.LoreRole;
import io.tzurot.core.lorebook.activation.LoreTiming;
import io.tzurot.core.notes.AuthorsNote;
import io.tzurot.core.notes.NoteRole;
import io.tzurot.core.notes.NoteScope;
import io.tzurot.core.prompt.PromptNotes;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/** Which author's note a reply uses, when it is due, and the lore that goes around it. */
class NotesForRepliesTest {

    private static final UUID CHARACTER = UUID.randomUUID();
    private static final UUID USER = UUID.randomUUID();
    private static final Instant AT = Instant.parse("2026-12-06T12:00:00Z");

    private static AuthorsNote note(NoteScope scope) {
        return new AuthorsNote(scope, scope.key(), 4, NoteRole.SYSTEM, 1, AT);
    }

    private static Optional<String> chosen(List<AuthorsNote> notes) {
        return NotesForReplies.choose(notes, CHARACTER, "thread", Optional.of("parent"), USER).map(AuthorsNote::content);
    }

    @Test
    void theMostSpecificNoteWins() {
        List<AuthorsNote> all = new ArrayList<>(List.of(note(new NoteScope.Character(CHARACTER)),
                note(new NoteScope.Channel("parent")), note(new NoteScope.Channel("thread")),
                note(new NoteScope.User(USER, Optional.empty())),
                note(new NoteScope.User(USER, Optional.of(CHARACTER)))));
        List<String> picked = new ArrayList<>();
        while (!all.isEmpty()) {
            String key = chosen(all).orElseThrow();
            picked.add(key);
            all.removeIf(n -> n.content().equals(key));
        }
        assertThat(picked).containsExactly("user:" + USER + ":" + CHARACTER, "user:" + USER + ":*", "channel:thread",
                "channel:parent", "character:" + CHARACTER);
    }

    @Test
    void notesOfOtherCharactersUsersOrChannelsAreNeverChosen() {
        assertThat(chosen(List.of(note(new NoteScope.Character(UUID.randomUUID())),
                note(new NoteScope.Channel("elsewhere")), note(new NoteScope.User(UUID.randomUUID(), Optional.empty())),
                note(new NoteScope.User(USER, Optional.of(UUID.randomUUID())))))).isEmpty();
    }

    @Test
    void frequencyCountsUserMessagesLikeSillyTavern() {
        assertThat(List.of(1L, 2L, 3L, 4L, 5L, 6L).stream().map(u -> AuthorsNote.due(3, u)).toList())
                .containsExactly(false, false, true, false, false, true);
        assertThat(AuthorsNote.due(1, 0)).isTrue();
        assertThat(AuthorsNote.due(1, 7)).isTrue();
        assertThat(AuthorsNote.due(0, 3)).isFalse();
        assertThat(AuthorsNote.due(2, 0)).isFalse();
    }

    private static FiredEntry fired(String content, LorePosition position) {
        return new FiredEntry("b/" + content, content, content, content, FiredEntry.Reason.CONSTANT, null, position, 4,
                LoreRole.SYSTEM, 100, 1, 0);
    }

    @Test
    void loreAtTheAuthorsNoteGoesWithTheNoteOnlyWhenTheNoteIsDue() {
        LoreActivation activation = new LoreActivation(List.of(fired("top", LorePosition.AUTHORS_NOTE_TOP),
                fired("bottom", LorePosition.AUTHORS_NOTE_BOTTOM), fired("before", LorePosition.BEFORE_CHARACTER)),
                100, 3, false, 1, LoreTiming.START);
        PromptNotes due = new PromptNotes(Optional.of(new PromptNotes.AuthorsNoteInsert("note", 2, "user", "channel",
                List.of(), List.of())), List.of());
        PromptNotes.AuthorsNoteInsert placed = NotesForReplies.withLore(due, activation).authorsNote().orElseThrow();
        assertThat(placed.loreTop()).containsExactly("top");
        assertThat(placed.loreBottom()).containsExactly("bottom");
        assertThat(placed.text()).isEqualTo("note");
        assertThat(placed.depth()).isEqualTo(2);
        // not due this turn: the lore positioned at the note is left out with it
        assertThat(NotesForReplies.withLore(PromptNotes.NONE, activation).authorsNote()).isEmpty();
        // and the lore's other positions are not the note's business
        assertThat(PreparingTurn.lore(activation).beforeCharacter()).containsExactly("before");
        assertThat(PreparingTurn.lore(activation).atDepth()).isEmpty();
    }
}
