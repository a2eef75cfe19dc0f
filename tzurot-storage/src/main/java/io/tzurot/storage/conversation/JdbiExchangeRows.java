package io.tzurot.storage.conversation;

import io.tzurot.core.conversation.ConversationHistoryRepository;
import io.tzurot.core.conversation.HistoryMessage;
import io.tzurot.core.memory.PendingMemory;
import io.tzurot.core.memory.PendingMemoryRepository;
import io.tzurot.core.reply.ExchangeRows;
import io.tzurot.storage.card.JdbiTransactions;
import io.tzurot.storage.db.Database;
import io.tzurot.storage.db.Dialect;
import io.tzurot.storage.memory.JdbiPendingMemoryRepository;
import java.util.Objects;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link ExchangeRows} on PostgreSQL as one statement: the history row's insert is a data-modifying CTE of the
 * outbox row's, so a reply's two rows cost one round trip and one implicit transaction instead of
 * BEGIN, two inserts and COMMIT on the reply's path. Both inserts run whether or not the other inserted, as the two
 * separate writes did.
 */
public final class JdbiExchangeRows implements ExchangeRows {

    private static final String MEMORY = "m_";

    private final Jdbi jdbi;
    private final String sql;

    private JdbiExchangeRows(Database database) {
        this.jdbi = database.jdbi();
        this.sql = "WITH reply AS (" + JdbiConversationHistoryRepository.insertSql(Dialect.POSTGRESQL) + " RETURNING id) "
                + JdbiPendingMemoryRepository.insertSql(Dialect.POSTGRESQL, MEMORY);
    }

    /**
     * One statement on PostgreSQL; elsewhere (H2 has no data-modifying CTEs) {@code history}'s and {@code pending}'s
     * writes in one transaction.
     */
    public static ExchangeRows of(Database database, ConversationHistoryRepository history, PendingMemoryRepository pending) {
        Objects.requireNonNull(database, "database");
        return database.dialect() == Dialect.POSTGRESQL ? new JdbiExchangeRows(database)
                : ExchangeRows.of(history, pending, new JdbiTransactions(database.jdbi()));
    }

    @Override
    public boolean appendWithMemory(HistoryMessage reply, PendingMemory memory) {
        Objects.requireNonNull(reply, "reply");
        Objects.requireNonNull(memory, "memory");
        return jdbi.withHandle(h -> JdbiPendingMemoryRepository.bind(
                JdbiConversationHistoryRepository.bindInsert(h.createUpdate(sql), reply), memory, MEMORY).execute()) == 1;
    }
}
