package io.tzurot.storage.lorebook;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.lorebook.Lorebook;
import io.tzurot.core.lorebook.LorebookContent;
import io.tzurot.core.lorebook.LorebookEntry;
import io.tzurot.core.lorebook.LorebookEntry.Grouping;
import io.tzurot.core.lorebook.LorebookEntry.Matching;
import io.tzurot.core.lorebook.LorebookEntry.Placement;
import io.tzurot.core.lorebook.LorebookEntry.Recursion;
import io.tzurot.core.lorebook.LorebookEntry.Timing;
import io.tzurot.core.lorebook.LorebookSummary;
import io.tzurot.core.lorebook.LoreTarget;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.user.User;
import io.tzurot.storage.db.Dialect;
import io.tzurot.storage.personality.JdbiPersonalityRepository;
import io.tzurot.storage.testing.DatabaseContract;
import io.tzurot.storage.user.Fixtures;
import io.tzurot.testkit.MutableClock;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class LorebookRepositoryTest {

    @Nested
    class OnH2 extends LorebookContract {
        OnH2() {
            super(Dialect.H2);
        }
    }

    @Nested
    class OnPostgres extends LorebookContract {
        OnPostgres() {
            super(Dialect.POSTGRESQL);
        }
    }

    /** An entry with every field set to a value other than its default. */
    static LorebookEntry everyField(String id) {
        return new LorebookEntry(id, true, List.of("dragon", "/wyrm(s)?/i"), List.of("cave", "gold"),
                "Dragons hoard gold. \u00e9\u00e8 \u2603 \ud83d\udc09", "a memo", "Dragons",
                new Matching(false, true, true, 3, true, false, true, 7, 42, true, true),
                new Placement(250, 9, "after_char", 4, 6, 2, 11),
                new Timing(3, 5, 2),
                new Grouping("beasts,lore", true, 70, false),
                new Recursion(true, false, 2),
                "auto-1", "{\"isExclude\":true,\"names\":[\"Bob\"],\"tags\":[]}",
                "{\"triggers\":[\"normal\"],\"zeta\":1,\"alpha\":{\"b\":2,\"a\":1}}", "{\"x_custom\":[1,2,3]}");
    }

    abstract static class LorebookContract extends DatabaseContract {
        private final MutableClock clock = MutableClock.startingAt("2026-07-01T00:00:00Z");
        private JdbiLorebookRepository books;
        private JdbiPersonalityRepository personalities;
        private Fixtures fixtures;

        LorebookContract(Dialect dialect) {
            super(dialect);
        }

        @BeforeAll
        void wire() {
            books = new JdbiLorebookRepository(database().jdbi(), clock);
            personalities = new JdbiPersonalityRepository(database().jdbi(), clock);
            fixtures = new Fixtures(database().jdbi(), clock);
        }

        @Test
        void everyEntryFieldSurvivesStorageInOrder() {
            User owner = fixtures.user("lorekeeper");
            LorebookContent content = new LorebookContent("World of \u00c6", "desc", 4, 512, true,
                    "{\"z\":1,\"a\":[true,null]}", "{\"spec_extra\":\"kept\"}",
                    List.of(everyField("first"), LorebookEntry.of(List.of("plain"), ""), everyField(null)));

            Lorebook saved = books.create(owner.id(), content);

            assertThat(saved.content()).isEqualTo(content);
            assertThat(books.find(saved.id())).get().extracting(Lorebook::content).isEqualTo(content);
            assertThat(saved.ownerId()).isEqualTo(owner.id());
            // key order of the JSON text is kept exactly
            assertThat(books.find(saved.id()).orElseThrow().content().entries().get(0).extensionsJson())
                    .isEqualTo("{\"triggers\":[\"normal\"],\"zeta\":1,\"alpha\":{\"b\":2,\"a\":1}}");
        }

        @Test
        void unsetSettingsStayUnset() {
            User owner = fixtures.user("minimalist");
            LorebookEntry bare = LorebookEntry.of(List.of(), "always");
            Lorebook saved = books.create(owner.id(), new LorebookContent("Bare", null, null, null, null, null, null,
                    List.of(bare)));
            LorebookEntry back = books.find(saved.id()).orElseThrow().content().entries().get(0);
            assertThat(back).isEqualTo(bare);
            assertThat(back.matching()).isEqualTo(Matching.UNSET);
            assertThat(back.isEnabled()).isTrue();
        }

        @Test
        void replaceSwapsSettingsAndEntries() {
            User owner = fixtures.user("rewriter");
            Lorebook saved = books.create(owner.id(), new LorebookContent("Old", null, null, null, null, null, null,
                    List.of(everyField("1"), everyField("2"))));
            LorebookContent next = new LorebookContent("New", "d", 2, null, false, null, null,
                    List.of(LorebookEntry.of(List.of("k"), "c")));
            assertThat(books.replace(saved.id(), next)).get().extracting(Lorebook::content).isEqualTo(next);
            assertThat(books.replace(UUID.randomUUID(), next)).isEmpty();
        }

        @Test
        void listsOwnedBooksWithEntryCounts() {
            User owner = fixtures.user("lister");
            User other = fixtures.user("stranger");
            books.create(owner.id(), new LorebookContent("Beta", null, null, null, null, null, null, List.of(everyField("a"))));
            books.create(owner.id(), new LorebookContent("Alpha", null, null, null, null, null, null, List.of()));
            books.create(other.id(), new LorebookContent("Theirs", null, null, null, null, null, null, List.of()));

            assertThat(books.listOwned(owner.id())).extracting(LorebookSummary::name, LorebookSummary::entryCount)
                    .containsExactly(org.assertj.core.groups.Tuple.tuple("Alpha", 0), org.assertj.core.groups.Tuple.tuple("Beta", 1));
        }

        @Test
        void attachDetachAndCascades() {
            User owner = fixtures.user("attacher");
            Personality p = fixtures.personality(owner, "lore-holder", "Holder", false);
            Lorebook first = books.create(owner.id(), new LorebookContent("First", null, null, null, null, null, null,
                    List.of(everyField("x"))));
            clock.advance(java.time.Duration.ofSeconds(1));
            Lorebook second = books.create(owner.id(), new LorebookContent("Second", null, null, null, null, null, null, List.of()));

            books.attach(p.id(), first.id());
            clock.advance(java.time.Duration.ofSeconds(1));
            books.attach(p.id(), second.id());
            books.attach(p.id(), first.id()); // again: no effect
            assertThat(books.attachedTo(p.id())).extracting(Lorebook::name).containsExactly("First", "Second");

            assertThat(books.detach(p.id(), second.id())).isTrue();
            assertThat(books.detach(p.id(), second.id())).isFalse();
            assertThat(books.attachedTo(p.id())).extracting(Lorebook::name).containsExactly("First");

            assertThat(books.delete(first.id())).isTrue();
            assertThat(books.attachedTo(p.id())).isEmpty();
            assertThat(books.find(first.id())).isEmpty();

            books.attach(p.id(), second.id());
            personalities.delete(p.id());
            assertThat(books.find(second.id())).isPresent(); // the book outlives the character
        }

        @Test
        void attachToPersonasChannelsAndEverythingKeepsEachTargetApart() {
            User owner = fixtures.user("spreader");
            Lorebook first = books.create(owner.id(), new LorebookContent("First", null, null, null, null, null, null,
                    List.of(everyField("x"))));
            clock.advance(java.time.Duration.ofSeconds(1));
            Lorebook second = books.create(owner.id(), new LorebookContent("Second", null, null, null, null, null, null,
                    List.of()));
            LoreTarget persona = LoreTarget.persona(owner.defaultPersonaId());
            LoreTarget channel = LoreTarget.channel("123456789012345678");
            LoreTarget otherChannel = LoreTarget.channel("999");

            books.attach(channel, second.id());
            clock.advance(java.time.Duration.ofSeconds(1));
            books.attach(channel, first.id());
            books.attach(channel, second.id()); // again: no effect
            books.attach(persona, first.id());
            books.attach(LoreTarget.global(), second.id());
            assertThat(books.attachedTo(channel)).extracting(Lorebook::name).containsExactly("Second", "First");
            assertThat(books.attachedTo(channel).get(1).content().entries()).containsExactly(everyField("x"));
            assertThat(books.attachedTo(persona)).extracting(Lorebook::name).containsExactly("First");
            assertThat(books.attachedTo(LoreTarget.global())).extracting(Lorebook::name).containsExactly("Second");
            assertThat(books.attachedTo(otherChannel)).isEmpty();
            assertThat(books.attachedTo(LoreTarget.persona(UUID.randomUUID()))).isEmpty();

            assertThat(books.detach(channel, second.id())).isTrue();
            assertThat(books.detach(channel, second.id())).isFalse();
            assertThat(books.detach(otherChannel, first.id())).isFalse();
            assertThat(books.attachedTo(channel)).extracting(Lorebook::name).containsExactly("First");
            assertThat(books.attachedTo(LoreTarget.global())).extracting(Lorebook::name).containsExactly("Second");

            assertThat(books.delete(first.id())).isTrue(); // deleting a book detaches it everywhere
            assertThat(books.attachedTo(channel)).isEmpty();
            assertThat(books.attachedTo(persona)).isEmpty();
        }

        @Test
        void deletingAPersonaRemovesItsAttachmentsButNotTheBook() {
            User owner = fixtures.user("persona-lore");
            var personas = new io.tzurot.storage.persona.JdbiPersonaRepository(database().jdbi(), clock);
            var extra = personas.create(owner.id(), new io.tzurot.core.persona.PersonaDraft("Alt", null, "alt me", null,
                    null, false));
            Lorebook book = books.create(owner.id(), new LorebookContent("Mine", null, null, null, null, null, null,
                    List.of()));
            books.attach(LoreTarget.persona(extra.id()), book.id());
            assertThat(books.attachedTo(LoreTarget.persona(extra.id()))).hasSize(1);
            personas.delete(owner.id(), extra.id());
            assertThat(books.attachedTo(LoreTarget.persona(extra.id()))).isEmpty();
            assertThat(books.find(book.id())).isPresent();
        }

        @Test
        void aWriteInsideAnOuterTransactionRollsBackWithIt() {
            User owner = fixtures.user("rollbacker");
            try {
                database().jdbi().useTransaction(h -> {
                    Lorebook made = books.create(owner.id(), new LorebookContent("Doomed", null, null, null, null, null, null,
                            List.of(everyField("d"))));
                    assertThat(books.find(made.id())).isPresent();
                    throw new IllegalStateException("abort");
                });
            } catch (IllegalStateException expected) {
                // the outer transaction was rolled back
            }
            assertThat(books.listOwned(owner.id())).isEmpty();
        }
    }
}
