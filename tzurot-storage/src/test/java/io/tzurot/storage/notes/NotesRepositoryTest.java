package io.tzurot.storage.notes;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.conversation.HistoryMessage;
import io.tzurot.core.conversation.HistoryRole;
import io.tzurot.core.notes.AuthorsNote;
import io.tzurot.core.notes.NoteRole;
import io.tzurot.core.notes.NoteScope;
import io.tzurot.core.notes.UserPrompt;
import io.tzurot.storage.conversation.JdbiConversationHistoryRepository;
import io.tzurot.storage.db.Dialect;
import io.tzurot.storage.memory.TestRows;
import io.tzurot.storage.portability.JdbiUserErasure;
import io.tzurot.storage.testing.DatabaseContract;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class NotesRepositoryTest {

    @Nested
    class OnH2 extends Contract {
        OnH2() {
            super(Dialect.H2);
        }
    }

    @Nested
    class OnPostgres extends Contract {
        OnPostgres() {
            super(Dialect.POSTGRESQL);
        }
    }

    abstract static class Contract extends DatabaseContract {

        private static final Instant T1 = Instant.parse("2026-12-06T12:00:00Z");
        private static final Instant T2 = Instant.parse("2026-12-06T13:00:00Z");

        Contract(Dialect dialect) {
            super(dialect);
        }

        private record Rows(UUID user, UUID persona, UUID personality, UUID other) {
        }

        private Rows rows() {
            TestRows.Owner owner = TestRows.owner(database(), "u" + UUID.randomUUID(), "Ari", null);
            return new Rows(owner.userId(), owner.personaId(), TestRows.personality(database(), owner.userId(), "Ada", null),
                    TestRows.personality(database(), owner.userId(), "Bea", null));
        }

        private static String channel() {
            return Long.toString(1_000_000_000L + (long) (Math.random() * 1e9));
        }

        @Test
        void savesReplacesFindsAndDeletesEachScope() {
            JdbiAuthorsNoteRepository repo = new JdbiAuthorsNoteRepository(database().jdbi());
            Rows r = rows();
            String channel = channel();
            List<NoteScope> scopes = List.of(new NoteScope.Character(r.personality), new NoteScope.Channel(channel),
                    new NoteScope.User(r.user, Optional.of(r.personality)), new NoteScope.User(r.user, Optional.empty()));
            for (NoteScope scope : scopes) {
                repo.save(new AuthorsNote(scope, "first " + scope.kind(), 4, NoteRole.SYSTEM, 1, T1), r.user);
            }
            repo.save(new AuthorsNote(scopes.get(1), "Speak in rhyme.", 2, NoteRole.USER, 3, T2), r.user);

            assertThat(repo.find(scopes.get(0)).orElseThrow().content()).isEqualTo("first character");
            AuthorsNote replaced = repo.find(scopes.get(1)).orElseThrow();
            assertThat(replaced).isEqualTo(new AuthorsNote(scopes.get(1), "Speak in rhyme.", 2, NoteRole.USER, 3, T2));
            assertThat(repo.find(scopes.get(2)).orElseThrow().scope()).isEqualTo(scopes.get(2));
            assertThat(repo.find(scopes.get(3)).orElseThrow().scope()).isEqualTo(scopes.get(3));
            assertThat(repo.find(new NoteScope.Character(r.other))).isEmpty();

            assertThat(repo.candidates(r.personality, List.of(channel), r.user)).extracting(n -> n.scope().key())
                    .containsExactlyInAnyOrderElementsOf(scopes.stream().map(NoteScope::key).toList());
            // another character sees only the channel's and the user's all-characters note
            assertThat(repo.candidates(r.other, List.of(channel), r.user)).extracting(n -> n.scope().kind())
                    .containsExactlyInAnyOrder("channel", "user");
            assertThat(repo.ofUser(r.user)).hasSize(2);
            assertThat(repo.channelsWithNotes().orElseThrow()).as("only channel notes name a channel")
                    .contains(channel).doesNotContain(r.personality.toString(), r.user.toString());

            assertThat(repo.delete(scopes.get(1))).isTrue();
            assertThat(repo.delete(scopes.get(1))).isFalse();
            assertThat(repo.find(scopes.get(1))).isEmpty();
            assertThat(repo.channelsWithNotes().orElseThrow()).doesNotContain(channel);
        }

        @Test
        void userPromptsForAllAndOneCharacter() {
            JdbiUserPromptRepository repo = new JdbiUserPromptRepository(database().jdbi());
            Rows r = rows();
            repo.save(new UserPrompt(r.user, Optional.of(r.personality), "Call me captain.", T1));
            repo.save(new UserPrompt(r.user, Optional.empty(), "Keep answers short.", T1));
            repo.save(new UserPrompt(r.user, Optional.of(r.personality), "Call me admiral.", T2));

            assertThat(repo.find(r.user, Optional.of(r.personality)).orElseThrow())
                    .isEqualTo(new UserPrompt(r.user, Optional.of(r.personality), "Call me admiral.", T2));
            assertThat(repo.forReply(r.user, r.personality)).extracting(UserPrompt::content)
                    .containsExactlyInAnyOrder("Call me admiral.", "Keep answers short.");
            assertThat(repo.forReply(r.user, r.other)).extracting(UserPrompt::content)
                    .containsExactly("Keep answers short.");
            assertThat(repo.ofUser(r.user)).extracting(UserPrompt::content)
                    .containsExactly("Keep answers short.", "Call me admiral.");
            assertThat(repo.delete(r.user, Optional.empty())).isTrue();
            assertThat(repo.delete(r.user, Optional.empty())).isFalse();
            assertThat(repo.ofUser(r.user)).hasSize(1);
        }

        @Test
        void erasingTheUserRemovesTheirNotesAndPromptsButNotOthers() {
            JdbiAuthorsNoteRepository notes = new JdbiAuthorsNoteRepository(database().jdbi());
            JdbiUserPromptRepository prompts = new JdbiUserPromptRepository(database().jdbi());
            Rows gone = rows();
            Rows stays = rows();
            for (Rows r : List.of(gone, stays)) {
                notes.save(new AuthorsNote(new NoteScope.User(r.user, Optional.of(stays.personality)), "n", 4,
                        NoteRole.SYSTEM, 1, T1), r.user);
                prompts.save(new UserPrompt(r.user, Optional.empty(), "p", T1));
            }
            new JdbiUserErasure(database()).erase(gone.user);

            assertThat(notes.ofUser(gone.user)).isEmpty();
            assertThat(prompts.ofUser(gone.user)).isEmpty();
            assertThat(notes.ofUser(stays.user)).hasSize(1);
            assertThat(prompts.ofUser(stays.user)).hasSize(1);
        }

        @Test
        void countsEveryonesLiveUserMessagesWithTheCharacterInTheChannel() {
            JdbiConversationHistoryRepository history = new JdbiConversationHistoryRepository(database());
            Rows r = rows();
            TestRows.Owner other = TestRows.owner(database(), "o" + UUID.randomUUID(), "Bo", null);
            String channel = channel();
            HistoryMessage mine = HistoryMessage.create(channel, null, r.personality, r.persona, HistoryRole.USER, "a", 1,
                    List.of(), "{}", T1);
            history.append(mine);
            history.append(HistoryMessage.create(channel, null, r.personality, other.personaId(), HistoryRole.USER, "b", 1,
                    List.of(), "{}", T1.plusSeconds(1)));
            history.append(HistoryMessage.create(channel, null, r.personality, r.persona, HistoryRole.ASSISTANT, "c", 1,
                    List.of(), "{}", T1.plusSeconds(2)));
            history.append(HistoryMessage.create(channel, null, r.other, r.persona, HistoryRole.USER, "d", 1,
                    List.of(), "{}", T1.plusSeconds(3)));

            assertThat(history.countUserMessages(channel, r.personality, UUID.randomUUID())).isEqualTo(2);
            assertThat(history.countUserMessages(channel, r.personality, mine.id())).isEqualTo(1);
            assertThat(history.countUserMessages(channel(), r.personality, UUID.randomUUID())).isZero();
        }
    }
}
