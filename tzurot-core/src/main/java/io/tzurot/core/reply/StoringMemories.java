package io.tzurot.core.reply;

import io.tzurot.core.id.DeterministicIds;
import io.tzurot.core.memory.MemoryChunk;
import io.tzurot.core.memory.MemoryRepository;
import io.tzurot.core.memory.NewMemory;
import io.tzurot.core.memory.PendingMemory;
import io.tzurot.core.memory.PendingMemoryRepository;
import io.tzurot.core.model.EmbeddingModel;
import io.tzurot.core.prompt.TokenCounter;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Stores long-term memories off the reply's critical path, and never loses one: the exchange is first written
 * to the {@code pending_memories} outbox (by the caller, synchronously), then embedded and inserted here in the
 * background, then removed from the outbox. Leftovers (a crash, a failing embed) are retried by
 * {@link #retryPending()}; {@link #close()} waits for every write in flight.
 */
public final class StoringMemories implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StoringMemories.class);
    static final int MAX_ATTEMPTS = PendingMemory.MAX_ATTEMPTS;

    private final PendingMemoryRepository pending;
    private final MemoryRepository memories;
    private final EmbeddingModel embeddings;
    private final MemoryChunker chunker;
    private final ExecutorService writer;
    private final Clock clock;

    public StoringMemories(PendingMemoryRepository pending, MemoryRepository memories, EmbeddingModel embeddings,
                           TokenCounter tokens, ExecutorService writer, Clock clock) {
        this.pending = Objects.requireNonNull(pending, "pending");
        this.memories = Objects.requireNonNull(memories, "memories");
        this.embeddings = Objects.requireNonNull(embeddings, "embeddings");
        this.chunker = new MemoryChunker(Objects.requireNonNull(tokens, "tokens"));
        this.writer = Objects.requireNonNull(writer, "writer");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Queues the outbox row for embedding and insertion; it stays in the outbox until that succeeds. */
    public void submit(PendingMemory memory) {
        try {
            writer.execute(() -> store(memory));
        } catch (RejectedExecutionException e) {
            LOG.info("memory writer is stopping; {} stays in the outbox for the next start", memory.id());
        }
    }

    /** Re-queues every outbox row that has not failed for good; returns how many. */
    public int retryPending() {
        List<PendingMemory> rows = pending.retryable(MAX_ATTEMPTS, 500);
        rows.forEach(this::submit);
        return rows.size();
    }

    /** Runs {@code task} on the writer (diagnostics and other fire-and-forget writes share its shutdown wait). */
    public void runInBackground(Runnable task) {
        try {
            writer.execute(task);
        } catch (RejectedExecutionException e) {
            task.run();
        }
    }

    private void store(PendingMemory row) {
        try {
            String channel = HistoryMetadata.read(row.metadataJson(), "channelId").orElse(null);
            String guild = HistoryMetadata.read(row.metadataJson(), "guildId").orElse(null);
            Instant at = HistoryMetadata.read(row.metadataJson(), "createdAt").map(Instant::parse).orElse(row.createdAt());
            List<String> pieces = chunker.split(row.text());
            List<float[]> vectors = pieces.stream().map(embeddings::embed).toList();
            if (pending.find(row.id()).isEmpty()) {
                return; // taken out of the outbox while queued: a swipe or a delete replaced this exchange's memory
            }
            if (pieces.size() == 1) {
                memories.insert(NewMemory.live(row.personaId(), row.personalityId(), row.text(), vectors.get(0), null,
                        channel, guild, at));
            } else {
                UUID group = DeterministicIds.memoryChunkGroup(row.personaId(), row.personalityId(), row.text());
                for (int i = 0; i < pieces.size(); i++) {
                    String piece = pieces.get(i);
                    NewMemory live = NewMemory.live(row.personaId(), row.personalityId(), piece, vectors.get(i),
                            null, channel, guild, at);
                    UUID id = DeterministicIds.memory(row.personaId(), row.personalityId(), piece + "::chunk::" + i);
                    memories.insert(new NewMemory(id, live.personaId(), live.personalityId(), live.content(),
                            live.embedding(), false, null, null, null, live.canonScope(), live.summaryType(), channel,
                            guild, List.of(), List.of(), at, null, live.sourceSystem(),
                            new MemoryChunk(group, i, pieces.size())));
                }
            }
            pending.remove(row.id());
        } catch (RuntimeException e) {
            LOG.warn("storing memory {} failed (attempt {}): {}", row.id(), row.attempts() + 1, e.getMessage());
            try {
                pending.recordFailure(row.id(), String.valueOf(e.getMessage()), clock.instant(), MAX_ATTEMPTS);
            } catch (RuntimeException inner) {
                LOG.warn("could not record the failure of memory {}: {}", row.id(), inner.getMessage());
            }
        }
    }

    /** Waits until every queued write is done (the outbox keeps anything that could not finish in time). */
    public boolean awaitIdle(Duration timeout) throws InterruptedException {
        writer.shutdown();
        return writer.awaitTermination(timeout.toMillis(), TimeUnit.MILLISECONDS);
    }

    @Override
    public void close() {
        try {
            if (!awaitIdle(Duration.ofSeconds(60))) {
                LOG.warn("memory writes still running after 60 s; they stay in the outbox for the next start");
                writer.shutdownNow();
            }
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            writer.shutdownNow();
        }
    }
}
