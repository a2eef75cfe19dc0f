package io.tzurot.core.reply;

import io.tzurot.core.card.Transactions;
import io.tzurot.core.conversation.ConversationHistoryRepository;
import io.tzurot.core.conversation.HistoryMessage;
import io.tzurot.core.memory.PendingMemory;
import io.tzurot.core.memory.PendingMemoryRepository;
import java.util.Objects;

/**
 * Port: stores a reply's history row together with its memory's outbox row, both or neither, so a reply is never
 * kept without the memory it owes. A store may do it in one statement; {@link #of} is the two repositories' writes
 * in one transaction.
 */
@FunctionalInterface
public interface ExchangeRows {

    /**
     * Appends {@code reply} (left as it is when a row with its id exists) and adds {@code memory} to the outbox;
     * true when the outbox row is new, false when a row with its id was there already (a redelivered job).
     */
    boolean appendWithMemory(HistoryMessage reply, PendingMemory memory);

    /** {@link ConversationHistoryRepository#append} then {@link PendingMemoryRepository#add}, in one transaction. */
    static ExchangeRows of(ConversationHistoryRepository history, PendingMemoryRepository pending,
                           Transactions transactions) {
        Objects.requireNonNull(history, "history");
        Objects.requireNonNull(pending, "pending");
        Objects.requireNonNull(transactions, "transactions");
        return (reply, memory) -> transactions.inTransaction(() -> {
            history.append(reply);
            return pending.add(memory);
        });
    }
}
