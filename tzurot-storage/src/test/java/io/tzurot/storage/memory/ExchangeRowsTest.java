package io.tzurot.storage.memory;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tzurot.core.conversation.ConversationHistoryRepository;
import io.tzurot.core.conversation.HistoryMessage;
import io.tzurot.core.conversation.HistoryRole;
import io.tzurot.core.memory.PendingMemory;
import io.tzurot.core.memory.PendingMemoryRepository;
import io.tzurot.core.reply.ExchangeRows;
import io.tzurot.storage.conversation.JdbiConversationHistoryRepository;
import io.tzurot.storage.conversation.JdbiExchangeRows;
import io.tzurot.storage.db.Dialect;
import io.tzurot.storage.testing.DatabaseContract;
import java.time.Instant;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** A reply's history row and its memory's outbox row: written together, once, and never one without the other. */
class ExchangeRowsTest {

    abstract static class Contract extends DatabaseContract {
        private static final Instant T0 = Instant.parse("2026-12-07T08:00:00Z");

        ConversationHistoryRepository history;
        PendingMemoryRepository pending;
        ExchangeRows rows;
        TestRows.Owner owner;
        UUID personality;

        Contract(Dialect dialect) {
            super(dialect);
        }

        @BeforeAll
        void setUp() {
            history = new JdbiConversationHistoryRepository(database());
            pending = new JdbiPendingMemoryRepository(database());
            rows = JdbiExchangeRows.of(database(), history, pending);
            owner = TestRows.owner(database(), "rowan", "Rowan", null);
            personality = TestRows.personality(database(), owner.userId(), "Recorder", null);
        }

        private HistoryMessage reply(String content) {
            return new HistoryMessage(UUID.randomUUID(), String.valueOf(java.util.concurrent.ThreadLocalRandom.current().nextLong(100_000_000_000_000_000L, 999_999_999_999_999_999L)), null, personality, owner.personaId(),
                    HistoryRole.ASSISTANT, content, 3, List.of(), "{\"model\":\"m\"}", T0, null, null);
        }

        private PendingMemory memoryOf(HistoryMessage reply) {
            return PendingMemory.create(reply.id(), owner.personaId(), personality, "{user}: hi\n{assistant}: "
                    + reply.content(), "{\"channelId\":\"" + reply.channelId() + "\"}", T0);
        }

        @Test
        void writesBothRowsAsGiven() {
            HistoryMessage row = reply("hello there");
            PendingMemory memory = memoryOf(row);
            assertThat(rows.appendWithMemory(row, memory)).isTrue();
            HistoryMessage stored = history.find(row.id()).orElseThrow();
            assertThat(stored.content()).isEqualTo("hello there");
            assertThat(stored.channelId()).isEqualTo(row.channelId());
            assertThat(stored.role()).isEqualTo(HistoryRole.ASSISTANT);
            assertThat(stored.tokenCount()).isEqualTo(3);
            assertThat(stored.metadataJson()).contains("\"model\"");
            PendingMemory outbox = pending.find(memory.id()).orElseThrow();
            assertThat(outbox.conversationHistoryId()).isEqualTo(row.id());
            assertThat(outbox.text()).isEqualTo(memory.text());
            assertThat(outbox.metadataJson()).contains(row.channelId());
            assertThat(outbox.createdAt()).isEqualTo(T0);
        }

        @Test
        void aRedeliveredReplyWritesNothingTwiceAndKeepsTheFirstRows() {
            HistoryMessage row = reply("first answer");
            PendingMemory memory = memoryOf(row);
            assertThat(rows.appendWithMemory(row, memory)).isTrue();
            HistoryMessage again = new HistoryMessage(row.id(), row.channelId(), null, personality, owner.personaId(),
                    HistoryRole.ASSISTANT, "second answer", 3, List.of(), "{}", T0.plusSeconds(5), null, null);
            assertThat(rows.appendWithMemory(again, memory)).isFalse();
            assertThat(history.find(row.id()).orElseThrow().content()).isEqualTo("first answer");
            assertThat(pending.find(memory.id()).orElseThrow().text()).isEqualTo(memory.text());
        }

        @Test
        void aReplyStoredWithoutItsOutboxRowGetsIt() {
            HistoryMessage row = reply("stored alone");
            assertThat(history.append(row)).isTrue();
            PendingMemory memory = memoryOf(row);
            assertThat(rows.appendWithMemory(row, memory)).isTrue();
            assertThat(pending.find(memory.id())).isPresent();
        }

        @Test
        void aFailedOutboxWriteKeepsNoReplyRow() {
            HistoryMessage taken = reply("taken");
            rows.appendWithMemory(taken, memoryOf(taken));
            HistoryMessage row = reply("never kept");
            // another outbox row already claims this reply's history id: the unique key refuses the new one
            PendingMemory memory = new PendingMemory(memoryOf(row).id(), taken.id(), owner.personaId(), personality,
                    "clash", "{}", 0, null, null, T0);
            assertThatThrownBy(() -> rows.appendWithMemory(row, memory)).isInstanceOf(RuntimeException.class);
            assertThat(history.find(row.id())).isEmpty();
            assertThat(pending.find(memory.id())).isEmpty();
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
