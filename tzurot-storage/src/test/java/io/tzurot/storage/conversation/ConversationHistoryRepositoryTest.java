package io.tzurot.storage.conversation;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tzurot.core.conversation.ConversationHistoryRepository;
import io.tzurot.core.conversation.HistoryCounts;
import io.tzurot.core.conversation.HistoryMessage;
import io.tzurot.core.conversation.HistoryPurge;
import io.tzurot.core.conversation.HistoryRole;
import io.tzurot.core.conversation.RecentHistoryQuery;
import io.tzurot.core.id.DeterministicIds;
import io.tzurot.core.memory.PendingMemory;
import io.tzurot.storage.db.Dialect;
import io.tzurot.storage.memory.JdbiPendingMemoryRepository;
import io.tzurot.storage.memory.TestRows;
import io.tzurot.storage.testing.DatabaseContract;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicLong;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ConversationHistoryRepositoryTest {

    abstract static class Contract extends DatabaseContract {
        private static final Instant T0 = Instant.parse("2026-06-01T09:00:00Z");
        private static final AtomicLong CHANNELS = new AtomicLong(300_000_000_000_000_000L);

        ConversationHistoryRepository repo;
        TestRows.Owner owner;
        UUID personality;
        UUID other;

        Contract(Dialect dialect) {
            super(dialect);
        }

        @BeforeAll
        void setUp() {
            repo = new JdbiConversationHistoryRepository(database());
            owner = TestRows.owner(database(), "dana", "Dana", null);
            personality = TestRows.personality(database(), owner.userId(), "Talker", null);
            other = TestRows.personality(database(), owner.userId(), "Listener", null);
        }

        private static String channel() {
            return Long.toString(CHANNELS.incrementAndGet());
        }

        private HistoryMessage msg(String channel, UUID p, HistoryRole role, String text, Instant at, String... discordIds) {
            HistoryMessage m = HistoryMessage.create(channel, "400000000000000001", p, owner.personaId(), role, text, 7,
                    List.of(discordIds), "{\"k\": 1}", at); // jsonb's canonical spacing, so both databases echo it verbatim
            assertThat(repo.append(m)).isTrue();
            return m;
        }

        private RecentHistoryQuery query(String channel, int max, Duration maxAge, Instant reset, Instant now) {
            return new RecentHistoryQuery(channel, personality, max, Optional.ofNullable(maxAge), Optional.ofNullable(reset), now);
        }

        @Test
        void countsAndDeletesOnePersonasMessagesOfOneChannelAndCharacter() {
            String ch = channel();
            String elsewhere = channel();
            HistoryMessage first = msg(ch, personality, HistoryRole.USER, "one", T0);
            msg(ch, personality, HistoryRole.ASSISTANT, "two", T0.plusSeconds(10));
            msg(ch, personality, HistoryRole.USER, "three", T0.plusSeconds(20));
            msg(ch, other, HistoryRole.USER, "other character", T0.plusSeconds(5));
            HistoryMessage kept = msg(elsewhere, personality, HistoryRole.USER, "other channel", T0.plusSeconds(5));

            assertThat(repo.count(ch, personality, owner.personaId(), Optional.empty()))
                    .isEqualTo(new HistoryCounts(3, 3, Optional.of(T0), Optional.of(T0.plusSeconds(20))));
            HistoryCounts cleared = repo.count(ch, personality, owner.personaId(), Optional.of(T0.plusSeconds(10)));
            assertThat(cleared.visible()).isEqualTo(1);
            assertThat(cleared.hidden()).isEqualTo(2);
            assertThat(repo.count(ch, personality, UUID.randomUUID(), Optional.empty())).isEqualTo(HistoryCounts.none());

            assertThat(repo.deleteOf(ch, personality, owner.personaId(), T0.plusSeconds(60))).isEqualTo(3);
            assertThat(repo.find(first.id())).isEmpty();
            assertThat(repo.isTombstoned(first.id())).isTrue();
            assertThat(repo.count(ch, personality, owner.personaId(), Optional.empty()).total()).isZero();
            assertThat(repo.count(ch, other, owner.personaId(), Optional.empty()).total()).isEqualTo(1);
            assertThat(repo.find(kept.id())).isPresent();
            assertThat(repo.deleteOf(ch, personality, owner.personaId(), T0.plusSeconds(70))).isZero();
        }

        @Test
        void appendIsIdempotentAndRoundTrips() {
            String ch = channel();
            HistoryMessage m = msg(ch, personality, HistoryRole.USER, "hello", T0.plusNanos(123_456_789), "d1", "d2");
            assertThat(repo.append(m)).isFalse();
            assertThat(m.id()).isEqualTo(DeterministicIds.conversationHistory(ch, personality, owner.personaId(),
                    T0.plusMillis(123).toEpochMilli()));

            HistoryMessage stored = repo.find(m.id()).orElseThrow();
            assertThat(stored).isEqualTo(m);
            assertThat(stored.createdAt()).isEqualTo(T0.plusMillis(123));
            assertThat(stored.discordMessageIds()).containsExactly("d1", "d2");
            assertThat(stored.metadataJson()).contains("\"k\"");
            assertThat(stored.deleted()).isEmpty();
            assertThat(repo.findByDiscordMessageId("d2")).contains(m);
            assertThat(repo.findByDiscordMessageId("nope")).isEmpty();
        }

        @Test
        void recentReturnsTheNewestMessagesOldestFirstForOneChannelAndPersonality() {
            String ch = channel();
            for (int i = 0; i < 6; i++) {
                msg(ch, personality, i % 2 == 0 ? HistoryRole.USER : HistoryRole.ASSISTANT, "m" + i, T0.plusSeconds(i));
            }
            msg(ch, other, HistoryRole.USER, "other personality", T0.plusSeconds(10));
            msg(channel(), personality, HistoryRole.USER, "other channel", T0.plusSeconds(10));

            List<HistoryMessage> recent = repo.recent(query(ch, 4, null, null, T0.plusSeconds(60)));
            assertThat(recent).extracting(HistoryMessage::content).containsExactly("m2", "m3", "m4", "m5");
            assertThat(recent.get(1).role()).isEqualTo(HistoryRole.ASSISTANT);
            assertThat(repo.recent(query(ch, 0, null, null, T0))).isEmpty();
        }

        @Test
        void wholeChannelHistoryHoldsEveryPersonalityWithTheSameLimitsAndOrder() {
            String ch = channel();
            msg(ch, personality, HistoryRole.USER, "to talker", T0);
            msg(ch, personality, HistoryRole.ASSISTANT, "talker answers", T0.plusMillis(1));
            msg(ch, other, HistoryRole.USER, "to listener", T0.plusSeconds(10));
            msg(ch, other, HistoryRole.ASSISTANT, "listener answers", T0.plusSeconds(10).plusMillis(1));
            HistoryMessage gone = msg(ch, other, HistoryRole.USER, "deleted", T0.plusSeconds(20), "gone");
            msg(ch, personality, HistoryRole.USER, "newest", T0.plusSeconds(30));
            msg(channel(), other, HistoryRole.USER, "other channel", T0.plusSeconds(30));
            repo.softDeleteByDiscordMessageIds(List.of("gone"), T0.plusSeconds(40));
            Instant now = T0.plusSeconds(60);

            List<HistoryMessage> all = repo.recent(RecentHistoryQuery.wholeChannel(ch, personality, 10, Optional.empty(),
                    Optional.empty(), now));
            assertThat(all).extracting(HistoryMessage::content)
                    .containsExactly("to talker", "talker answers", "to listener", "listener answers", "newest");
            assertThat(all).extracting(HistoryMessage::personalityId)
                    .containsExactly(personality, personality, other, other, personality);
            assertThat(all).noneMatch(m -> m.id().equals(gone.id()));
            assertThat(repo.recent(RecentHistoryQuery.wholeChannel(ch, personality, 3, Optional.empty(), Optional.empty(),
                    now))).extracting(HistoryMessage::content).containsExactly("to listener", "listener answers", "newest");
            assertThat(repo.recent(RecentHistoryQuery.wholeChannel(ch, personality, 10, Optional.empty(),
                    Optional.of(T0.plusMillis(1)), now))).extracting(HistoryMessage::content)
                    .containsExactly("to listener", "listener answers", "newest");
            assertThat(repo.recent(RecentHistoryQuery.wholeChannel(ch, other, 10, Optional.of(Duration.ofSeconds(55)),
                    Optional.empty(), now))).extracting(HistoryMessage::content)
                    .containsExactly("to listener", "listener answers", "newest");
            // the per-personality page is unchanged
            assertThat(repo.recent(query(ch, 10, null, null, now))).extracting(HistoryMessage::content)
                    .containsExactly("to talker", "talker answers", "newest");
        }

        @Test
        void recentAndFindIsTheWindowAndTheRowAsTheTwoReadsWouldGiveThem() {
            String ch = channel();
            for (int i = 0; i < 5; i++) {
                msg(ch, personality, HistoryRole.USER, "m" + i, T0.plusSeconds(i * 60L));
            }
            HistoryMessage answer = msg(ch, personality, HistoryRole.ASSISTANT, "stored answer", T0.plusSeconds(241));
            HistoryMessage old = msg(ch, other, HistoryRole.ASSISTANT, "older than the window", T0.minusSeconds(600));
            HistoryMessage deleted = msg(ch, personality, HistoryRole.USER, "deleted", T0.plusSeconds(10), "del");
            repo.softDeleteByDiscordMessageIds(List.of("del"), T0.plusSeconds(20));
            Instant now = T0.plusSeconds(300);
            RecentHistoryQuery window = RecentHistoryQuery.wholeChannel(ch, personality, 3, Optional.of(Duration.ofSeconds(290)),
                    Optional.empty(), now);

            var both = repo.recentAndFind(window, answer.id());
            assertThat(both.recent()).isEqualTo(repo.recent(window));
            assertThat(both.recent()).extracting(HistoryMessage::content).containsExactly("m3", "m4", "stored answer");
            assertThat(both.row()).contains(repo.find(answer.id()).orElseThrow());
            // the row is found outside the window, and deleted, as find finds it; a missing one is empty
            assertThat(repo.recentAndFind(window, old.id()).row().map(HistoryMessage::content)).contains("older than the window");
            assertThat(repo.recentAndFind(window, deleted.id()).row().map(HistoryMessage::content)).contains("deleted");
            var missing = repo.recentAndFind(window, UUID.randomUUID());
            assertThat(missing.row()).isEmpty();
            assertThat(missing.recent()).isEqualTo(both.recent());
            // an empty window still finds the row
            var none = repo.recentAndFind(RecentHistoryQuery.wholeChannel(channel(), personality, 10, Optional.empty(),
                    Optional.empty(), now), answer.id());
            assertThat(none.recent()).isEmpty();
            assertThat(none.row()).isPresent();
            assertThat(repo.recentAndFind(query(ch, 0, null, null, now), answer.id()).row()).isPresent();
        }

        @Test
        void recentAppliesTheAgeLimitAndTheContextResetEpoch() {
            String ch = channel();
            for (int i = 0; i < 5; i++) {
                msg(ch, personality, HistoryRole.USER, "m" + i, T0.plusSeconds(i * 60L));
            }
            Instant now = T0.plusSeconds(300);
            assertThat(repo.recent(query(ch, 50, Duration.ofSeconds(150), null, now)))
                    .extracting(HistoryMessage::content).containsExactly("m3", "m4");
            // the reset epoch is exclusive: a message created exactly at the reset is gone too
            assertThat(repo.recent(query(ch, 50, null, T0.plusSeconds(60), now)))
                    .extracting(HistoryMessage::content).containsExactly("m2", "m3", "m4");
            assertThat(repo.recent(query(ch, 50, Duration.ofSeconds(290), T0.plusSeconds(120), now)))
                    .extracting(HistoryMessage::content).containsExactly("m3", "m4");
        }

        @Test
        void softDeletedMessagesLeaveTheHistoryButStayFindable() {
            String ch = channel();
            HistoryMessage a = msg(ch, personality, HistoryRole.USER, "a", T0, "da");
            HistoryMessage b = msg(ch, personality, HistoryRole.ASSISTANT, "b", T0.plusSeconds(1), "db1", "db2");
            msg(ch, personality, HistoryRole.USER, "c", T0.plusSeconds(2), "dc");

            assertThat(repo.softDeleteByDiscordMessageIds(List.of("db2", "da", "unknown"), T0.plusSeconds(5))).isEqualTo(2);
            assertThat(repo.softDeleteByDiscordMessageIds(List.of("db1"), T0.plusSeconds(6))).isZero();

            assertThat(repo.recent(query(ch, 10, null, null, T0.plusSeconds(10))))
                    .extracting(HistoryMessage::content).containsExactly("c");
            assertThat(repo.find(b.id()).orElseThrow().deleted()).contains(T0.plusSeconds(5));
            assertThat(repo.findByDiscordMessageId("da")).get().extracting(HistoryMessage::id).isEqualTo(a.id());
            assertThat(repo.edit(a.id(), "edited", 3, T0.plusSeconds(7))).isFalse();
        }

        @Test
        void editsAndDiscordIdsAreRecorded() {
            String ch = channel();
            HistoryMessage m = msg(ch, personality, HistoryRole.ASSISTANT, "draft", T0);
            assertThat(repo.setDiscordMessageIds(m.id(), List.of("c1", "c2", "c3"))).isTrue();
            assertThat(repo.edit(m.id(), "final", 2, T0.plusSeconds(30))).isTrue();
            HistoryMessage stored = repo.find(m.id()).orElseThrow();
            assertThat(stored.content()).isEqualTo("final");
            assertThat(stored.tokenCount()).isEqualTo(2);
            assertThat(stored.editedAt()).isEqualTo(T0.plusSeconds(30));
            assertThat(stored.discordMessageIds()).containsExactly("c1", "c2", "c3");
            assertThat(repo.findByDiscordMessageId("c3")).isPresent();
            assertThat(repo.setDiscordMessageIds(UUID.randomUUID(), List.of("x"))).isFalse();
        }

        @Test
        void purgeDeletesInBatchesAndWritesTombstones() {
            String ch = channel();
            Instant old = Instant.parse("2020-02-01T00:00:00Z"); // older than every other test's rows
            HistoryMessage first = null;
            for (int i = 0; i < 5; i++) {
                HistoryMessage m = msg(ch, personality, HistoryRole.USER, "old " + i, old.plusSeconds(i));
                first = first == null ? m : first;
            }
            HistoryMessage kept = msg(ch, personality, HistoryRole.USER, "kept", old.plusSeconds(3600));
            JdbiPendingMemoryRepository pending = new JdbiPendingMemoryRepository(database());
            PendingMemory outbox = PendingMemory.create(first.id(), owner.personaId(), personality, "old 0 text", "{}", old);
            pending.add(outbox);

            Instant now = old.plusSeconds(7200);
            HistoryPurge purge = repo.purgeOlderThan(old.plusSeconds(60), 2, now);

            assertThat(purge).isEqualTo(new HistoryPurge(5, 3));
            assertThat(repo.find(first.id())).isEmpty();
            assertThat(repo.isTombstoned(first.id())).isTrue();
            assertThat(repo.find(kept.id())).isPresent();
            assertThat(repo.isTombstoned(kept.id())).isFalse();
            assertThat(pending.find(outbox.id())).as("the outbox row follows its history row").isEmpty();
            assertThat(repo.purgeOlderThan(old.plusSeconds(60), 2, now)).isEqualTo(new HistoryPurge(0, 0));

            assertThat(repo.purgeTombstonesOlderThan(now)).isZero();
            assertThat(repo.purgeTombstonesOlderThan(now.plusMillis(1))).isGreaterThanOrEqualTo(5);
            assertThat(repo.isTombstoned(first.id())).isFalse();
            assertThatThrownBy(() -> repo.purgeOlderThan(now, 0, now)).isInstanceOf(IllegalArgumentException.class);
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
