package io.tzurot.storage.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tzurot.core.id.DeterministicIds;
import io.tzurot.core.memory.Memory;
import io.tzurot.core.memory.MemoryChunk;
import io.tzurot.core.memory.MemoryPage;
import io.tzurot.core.memory.MemoryRepository;
import io.tzurot.core.memory.MemoryVisibility;
import io.tzurot.core.memory.NewMemory;
import io.tzurot.core.prompt.NoteBodyTokens;
import io.tzurot.core.prompt.TokenCounter;
import io.tzurot.storage.db.Dialect;
import io.tzurot.storage.testing.DatabaseContract;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class MemoryRepositoryTest {

    abstract static class Contract extends DatabaseContract {
        private static final Instant T0 = Instant.parse("2026-03-01T10:00:00.123Z");

        MemoryRepository repo;
        TestRows.Owner owner;
        UUID personality;
        UUID other;

        Contract(Dialect dialect) {
            super(dialect);
        }

        @BeforeAll
        void setUp() {
            repo = new JdbiMemoryRepository(database());
            owner = TestRows.owner(database(), "alice", "Alice", null);
            personality = TestRows.personality(database(), owner.userId(), "Lilith", null);
            other = TestRows.personality(database(), owner.userId(), "Kael", null);
        }

        private NewMemory live(String text, Instant at) {
            return NewMemory.live(owner.personaId(), personality, text, Vectors.withScore(0.5), null, "111", "222", at);
        }

        @Test
        void insertIsIdempotentOnTheDeterministicIdAndRoundTripsEveryColumn() {
            UUID group = UUID.randomUUID();
            NewMemory m = new NewMemory(DeterministicIds.memory(owner.personaId(), personality, "full row"), owner.personaId(),
                    personality, "full row", Vectors.withScore(0.3), true, 12, T0.plusSeconds(5), "sess", "session",
                    "conversation", "123456789012345678", "876543210987654321", List.of("m1", "m2"), List.of("s1"),
                    T0, UUID.randomUUID(), "shapes-inc", new MemoryChunk(group, 1, 3));

            assertThat(repo.insert(m)).isTrue();
            assertThat(repo.insert(m)).isFalse();

            Memory stored = repo.find(m.id()).orElseThrow();
            assertThat(stored.id()).isEqualTo(m.id());
            assertThat(stored.personaId()).isEqualTo(owner.personaId());
            assertThat(stored.personalityId()).isEqualTo(personality);
            assertThat(stored.content()).isEqualTo("full row");
            assertThat(stored.summarized()).isTrue();
            assertThat(stored.originalMessageCount()).isEqualTo(12);
            assertThat(stored.summarizedAt()).isEqualTo(T0.plusSeconds(5));
            assertThat(stored.sessionId()).isEqualTo("sess");
            assertThat(stored.canonScope()).isEqualTo("session");
            assertThat(stored.summaryType()).isEqualTo("conversation");
            assertThat(stored.channelId()).isEqualTo("123456789012345678");
            assertThat(stored.guildId()).isEqualTo("876543210987654321");
            assertThat(stored.messageIds()).containsExactly("m1", "m2");
            assertThat(stored.senders()).containsExactly("s1");
            assertThat(stored.createdAt()).isEqualTo(T0);
            assertThat(stored.updatedAt()).isEqualTo(T0);
            assertThat(stored.legacyShapesUserId()).isEqualTo(m.legacyShapesUserId());
            assertThat(stored.sourceSystem()).isEqualTo("shapes-inc");
            assertThat(stored.type()).isEqualTo("memory");
            assertThat(stored.locked()).isFalse();
            assertThat(stored.visibility()).isEqualTo(MemoryVisibility.NORMAL);
            assertThat(stored.chunkInfo()).contains(new MemoryChunk(group, 1, 3));
        }

        @Test
        void liveMemoriesGetTheReferenceDefaults() {
            NewMemory m = live("live defaults", T0);
            repo.insert(m);
            Memory stored = repo.find(m.id()).orElseThrow();
            assertThat(stored.canonScope()).isEqualTo("personal");
            assertThat(stored.sourceSystem()).isEqualTo("tzurot-v3");
            assertThat(stored.messageIds()).isEmpty();
            assertThat(stored.chunkInfo()).isEmpty();
            assertThat(m.id()).isEqualTo(DeterministicIds.memory(owner.personaId(), personality, "live defaults"));
        }

        @Test
        void softDeleteHidesFromListingAndBlocksEdits() {
            NewMemory m = live("to be deleted", T0);
            repo.insert(m);
            assertThat(repo.softDelete(m.id(), T0.plusSeconds(60))).isTrue();
            assertThat(repo.softDelete(m.id(), T0.plusSeconds(61))).isFalse();

            Memory stored = repo.find(m.id()).orElseThrow();
            assertThat(stored.visibility()).isEqualTo(MemoryVisibility.DELETED);
            assertThat(stored.updatedAt()).isEqualTo(T0.plusSeconds(60));
            assertThat(repo.list(owner.personaId(), Optional.of(personality), 0, 100).items())
                    .extracting(Memory::id).doesNotContain(m.id());
            assertThat(repo.edit(m.id(), "new text", Vectors.withScore(0.9), T0.plusSeconds(70))).isEmpty();
        }

        @Test
        void editReplacesTextAndEmbeddingButKeepsTheId() {
            NewMemory m = live("before edit", T0);
            repo.insert(m);
            Memory edited = repo.edit(m.id(), "after edit", Vectors.withScore(0.9), T0.plusSeconds(90)).orElseThrow();
            assertThat(edited.id()).isEqualTo(m.id());
            assertThat(edited.content()).isEqualTo("after edit");
            assertThat(edited.updatedAt()).isEqualTo(T0.plusSeconds(90));
            assertThat(edited.createdAt()).isEqualTo(T0);
            assertThat(repo.edit(UUID.randomUUID(), "x", Vectors.withScore(0.9), T0)).isEmpty();
            assertThatThrownBy(() -> repo.edit(m.id(), " ", Vectors.withScore(0.9), T0))
                    .isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> repo.edit(m.id(), "x", new float[3], T0))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("384");
        }

        @Test
        void theNotesTokenCountIsKeptWithTheTextAndFollowsEdits() {
            TokenCounter chars = String::length; // any counter: the row keeps what it says
            JdbiMemoryRepository counting = new JdbiMemoryRepository(database(), Optional.of(chars));
            String exchange = "{user}: hello there\n{assistant}: hi";
            NewMemory m = live(exchange, T0);
            counting.insert(m);
            assertThat(counting.find(m.id()).orElseThrow().bodyTokens())
                    .isEqualTo(NoteBodyTokens.withoutNames(exchange, chars).getAsInt());

            Memory edited = counting.edit(m.id(), "{user}: bye", Vectors.withScore(0.4), T0.plusSeconds(5)).orElseThrow();
            assertThat(edited.bodyTokens()).isEqualTo(NoteBodyTokens.withoutNames("{user}: bye", chars).getAsInt());
            assertThat(counting.edit(m.id(), "told {user} so", Vectors.withScore(0.4), T0.plusSeconds(6)).orElseThrow()
                    .bodyTokens()).as("a shape whose count depends on the names keeps none").isNull();

            NewMemory plain = live("stored without a counter", T0);
            repo.insert(plain);
            assertThat(repo.find(plain.id()).orElseThrow().bodyTokens()).isNull();
        }

        @Test
        void purgeSparesLockedMemoriesAndOtherPersonalities() {
            TestRows.Owner bob = TestRows.owner(database(), "bob", "Bob", null);
            UUID p = TestRows.personality(database(), bob.userId(), "Purged", null);
            UUID q = TestRows.personality(database(), bob.userId(), "Kept", null);
            NewMemory a = NewMemory.live(bob.personaId(), p, "a", Vectors.withScore(0.5), null, null, null, T0);
            NewMemory b = NewMemory.live(bob.personaId(), p, "b", Vectors.withScore(0.5), null, null, null, T0);
            NewMemory c = NewMemory.live(bob.personaId(), q, "c", Vectors.withScore(0.5), null, null, null, T0);
            List.of(a, b, c).forEach(repo::insert);
            assertThat(repo.setLocked(a.id(), true, T0.plusSeconds(1))).isTrue();
            assertThat(repo.setLocked(UUID.randomUUID(), true, T0)).isFalse();

            assertThat(repo.purge(bob.personaId(), p)).isEqualTo(1);

            assertThat(repo.find(a.id())).get().extracting(Memory::locked).isEqualTo(true);
            assertThat(repo.find(b.id())).isEmpty();
            assertThat(repo.find(c.id())).isPresent();
        }

        @Test
        void recentMemoriesAreCountedAndDeletedSinceACutOffLockedOnesStay() {
            TestRows.Owner dan = TestRows.owner(database(), "dan", "Dan", null);
            UUID p = TestRows.personality(database(), dan.userId(), "Recent", null);
            UUID q = TestRows.personality(database(), dan.userId(), "Other", null);
            NewMemory old = NewMemory.live(dan.personaId(), p, "old", Vectors.withScore(0.5), null, null, null, T0);
            NewMemory edge = NewMemory.live(dan.personaId(), p, "edge", Vectors.withScore(0.5), null, null, null,
                    T0.plusSeconds(600));
            NewMemory fresh = NewMemory.live(dan.personaId(), p, "fresh", Vectors.withScore(0.5), null, null, null,
                    T0.plusSeconds(900));
            NewMemory locked = NewMemory.live(dan.personaId(), p, "locked", Vectors.withScore(0.5), null, null, null,
                    T0.plusSeconds(900));
            NewMemory elsewhere = NewMemory.live(dan.personaId(), q, "elsewhere", Vectors.withScore(0.5), null, null,
                    null, T0.plusSeconds(900));
            List.of(old, edge, fresh, locked, elsewhere).forEach(repo::insert);
            repo.setLocked(locked.id(), true, T0.plusSeconds(901));
            Instant cutOff = T0.plusSeconds(600);

            assertThat(repo.countSince(dan.personaId(), Optional.of(p), cutOff)).isEqualTo(2);
            assertThat(repo.countSince(dan.personaId(), Optional.empty(), cutOff)).isEqualTo(3);
            assertThat(repo.countSince(owner.personaId(), Optional.empty(), cutOff)).isZero();

            assertThat(repo.deleteSince(dan.personaId(), Optional.of(p), cutOff)).isEqualTo(2);
            assertThat(repo.find(edge.id())).isEmpty();
            assertThat(repo.find(fresh.id())).isEmpty();
            assertThat(repo.find(old.id())).isPresent();
            assertThat(repo.find(locked.id())).isPresent();
            assertThat(repo.find(elsewhere.id())).isPresent();
            assertThat(repo.countSince(dan.personaId(), Optional.of(p), cutOff)).isZero();

            assertThat(repo.deleteSince(dan.personaId(), Optional.empty(), Instant.EPOCH)).isEqualTo(2);
            assertThat(repo.find(old.id())).isEmpty();
            assertThat(repo.find(elsewhere.id())).isEmpty();
            assertThat(repo.find(locked.id())).isPresent();
        }

        @Test
        void listPagesNewestFirstWithATotal() {
            TestRows.Owner carol = TestRows.owner(database(), "carol", "Carol", null);
            UUID p = TestRows.personality(database(), carol.userId(), "Paged", null);
            UUID q = TestRows.personality(database(), carol.userId(), "Elsewhere", null);
            for (int i = 0; i < 5; i++) {
                repo.insert(NewMemory.live(carol.personaId(), p, "m" + i, Vectors.withScore(0.5), null, null, null,
                        T0.plus(i, ChronoUnit.MINUTES)));
            }
            repo.insert(NewMemory.live(carol.personaId(), q, "other", Vectors.withScore(0.5), null, null, null, T0));

            MemoryPage first = repo.list(carol.personaId(), Optional.of(p), 0, 2);
            MemoryPage last = repo.list(carol.personaId(), Optional.of(p), 4, 2);
            assertThat(first.total()).isEqualTo(5);
            assertThat(first.items()).extracting(Memory::content).containsExactly("m4", "m3");
            assertThat(first.hasMore()).isTrue();
            assertThat(last.items()).extracting(Memory::content).containsExactly("m0");
            assertThat(last.hasMore()).isFalse();
            assertThat(repo.list(carol.personaId(), Optional.empty(), 0, 100).total()).isEqualTo(6);
            assertThatThrownBy(() -> repo.list(carol.personaId(), Optional.empty(), 0, 0))
                    .isInstanceOf(IllegalArgumentException.class);
        }
    }

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
}
