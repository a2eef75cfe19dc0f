package io.tzurot.storage.swipe;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tzurot.core.conversation.HistoryMessage;
import io.tzurot.core.conversation.HistoryRole;
import io.tzurot.core.memory.NewMemory;
import io.tzurot.core.memory.PendingMemory;
import io.tzurot.core.swipe.Swipe;
import io.tzurot.storage.conversation.JdbiConversationHistoryRepository;
import io.tzurot.storage.db.Dialect;
import io.tzurot.storage.memory.JdbiMemoryRepository;
import io.tzurot.storage.memory.JdbiPendingMemoryRepository;
import io.tzurot.storage.memory.TestRows;
import io.tzurot.storage.testing.DatabaseContract;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The swipe table and the history and memory operations a regenerate and a swipe rely on, on both databases. */
class SwipeRepositoryTest {

    abstract static class Contract extends DatabaseContract {
        private static final Instant T0 = Instant.parse("2026-08-01T09:00:00Z");

        JdbiSwipeRepository swipes;
        JdbiConversationHistoryRepository history;
        JdbiMemoryRepository memories;
        JdbiPendingMemoryRepository pending;
        TestRows.Owner owner;
        UUID personality;

        Contract(Dialect dialect) {
            super(dialect);
        }

        @BeforeAll
        void setUp() {
            swipes = new JdbiSwipeRepository(database().jdbi());
            history = new JdbiConversationHistoryRepository(database());
            memories = new JdbiMemoryRepository(database());
            pending = new JdbiPendingMemoryRepository(database());
            owner = TestRows.owner(database(), "swiper", "Swiper", null);
            personality = TestRows.personality(database(), owner.userId(), "Swiped", null);
        }

        @Test
        void versionsKeepTheirOrderAndOneIsChosen() {
            UUID reply = UUID.randomUUID();
            swipes.add(reply, new Swipe(0, "first", Optional.empty(), true, T0));
            swipes.add(reply, new Swipe(1, "second", Optional.of("-# Model: m"), true, T0.plusSeconds(5)));

            assertThat(swipes.list(reply)).extracting(Swipe::content).containsExactly("first", "second");
            assertThat(swipes.list(reply)).extracting(Swipe::chosen).containsExactly(false, true);
            assertThat(swipes.list(reply).get(1).footer()).contains("-# Model: m");
            assertThat(swipes.list(reply).get(0).createdAt()).isEqualTo(T0);

            assertThat(swipes.choose(reply, 0)).isTrue();
            assertThat(swipes.list(reply)).extracting(Swipe::chosen).containsExactly(true, false);
            assertThat(swipes.choose(reply, 2)).isFalse();
            assertThat(swipes.list(reply)).extracting(Swipe::chosen).containsExactly(true, false);

            assertThatThrownBy(() -> swipes.add(reply, new Swipe(1, "again", Optional.empty(), false, T0)))
                    .isInstanceOf(RuntimeException.class);
            assertThat(swipes.list(reply)).hasSize(2);

            assertThat(swipes.deleteOf(reply)).isEqualTo(2);
            assertThat(swipes.list(reply)).isEmpty();
            assertThat(swipes.list(UUID.randomUUID())).isEmpty();
        }

        @Test
        void versionsOfRepliesWithoutAHistoryRowGoOnceTheirNewestIsOld() {
            HistoryMessage kept = HistoryMessage.create("900000000000000007", null, personality, owner.personaId(),
                    HistoryRole.ASSISTANT, "still here", 2, List.of(), "{}", T0);
            assertThat(history.append(kept)).isTrue();
            UUID gone = UUID.randomUUID();
            UUID regenerating = UUID.randomUUID();
            swipes.add(kept.id(), new Swipe(0, "kept v0", Optional.empty(), true, T0));
            swipes.add(gone, new Swipe(0, "gone v0", Optional.empty(), false, T0));
            swipes.add(gone, new Swipe(1, "gone v1", Optional.empty(), true, T0.plusSeconds(60)));
            swipes.add(regenerating, new Swipe(0, "old", Optional.empty(), false, T0));
            swipes.add(regenerating, new Swipe(1, "new", Optional.empty(), true, T0.plusSeconds(7200)));

            assertThat(swipes.deleteOrphansOlderThan(T0.plusSeconds(3600))).isEqualTo(2);

            assertThat(swipes.list(gone)).isEmpty();
            assertThat(swipes.list(kept.id())).hasSize(1);
            assertThat(swipes.list(regenerating)).as("its newest version is recent: perhaps mid-regeneration").hasSize(2);
        }

        @Test
        void aHistoryRowIsRemovedWithoutTraceAndReplacedUnderAnotherIdItsOutboxRowFollowing() {
            HistoryMessage row = HistoryMessage.create("900000000000000001", null, personality, owner.personaId(),
                    HistoryRole.ASSISTANT, "new text", 3, List.of(), "{\"requestId\": \"r#1\"}", T0);
            assertThat(history.append(row)).isTrue();
            PendingMemory queued = PendingMemory.create(row.id(), owner.personaId(), personality, "memory text", "{}", T0);
            assertThat(pending.add(queued)).isTrue();
            UUID place = UUID.randomUUID();
            HistoryMessage moved = new HistoryMessage(place, row.channelId(), null, personality, owner.personaId(),
                    HistoryRole.ASSISTANT, "new text", 3, List.of("123", "124"), "{\"requestId\": \"r\"}",
                    T0.plusSeconds(1), null, null);

            assertThat(history.replace(row.id(), moved)).isTrue();

            assertThat(history.find(row.id())).isEmpty();
            assertThat(history.find(place)).contains(moved);
            assertThat(pending.find(queued.id())).map(PendingMemory::conversationHistoryId).contains(place);
            assertThat(history.replace(row.id(), moved)).isFalse();

            assertThat(history.remove(place)).isTrue();
            assertThat(history.find(place)).isEmpty();
            assertThat(history.isTombstoned(place)).isFalse();
            assertThat(history.remove(place)).isFalse();
            assertThat(history.append(moved)).isTrue(); // the same id can be written again
        }

        @Test
        void memoriesAreHardDeletedSoTheSameTextCanBeStoredAgain() {
            NewMemory one = NewMemory.live(owner.personaId(), personality, "swipe memory one", vector(),
                    null, "1", null, T0);
            NewMemory two = NewMemory.live(owner.personaId(), personality, "swipe memory two", vector(),
                    null, "1", null, T0);
            memories.insert(one);
            memories.insert(two);

            assertThat(memories.delete(List.of(one.id(), UUID.randomUUID()))).isEqualTo(1);

            assertThat(memories.find(one.id())).isEmpty();
            assertThat(memories.find(two.id())).isPresent();
            assertThat(memories.insert(one)).isTrue();
            assertThat(memories.delete(List.of())).isZero();
        }
    }

    private static float[] vector() {
        float[] v = new float[NewMemory.DIMENSIONS];
        v[0] = 1f;
        return v;
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
