package io.tzurot.storage.lorebook;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.tzurot.core.access.Actor;
import io.tzurot.core.channel.ChannelCaller;
import io.tzurot.core.failure.DomainError;
import io.tzurot.core.failure.DomainException;
import io.tzurot.core.lorebook.AttachingLorebooks;
import io.tzurot.core.lorebook.LoreTarget;
import io.tzurot.core.lorebook.Lorebook;
import io.tzurot.core.lorebook.LorebookContent;
import io.tzurot.core.lorebook.LorebookSummary;
import io.tzurot.core.user.User;
import io.tzurot.storage.db.Dialect;
import io.tzurot.storage.persona.JdbiPersonaRepository;
import io.tzurot.storage.testing.DatabaseContract;
import io.tzurot.storage.user.Fixtures;
import io.tzurot.testkit.MutableClock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The permission matrix of attaching lorebooks to personas, channels and everything, on real databases. */
class AttachingLorebooksTest {

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
        private final MutableClock clock = MutableClock.startingAt("2026-07-01T00:00:00Z");
        private JdbiLorebookRepository books;
        private AttachingLorebooks attaching;
        private Fixtures fixtures;

        Matrix(Dialect dialect) {
            super(dialect);
        }

        @BeforeAll
        void wire() {
            books = new JdbiLorebookRepository(database().jdbi(), clock);
            attaching = new AttachingLorebooks(books, new JdbiPersonaRepository(database().jdbi(), clock));
            fixtures = new Fixtures(database().jdbi(), clock);
        }

        private Lorebook book(User owner, String name) {
            return books.create(owner.id(), new LorebookContent(name, null, null, null, null, null, null, List.of()));
        }

        private static Actor actor(User u) {
            return new Actor(u.id(), u.discordId(), u.superuser());
        }

        private static DomainError error(Runnable call) {
            return catchThrowableOfType(DomainException.class, call::run).error();
        }

        private static List<String> names(List<LorebookSummary> list) {
            return list.stream().map(LorebookSummary::name).toList();
        }

        @Test
        void personaBooks() {
            User owner = fixtures.user("pa-owner");
            User other = fixtures.user("pa-other");
            User boss = fixtures.botOwner("pa-boss");
            Lorebook mine = book(owner, "Mine");
            Lorebook theirs = book(other, "Theirs");
            UUID persona = owner.defaultPersonaId();

            attaching.attachToPersona(actor(owner), mine.id(), persona);
            assertThat(names(attaching.onPersona(actor(owner), persona))).containsExactly("Mine");
            assertThat(error(() -> attaching.attachToPersona(actor(owner), theirs.id(), persona)))
                    .as("another's book").isInstanceOf(DomainError.NotFound.class);
            assertThat(error(() -> attaching.attachToPersona(actor(other), theirs.id(), persona)))
                    .as("another's persona").isInstanceOf(DomainError.NotFound.class);
            assertThat(error(() -> attaching.onPersona(actor(boss), persona)))
                    .as("personas stay personal, for the bot owner too").isInstanceOf(DomainError.NotFound.class);
            assertThat(error(() -> attaching.detachFromPersona(actor(other), mine.id(), persona)))
                    .isInstanceOf(DomainError.NotFound.class);
            attaching.detachFromPersona(actor(owner), mine.id(), persona);
            assertThat(error(() -> attaching.detachFromPersona(actor(owner), mine.id(), persona)))
                    .as("no longer attached").isInstanceOf(DomainError.NotFound.class);
        }

        @Test
        void channelBooks() {
            User owner = fixtures.user("ch-owner");
            User member = fixtures.user("ch-member");
            User boss = fixtures.botOwner("ch-boss");
            Lorebook mine = book(owner, "Mine");
            Lorebook bosses = book(boss, "Boss's");
            ChannelCaller manager = new ChannelCaller(actor(owner), "5001", "77", true, false);
            ChannelCaller plain = new ChannelCaller(actor(member), "5001", "77", false, false);
            ChannelCaller guildOwner = new ChannelCaller(actor(member), "5001", "77", false, true);
            ChannelCaller dm = new ChannelCaller(actor(owner), "5002", null, true, false);

            attaching.attachToChannel(manager, mine.id());
            assertThat(books.targetsWithBooks(LoreTarget.Kind.CHANNEL).orElseThrow())
                    .as("the channels a reply reads books of").contains("5001").doesNotContain("5002");
            assertThat(error(() -> attaching.attachToChannel(plain, mine.id())))
                    .as("without Manage Messages").isInstanceOf(DomainError.Forbidden.class);
            assertThat(error(() -> attaching.onChannel(plain))).isInstanceOf(DomainError.Forbidden.class);
            assertThat(error(() -> attaching.attachToChannel(dm, mine.id())))
                    .as("no channel books in a DM").isInstanceOf(DomainError.Forbidden.class);
            assertThat(error(() -> attaching.attachToChannel(guildOwner, mine.id())))
                    .as("a manager attaches only his own books").isInstanceOf(DomainError.NotFound.class);
            assertThat(names(attaching.onChannel(guildOwner))).containsExactly("Mine");

            assertThat(error(() -> attaching.attachToChannelAsOperator(actor(owner), "5001", mine.id())))
                    .as("outside Discord: the bot owner only").isInstanceOf(DomainError.Forbidden.class);
            clock.advance(java.time.Duration.ofSeconds(1)); // attachments list oldest first
            attaching.attachToChannelAsOperator(actor(boss), "5001", bosses.id());
            assertThat(names(attaching.onChannelAsOperator(actor(boss), "5001"))).containsExactly("Mine", "Boss's");
            assertThat(error(() -> attaching.onChannelAsOperator(actor(boss), " ")))
                    .isInstanceOf(DomainError.InvalidField.class);

            attaching.detachFromChannel(guildOwner, bosses.id()); // any manager removes any book from the channel
            attaching.detachFromChannelAsOperator(actor(boss), "5001", mine.id());
            assertThat(attaching.onChannel(manager)).isEmpty();
            assertThat(books.targetsWithBooks(LoreTarget.Kind.CHANNEL).orElseThrow()).doesNotContain("5001");
        }

        @Test
        void globalBooks() {
            User owner = fixtures.user("gl-owner");
            User boss = fixtures.botOwner("gl-boss");
            Lorebook mine = book(owner, "Mine");
            Lorebook bosses = book(boss, "World");

            assertThat(error(() -> attaching.attachGlobally(actor(owner), mine.id())))
                    .isInstanceOf(DomainError.Forbidden.class);
            attaching.attachGlobally(actor(boss), bosses.id());
            assertThat(names(attaching.global())).contains("World");
            assertThat(error(() -> attaching.detachGlobally(actor(owner), bosses.id())))
                    .isInstanceOf(DomainError.Forbidden.class);
            attaching.detachGlobally(actor(boss), bosses.id());
            assertThat(names(attaching.global())).doesNotContain("World");
        }
    }
}
