package io.tzurot.core.reply;

import io.tzurot.core.conversation.HistoryMessage;
import io.tzurot.core.id.DeterministicIds;
import io.tzurot.core.memory.MemoryRepository;
import io.tzurot.core.memory.PendingMemory;
import io.tzurot.core.memory.PendingMemoryRepository;
import io.tzurot.core.prompt.TokenCounter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;

/**
 * The long-term memory one exchange left behind. Its rows are found by the exchange itself: a memory's id is
 * derived from (persona, character, text), and the text from the user's turn and the reply, so a swipe can forget
 * the memory of the version it replaces and store the chosen one through the same outbox as every reply.
 */
public final class ExchangeMemories {

    /** History metadata key of the user's part of the memory text, when it differs from the stored user turn. */
    public static final String USER_PART = "memoryUser";

    private final PendingMemoryRepository pending;
    private final MemoryRepository memories;
    private final StoringMemories storing;
    private final MemoryChunker chunker;

    public ExchangeMemories(PendingMemoryRepository pending, MemoryRepository memories, StoringMemories storing,
                            TokenCounter tokens) {
        this.pending = Objects.requireNonNull(pending, "pending");
        this.memories = Objects.requireNonNull(memories, "memories");
        this.storing = Objects.requireNonNull(storing, "storing");
        this.chunker = new MemoryChunker(Objects.requireNonNull(tokens, "tokens"));
    }

    /** The memory text of an exchange. */
    public static String text(String userPart, String reply) {
        return MemoryChunker.USER_TURN + userPart + MemoryChunker.ASSISTANT_TURN + reply;
    }

    /** True when the exchange answered by {@code reply} (with text {@code replyText}) has a memory, stored or queued. */
    public boolean exists(HistoryMessage reply, HistoryMessage asked, String replyText) {
        String text = text(userPart(reply, asked), replyText);
        if (pending.find(DeterministicIds.pendingMemory(reply.personaId(), reply.personalityId(), text)).isPresent()) {
            return true;
        }
        return ids(reply, text).stream().anyMatch(id -> memories.find(id).isPresent());
    }

    /** Removes the exchange's memory of {@code replyText} (stored rows and any queued outbox row); how many rows went. */
    public int forget(HistoryMessage reply, HistoryMessage asked, String replyText) {
        String text = text(userPart(reply, asked), replyText);
        pending.remove(DeterministicIds.pendingMemory(reply.personaId(), reply.personalityId(), text));
        return memories.delete(ids(reply, text));
    }

    /** Queues the exchange's memory of {@code replyText}, embedded in the background as any reply's memory is. */
    public void store(HistoryMessage reply, HistoryMessage asked, String replyText) {
        String text = text(userPart(reply, asked), replyText);
        Map<String, String> meta = new LinkedHashMap<>();
        meta.put("channelId", reply.channelId());
        if (reply.guildId() != null) {
            meta.put("guildId", reply.guildId());
        }
        meta.put("createdAt", reply.createdAt().toString());
        PendingMemory row = PendingMemory.create(reply.id(), reply.personaId(), reply.personalityId(), text,
                HistoryMetadata.write(meta), reply.createdAt());
        if (pending.add(row)) {
            storing.submit(row);
        }
    }

    private static String userPart(HistoryMessage reply, HistoryMessage asked) {
        return HistoryMetadata.read(reply.metadataJson(), USER_PART).orElse(asked.content());
    }

    /** The ids the live path gives the memory rows of {@code text} (one, or one per chunk). */
    private List<UUID> ids(HistoryMessage reply, String text) {
        List<String> pieces = chunker.split(text);
        if (pieces.size() == 1) {
            return List.of(DeterministicIds.memory(reply.personaId(), reply.personalityId(), text));
        }
        List<UUID> ids = new ArrayList<>(pieces.size());
        for (int i = 0; i < pieces.size(); i++) {
            ids.add(DeterministicIds.memory(reply.personaId(), reply.personalityId(), pieces.get(i) + "::chunk::" + i));
        }
        return ids;
    }
}
