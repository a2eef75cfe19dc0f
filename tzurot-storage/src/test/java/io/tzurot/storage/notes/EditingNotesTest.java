package io.tzurot.storage.notes;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tzurot.core.access.Actor;
import io.tzurot.core.channel.ChannelCaller;
import io.tzurot.core.failure.DomainError;
import io.tzurot.core.failure.DomainException;
import io.tzurot.core.notes.AuthorsNote;
import io.tzurot.core.notes.EditingAuthorsNotes;
import io.tzurot.core.notes.EditingUserPrompts;
import io.tzurot.core.notes.NoteInput;
import io.tzurot.core.notes.NoteLimits;
import io.tzurot.core.notes.NoteOwner;
import io.tzurot.core.notes.NoteRole;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.personality.ViewingPersonalities;
import io.tzurot.core.prompt.TokenCounter;
import io.tzurot.core.user.User;
import io.tzurot.storage.db.Dialect;
import io.tzurot.storage.personality.JdbiPersonalityRepository;
import io.tzurot.storage.testing.DatabaseContract;
import io.tzurot.storage.user.Fixtures;
import io.tzurot.testkit.MutableClock;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** Who may set which author's note and user prompt, and what a valid one is, on real databases. */
class EditingNotesTest {

    @Nested
    class OnH2 extends Matrix {
        OnH2() {
            super(Dialect.H2);
        }
    }

    @Nested
    class OnPostgres extends Matrix {
        OnPostgres() {
            super(Dialect.POSTGRESQL);
        }
    }

    abstract static class Matrix extends DatabaseContract {
        /** One token per word, so limits are easy to reach. */
        private static final TokenCounter WORDS = text -> text == null || text.isBlank() ? 0
                : text.strip().split("\\s+").length;
        private final MutableClock clock = MutableClock.startingAt("2026-07-01T00:00:00Z");
        private EditingAuthorsNotes notes;
        private EditingUserPrompts prompts;
        private Fixtures fixtures;

        Matrix(Dialect dialect) {
            super(dialect);
        }

        @BeforeAll
        void wire() {
            JdbiPersonalityRepository personalities = new JdbiPersonalityRepository(database().jdbi(), clock);
            ViewingPersonalities viewing = new ViewingPersonalities(personalities);
            notes = new EditingAuthorsNotes(new JdbiAuthorsNoteRepository(database().jdbi()), viewing, WORDS, clock);
            prompts = new EditingUserPrompts(new JdbiUserPromptRepository(database().jdbi()), viewing, personalities,
                    WORDS, clock);
            fixtures = new Fixtures(database().jdbi(), clock);
        }

        private static Actor actor(User u) {
            return new Actor(u.id(), u.discordId(), u.superuser());
        }

        private static DomainError error(Runnable call) {
            return catchThrowableOfType(DomainException.class, call::run).error();
        }

        @Test
        void characterNotesAreForWhoeverMayEditTheCharacter() {
            User owner = fixtures.user("an-owner");
            User other = fixtures.user("an-other");
            User boss = fixtures.botOwner("an-boss");
            Personality p = fixtures.personality(owner, "an-public-" + Fixtures.snowflake().substring(0, 6), "Pub", true);
            NoteOwner.Character mine = new NoteOwner.Character(actor(owner), p.slug());

            EditingAuthorsNotes.Shown set = notes.set(mine, new NoteInput("Speak softly.", null, null, null));
            assertThat(set.note().depth()).isEqualTo(AuthorsNote.DEFAULT_DEPTH);
            assertThat(set.note().role()).isEqualTo(NoteRole.SYSTEM);
            assertThat(set.note().frequency()).isEqualTo(1);
            assertThat(set.tokens()).isEqualTo(2);
            assertThat(error(() -> notes.set(new NoteOwner.Character(actor(other), p.slug()),
                    new NoteInput("mine now", null, null, null)))).isInstanceOf(DomainError.Forbidden.class);
            assertThat(error(() -> notes.show(new NoteOwner.Character(actor(other), p.slug()))))
                    .isInstanceOf(DomainError.Forbidden.class);
            // a change of one field keeps the others
            notes.set(new NoteOwner.Character(actor(boss), p.slug()), new NoteInput(null, 2, "assistant", 3));
            AuthorsNote changed = notes.show(mine).orElseThrow().note();
            assertThat(changed.content()).isEqualTo("Speak softly.");
            assertThat(changed.depth()).isEqualTo(2);
            assertThat(changed.role()).isEqualTo(NoteRole.ASSISTANT);
            assertThat(changed.frequency()).isEqualTo(3);
            assertThat(notes.clear(mine)).isTrue();
            assertThat(notes.show(mine)).isEmpty();
            assertThat(notes.clear(mine)).isFalse();
        }

        @Test
        void channelNotesAreForTheChannelsManagersAndTheBotOwnerOutsideDiscord() {
            User member = fixtures.user("ch-member");
            User boss = fixtures.botOwner("ch-boss");
            String channel = Fixtures.snowflake();
            ChannelCaller plain = new ChannelCaller(actor(member), channel, "g1", false, false);
            ChannelCaller manager = new ChannelCaller(actor(member), channel, "g1", true, false);
            ChannelCaller dm = new ChannelCaller(actor(member), channel, null, true, true);
            NoteInput input = new NoteInput("Everyone is at sea.", 1, "user", 0);

            assertThat(error(() -> notes.set(new NoteOwner.Channel(plain), input))).isInstanceOf(DomainError.Forbidden.class);
            assertThat(error(() -> notes.set(new NoteOwner.Channel(dm), input))).isInstanceOf(DomainError.Forbidden.class);
            notes.set(new NoteOwner.Channel(manager), input);
            assertThat(notes.show(new NoteOwner.ChannelAsOperator(actor(boss), channel)).orElseThrow().note().content())
                    .isEqualTo("Everyone is at sea.");
            assertThat(error(() -> notes.show(new NoteOwner.ChannelAsOperator(actor(member), channel))))
                    .isInstanceOf(DomainError.Forbidden.class);
            assertThat(error(() -> notes.show(new NoteOwner.ChannelAsOperator(actor(boss), "not-a-channel"))))
                    .isInstanceOf(DomainError.InvalidField.class);
        }

        @Test
        void ownNotesForACharacterOneMaySeeOrForAll() {
            User owner = fixtures.user("own-owner");
            User me = fixtures.user("own-me");
            Personality hidden = fixtures.personality(owner, "own-private-" + Fixtures.snowflake().substring(0, 6),
                    "Hid", false);
            Personality pub = fixtures.personality(owner, "own-public-" + Fixtures.snowflake().substring(0, 6), "Pub",
                    true);
            notes.set(new NoteOwner.Mine(actor(me), Optional.of(pub.slug())), new NoteInput("for one", null, null, null));
            notes.set(new NoteOwner.Mine(actor(me), Optional.empty()), new NoteInput("for all", null, null, null));
            assertThat(notes.show(new NoteOwner.Mine(actor(me), Optional.of(pub.slug()))).orElseThrow().note().content())
                    .isEqualTo("for one");
            assertThat(notes.show(new NoteOwner.Mine(actor(me), Optional.empty())).orElseThrow().slug()).isEmpty();
            assertThat(error(() -> notes.set(new NoteOwner.Mine(actor(me), Optional.of(hidden.slug())),
                    new NoteInput("x", null, null, null)))).isInstanceOf(DomainError.NotFound.class);
            // someone else's own note is theirs: mine stays unseen by the owner of the character
            assertThat(notes.show(new NoteOwner.Mine(actor(owner), Optional.of(pub.slug())))).isEmpty();
        }

        @Test
        void invalidValuesAreRefusedAndNothingIsSaved() {
            User me = fixtures.user("inv-me");
            NoteOwner.Mine mine = new NoteOwner.Mine(actor(me), Optional.empty());
            assertThat(error(() -> notes.set(mine, new NoteInput("  ", null, null, null))).field()).isEqualTo("content");
            assertThat(error(() -> notes.set(mine, new NoteInput("ok", -1, null, null))).field()).isEqualTo("depth");
            assertThat(error(() -> notes.set(mine, new NoteInput("ok", NoteLimits.MAX_DEPTH + 1, null, null))).field())
                    .isEqualTo("depth");
            assertThat(error(() -> notes.set(mine, new NoteInput("ok", null, "narrator", null))).field())
                    .isEqualTo("role");
            assertThat(error(() -> notes.set(mine, new NoteInput("ok", null, null, -2))).field()).isEqualTo("frequency");
            String tooLong = "word ".repeat(NoteLimits.MAX_NOTE_TOKENS + 1);
            DomainError limit = error(() -> notes.set(mine, new NoteInput(tooLong, null, null, null)));
            assertThat(limit.field()).isEqualTo("content");
            assertThat(limit.message()).contains((NoteLimits.MAX_NOTE_TOKENS + 1) + " tokens", "at most "
                    + NoteLimits.MAX_NOTE_TOKENS);
            assertThat(notes.show(mine)).isEmpty();
            // exactly at the limit is fine
            notes.set(mine, new NoteInput("word ".repeat(NoteLimits.MAX_NOTE_TOKENS), null, null, null));
        }

        @Test
        void userPromptsAreTheUsersOwnWithATokenLimitCheckedAtSaveTime() {
            User owner = fixtures.user("up-owner");
            User me = fixtures.user("up-me");
            Personality pub = fixtures.personality(owner, "up-public-" + Fixtures.snowflake().substring(0, 6), "Pub",
                    true);
            prompts.set(actor(me), Optional.empty(), "Keep answers short.");
            EditingUserPrompts.Shown one = prompts.set(actor(me), Optional.of(pub.slug()), "Call me captain.");
            assertThat(one.slug()).contains(pub.slug());
            assertThat(one.tokens()).isEqualTo(3);
            assertThat(prompts.mine(actor(me))).extracting(EditingUserPrompts.Shown::slug)
                    .containsExactly(Optional.empty(), Optional.of(pub.slug()));
            assertThat(prompts.mine(actor(owner))).isEmpty();
            DomainError limit = error(() -> prompts.set(actor(me), Optional.empty(),
                    "w ".repeat(NoteLimits.MAX_USER_PROMPT_TOKENS + 1)));
            assertThat(limit).isInstanceOf(DomainError.InvalidField.class);
            assertThat(limit.message()).contains("tokens");
            // the refused text did not replace the stored one
            assertThat(prompts.show(actor(me), Optional.empty()).orElseThrow().prompt().content())
                    .isEqualTo("Keep answers short.");
            assertThat(prompts.clear(actor(me), Optional.empty())).isTrue();
            assertThat(prompts.clear(actor(me), Optional.empty())).isFalse();
            assertThat(prompts.show(actor(me), Optional.empty())).isEmpty();
        }
    }
}
