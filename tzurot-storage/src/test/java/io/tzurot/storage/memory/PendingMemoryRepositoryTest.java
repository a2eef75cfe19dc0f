package io.tzurot.storage.memory;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.memory.PendingMemory;
import io.tzurot.core.memory.PendingMemoryRepository;
import io.tzurot.core.retention.RetentionSweeps;
import io.tzurot.core.retention.Sweep;
import io.tzurot.storage.db.Dialect;
import io.tzurot.storage.testing.DatabaseContract;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class PendingMemoryRepositoryTest {

    abstract static class Contract extends DatabaseContract {
        private static final Instant T0 = Instant.parse("2026-05-01T08:00:00Z");

        PendingMemoryRepository repo;
        TestRows.Owner owner;
        UUID personality;

        Contract(Dialect dialect) {
            super(dialect);
        }

        @BeforeAll
        void setUp() {
            repo = new JdbiPendingMemoryRepository(database());
            owner = TestRows.owner(database(), "pat", "Pat", null);
            personality = TestRows.personality(database(), owner.userId(), "Outbox", null);
        }

        private PendingMemory entry(String text, Instant at) {
            return PendingMemory.create(null, owner.personaId(), personality, text, "{\"channelId\":\"1\"}", at);
        }

        @Test
        void addIsIdempotentAndRoundTrips() {
            PendingMemory m = entry("{user}: hi\n{assistant}: hello", T0);
            assertThat(repo.add(m)).isTrue();
            assertThat(repo.add(m)).isFalse();
            PendingMemory stored = repo.find(m.id()).orElseThrow();
            assertThat(stored.text()).isEqualTo(m.text());
            assertThat(stored.metadataJson()).contains("channelId");
            assertThat(stored.attempts()).isZero();
            assertThat(stored.createdAt()).isEqualTo(T0);
            assertThat(repo.remove(m.id())).isTrue();
            assertThat(repo.remove(m.id())).isFalse();
            assertThat(repo.find(m.id())).isEmpty();
        }

        @Test
        void failuresCountUpAndGiveUpAtTheMaximum() {
            PendingMemory m = entry("failing", T0.plusSeconds(1));
            repo.add(m);
            repo.recordFailure(m.id(), "embedding timeout", T0.plusSeconds(10), 3);
            repo.recordFailure(m.id(), "embedding timeout", T0.plusSeconds(20), 3);
            PendingMemory twice = repo.find(m.id()).orElseThrow();
            assertThat(twice.attempts()).isEqualTo(2);
            assertThat(twice.error()).isEqualTo("embedding timeout");
            assertThat(twice.lastAttemptAt()).isEqualTo(T0.plusSeconds(20));
            assertThat(repo.retryable(3, 100)).extracting(PendingMemory::id).contains(m.id());

            repo.recordFailure(m.id(), "x".repeat(5000), T0.plusSeconds(30), 3);
            PendingMemory gaveUp = repo.find(m.id()).orElseThrow();
            assertThat(gaveUp.attempts()).isEqualTo(PendingMemory.PERMANENTLY_FAILED);
            assertThat(gaveUp.error()).hasSize(2000);
            assertThat(repo.retryable(3, 100)).extracting(PendingMemory::id).doesNotContain(m.id());
        }

        @Test
        void theSweepDeletesExactlyTheEntriesGivenUpOn() {
            Sweep sweep = RetentionSweeps.givenUpMemories(repo);
            sweep.run().applyAsLong(T0); // entries other tests gave up on, so the count below is this test's own
            PendingMemory given = entry("given up", T0.plusSeconds(3));
            PendingMemory twice = entry("failed twice", T0.plusSeconds(4));
            PendingMemory fresh = entry("fresh", T0.plusSeconds(5));
            List.of(given, twice, fresh).forEach(repo::add);
            for (int i = 0; i < PendingMemory.MAX_ATTEMPTS; i++) {
                repo.recordFailure(given.id(), "embedding timeout", T0.plusSeconds(10 + i), PendingMemory.MAX_ATTEMPTS);
            }
            repo.recordFailure(twice.id(), "embedding timeout", T0.plusSeconds(10), PendingMemory.MAX_ATTEMPTS);
            repo.recordFailure(twice.id(), "embedding timeout", T0.plusSeconds(11), PendingMemory.MAX_ATTEMPTS);
            long before = repo.retryable(PendingMemory.MAX_ATTEMPTS, 1000).size();

            long deleted = sweep.run().applyAsLong(T0.plusSeconds(60));

            assertThat(deleted).isEqualTo(1);
            assertThat(repo.find(given.id())).isEmpty();
            assertThat(repo.find(twice.id())).isPresent();
            assertThat(repo.find(fresh.id())).isPresent();
            assertThat(repo.retryable(PendingMemory.MAX_ATTEMPTS, 1000)).hasSize((int) before);
            assertThat(sweep.run().applyAsLong(T0.plusSeconds(120))).isZero();
            List.of(twice, fresh).forEach(m -> repo.remove(m.id()));
        }

        @Test
        void retryableIsOldestFirstAndLimited() {
            TestRows.Owner other = TestRows.owner(database(), "quinn", "Quinn", null);
            UUID p = TestRows.personality(database(), other.userId(), "Queue", null);
            Instant base = Instant.parse("2020-01-01T00:00:00Z"); // older than every other test's rows
            PendingMemory a = PendingMemory.create(null, other.personaId(), p, "a", "{}", base.plusSeconds(2));
            PendingMemory b = PendingMemory.create(null, other.personaId(), p, "b", "{}", base);
            PendingMemory c = PendingMemory.create(null, other.personaId(), p, "c", "{}", base.plusSeconds(1));
            repo.add(a);
            repo.add(b);
            repo.add(c);
            assertThat(repo.retryable(3, 2)).extracting(PendingMemory::text).containsExactly("b", "c");
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
