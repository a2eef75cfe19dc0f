package io.tzurot.storage.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tzurot.core.access.Actor;
import io.tzurot.core.failure.DomainException;
import io.tzurot.core.memory.ManagingMemories;
import io.tzurot.core.memory.Memory;
import io.tzurot.core.memory.MemoryHit;
import io.tzurot.core.memory.MemoryWindow;
import io.tzurot.core.memory.NewMemory;
import io.tzurot.core.model.EmbeddingModel;
import io.tzurot.core.persona.ResolvePersona;
import io.tzurot.core.personality.Personality;
import io.tzurot.storage.db.Dialect;
import io.tzurot.storage.persona.JdbiPersonaRepository;
import io.tzurot.storage.personality.JdbiPersonalityRepository;
import io.tzurot.storage.settings.JdbiUserPersonalityConfigRepository;
import io.tzurot.storage.testing.DatabaseContract;
import io.tzurot.storage.user.JdbiUserRepository;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** {@link ManagingMemories} over the real repositories: who reaches a memory, edits embedded again, windows, purge. */
class ManagingMemoriesTest {

    /** One-hot vectors by text: equal texts match exactly, different ones not at all. */
    static final EmbeddingModel ONE_HOT = text -> {
        float[] v = new float[EmbeddingModel.DIMENSIONS];
        v[Math.floorMod(text.hashCode(), v.length)] = 1f;
        return v;
    };

    abstract static class Contract extends DatabaseContract {
        private static final Instant NOW = Instant.parse("2026-06-01T12:00:00Z");

        ManagingMemories managing;
        JdbiMemoryRepository memories;
        TestRows.Owner owner;
        Actor actor;
        Actor stranger;
        Personality personality;
        Personality warden;

        Contract(Dialect dialect) {
            super(dialect);
        }

        @BeforeAll
        void setUp() {
            Clock clock = Clock.fixed(NOW, ZoneOffset.UTC);
            var jdbi = database().jdbi();
            memories = new JdbiMemoryRepository(database());
            var personas = new JdbiPersonaRepository(jdbi, clock);
            managing = new ManagingMemories(new ResolvePersona(new JdbiUserRepository(jdbi, clock), personas,
                    new JdbiUserPersonalityConfigRepository(jdbi, clock)), personas, memories,
                    MemorySearches.forDatabase(database()), ONE_HOT, clock);
            owner = TestRows.owner(database(), "fay", "Fay", null);
            TestRows.Owner other = TestRows.owner(database(), "gus", "Gus", null);
            actor = new Actor(owner.userId(), "1", false);
            stranger = new Actor(other.userId(), "2", true); // the bot owner does not read others' memories either
            personality = new JdbiPersonalityRepository(jdbi, clock).findById(
                    TestRows.personality(database(), owner.userId(), "Keeper", null)).orElseThrow();
            warden = new JdbiPersonalityRepository(jdbi, clock).findById(
                    TestRows.personality(database(), owner.userId(), "Warden", null)).orElseThrow();
        }

        private Memory remember(String text, Duration ago) {
            return remember(personality, text, ago);
        }

        private Memory remember(Personality with, String text, Duration ago) {
            NewMemory m = NewMemory.live(owner.personaId(), with.id(), text, ONE_HOT.embed(text), null, "123",
                    null, NOW.minus(ago));
            memories.insert(m);
            return memories.find(m.id()).orElseThrow();
        }

        @Test
        void onlyThePersonasOwnerReachesAMemoryAndAnEditIsEmbeddedAgain() {
            Memory m = remember("the lighthouse keeper", Duration.ofHours(3));

            assertThatThrownBy(() -> managing.own(stranger, m.id())).isInstanceOf(DomainException.class)
                    .hasMessageContaining("not found");
            assertThatThrownBy(() -> managing.edit(stranger, m.id(), "hijacked")).isInstanceOf(DomainException.class);
            assertThatThrownBy(() -> managing.edit(actor, m.id(), "  ")).isInstanceOf(DomainException.class)
                    .hasMessageContaining("'content' is required");
            assertThatThrownBy(() -> managing.edit(actor, m.id(), "x".repeat(ManagingMemories.MAX_CONTENT + 1)))
                    .isInstanceOf(DomainException.class).hasMessageContaining("at most 2000");
            assertThat(memories.find(m.id()).orElseThrow().content()).isEqualTo("the lighthouse keeper");

            assertThat(managing.edit(actor, m.id(), "  the orchard keeper ").content()).isEqualTo("the orchard keeper");
            List<MemoryHit> hits = managing.search(actor, Optional.of(personality), "the orchard keeper", 5);
            assertThat(hits).first().satisfies(h -> {
                assertThat(h.memory().id()).isEqualTo(m.id());
                assertThat(h.score()).isGreaterThan(0.99);
            });
            assertThat(managing.search(stranger, Optional.of(personality), "the orchard keeper", 5)).isEmpty();
            assertThatThrownBy(() -> managing.search(actor, Optional.empty(), "q", 51))
                    .isInstanceOf(DomainException.class).hasMessageContaining("'limit' must be 1-50");
        }

        @Test
        void recentWindowsCountAndDeleteLockedOnesStayAndPurgeNeedsThePhrase() {
            Memory fresh = remember(warden, "fresh news", Duration.ofHours(2));
            Memory locked = remember(warden, "a vow", Duration.ofHours(1));
            Memory old = remember(warden, "old news", Duration.ofDays(3));
            managing.setLocked(actor, locked.id(), true);

            assertThat(managing.countRecent(actor, warden, MemoryWindow.HOURS_24)).isEqualTo(1);
            assertThat(managing.countRecent(stranger, warden, MemoryWindow.HOURS_24)).isZero();
            assertThat(managing.deleteRecent(actor, warden, MemoryWindow.HOURS_24)).isEqualTo(1);
            assertThat(memories.find(fresh.id())).isEmpty();
            assertThat(memories.find(old.id())).isPresent();

            assertThat(ManagingMemories.purgePhrase(warden)).isEqualTo("DELETE WARDEN MEMORIES");
            assertThatThrownBy(() -> managing.purge(actor, warden, "DELETE")).isInstanceOf(DomainException.class)
                    .hasMessageContaining("Type 'DELETE WARDEN MEMORIES'");
            assertThat(memories.find(old.id())).isPresent();
            assertThat(managing.purge(actor, warden, " delete  warden memories ")).isEqualTo(1);
            assertThat(memories.find(old.id())).isEmpty();
            assertThat(memories.find(locked.id())).isPresent();
            assertThat(managing.stats(actor, warden).total()).isEqualTo(1);
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
