package io.tzurot.core.reply;

import io.tzurot.core.card.Transactions;
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
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import java.util.concurrent.ConcurrentLinkedQueue;
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
 *
 * <p>The other background writes of a reply (its usage row, its flight record) go through the same queue. The writer
 * takes whatever is queued, embeds first, then writes it all in one transaction: a reply's rows, and under load
 * several replies' rows, cost one commit instead of one each. Should that transaction fail, each write is tried again
 * on its own, so one bad row costs nothing else.
 */
public final class StoringMemories implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(StoringMemories.class);
    static final int MAX_ATTEMPTS = PendingMemory.MAX_ATTEMPTS;
    /** Most writes in one transaction (bounds how long it holds its locks and connection). */
    static final int MAX_BATCH = 32;

    private final PendingMemoryRepository pending;
    private final MemoryRepository memories;
    private final EmbeddingModel embeddings;
    private final MemoryChunker chunker;
    private final ExecutorService writer;
    private final Clock clock;
    private final Transactions transactions;
    private final ConcurrentLinkedQueue<Write> queue = new ConcurrentLinkedQueue<>();

    /** Each write in a transaction of its own. */
    public StoringMemories(PendingMemoryRepository pending, MemoryRepository memories, EmbeddingModel embeddings,
                           TokenCounter tokens, ExecutorService writer, Clock clock) {
        this(pending, memories, embeddings, tokens, writer, clock, StoringMemories::direct);
    }

    /** Queued writes together in one transaction of {@code transactions}. */
    public StoringMemories(PendingMemoryRepository pending, MemoryRepository memories, EmbeddingModel embeddings,
                           TokenCounter tokens, ExecutorService writer, Clock clock, Transactions transactions) {
        this.pending = Objects.requireNonNull(pending, "pending");
        this.memories = Objects.requireNonNull(memories, "memories");
        this.embeddings = Objects.requireNonNull(embeddings, "embeddings");
        this.chunker = new MemoryChunker(Objects.requireNonNull(tokens, "tokens"));
        this.writer = Objects.requireNonNull(writer, "writer");
        this.clock = Objects.requireNonNull(clock, "clock");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    private static <T> T direct(java.util.function.Supplier<T> work) {
        return work.get();
    }

    /** A background write: an outbox row to embed and store, or rows of another kind. */
    private sealed interface Write permits StoreMemory, Task {
    }

    private record StoreMemory(PendingMemory row) implements Write {
    }

    /** {@code write} throws when it fails; {@code what} names it in the log. */
    private record Task(String what, Runnable write) implements Write {
    }

    /** A write ready for the transaction: embeddings done. */
    private interface Ready {
        void write();

        void failed(RuntimeException e);
    }

    /** Queues the outbox row for embedding and insertion; it stays in the outbox until that succeeds. */
    public void submit(PendingMemory memory) {
        enqueue(new StoreMemory(memory));
    }

    /** Re-queues every outbox row that has not failed for good; returns how many. */
    public int retryPending() {
        List<PendingMemory> rows = pending.retryable(MAX_ATTEMPTS, 500);
        rows.forEach(this::submit);
        return rows.size();
    }

    /** Runs {@code task} on the writer (fire-and-forget work that handles its own failures). */
    public void runInBackground(Runnable task) {
        try {
            writer.execute(task);
        } catch (RejectedExecutionException e) {
            task.run();
        }
    }

    /**
     * Writes in the background, in the writer's next transaction: {@code write} throws on failure, which is logged
     * ("{@code what} not saved"), never surfaced.
     */
    public void writeInBackground(String what, Runnable write) {
        enqueue(new Task(Objects.requireNonNull(what, "what"), Objects.requireNonNull(write, "write")));
    }

    private void enqueue(Write write) {
        queue.add(write);
        try {
            writer.execute(this::drain);
        } catch (RejectedExecutionException e) {
            if (queue.remove(write)) {
                if (write instanceof StoreMemory m) {
                    LOG.info("memory writer is stopping; {} stays in the outbox for the next start", m.row().id());
                } else {
                    alone(ready(write)); // the old behaviour of a stopping writer: on the caller's thread
                }
            }
        }
    }

    /** Takes what is queued: embeddings first, outside any transaction, then every write in one. */
    private void drain() {
        List<Ready> batch = new ArrayList<>();
        Write next;
        while (batch.size() < MAX_BATCH && (next = queue.poll()) != null) {
            Ready ready = ready(next);
            if (ready != null) {
                batch.add(ready);
            }
        }
        if (batch.size() == 1) {
            alone(batch.get(0));
        } else if (batch.size() > 1) {
            try {
                transactions.inTransaction(() -> {
                    batch.forEach(Ready::write);
                    return null;
                });
            } catch (RuntimeException e) {
                LOG.debug("a batch of {} background writes failed ({}); each is tried on its own", batch.size(),
                        e.toString());
                batch.forEach(this::alone);
            }
        }
    }

    private void alone(Ready ready) {
        try {
            transactions.inTransaction(() -> {
                ready.write();
                return null;
            });
        } catch (RuntimeException e) {
            ready.failed(e);
        }
    }

    /** The write with its embeddings made; null when embedding failed (the failure is recorded). */
    private Ready ready(Write write) {
        if (write instanceof Task task) {
            return new Ready() {
                @Override
                public void write() {
                    task.write().run();
                }

                @Override
                public void failed(RuntimeException e) {
                    LOG.warn("{} not saved: {}", task.what(), e.getMessage());
                }
            };
        }
        PendingMemory row = ((StoreMemory) write).row();
        try {
            List<NewMemory> rows = embedded(row);
            return new Ready() {
                @Override
                public void write() {
                    // outbox row first, in the same transaction: gone already means a swipe or a delete replaced
                    // this exchange's memory while it was queued; a failed insert rolls the removal back
                    if (!pending.remove(row.id())) {
                        return;
                    }
                    rows.forEach(memories::insert);
                }

                @Override
                public void failed(RuntimeException e) {
                    memoryFailed(row, e);
                }
            };
        } catch (RuntimeException e) {
            memoryFailed(row, e);
            return null;
        }
    }

    /** The memory rows of an outbox row, embedded: one, or one per chunk of a long exchange. */
    private List<NewMemory> embedded(PendingMemory row) {
        String channel = HistoryMetadata.read(row.metadataJson(), "channelId").orElse(null);
        String guild = HistoryMetadata.read(row.metadataJson(), "guildId").orElse(null);
        Instant at = HistoryMetadata.read(row.metadataJson(), "createdAt").map(Instant::parse).orElse(row.createdAt());
        List<String> pieces = chunker.split(row.text());
        if (pieces.size() == 1) {
            return List.of(NewMemory.live(row.personaId(), row.personalityId(), row.text(), embeddings.embed(row.text()),
                    null, channel, guild, at));
        }
        UUID group = DeterministicIds.memoryChunkGroup(row.personaId(), row.personalityId(), row.text());
        List<NewMemory> out = new ArrayList<>(pieces.size());
        for (int i = 0; i < pieces.size(); i++) {
            String piece = pieces.get(i);
            NewMemory live = NewMemory.live(row.personaId(), row.personalityId(), piece, embeddings.embed(piece),
                    null, channel, guild, at);
            UUID id = DeterministicIds.memory(row.personaId(), row.personalityId(), piece + "::chunk::" + i);
            out.add(new NewMemory(id, live.personaId(), live.personalityId(), live.content(),
                    live.embedding(), false, null, null, null, live.canonScope(), live.summaryType(), channel,
                    guild, List.of(), List.of(), at, null, live.sourceSystem(),
                    new MemoryChunk(group, i, pieces.size())));
        }
        return out;
    }

    private void memoryFailed(PendingMemory row, RuntimeException e) {
        LOG.warn("storing memory {} failed (attempt {}): {}", row.id(), row.attempts() + 1, e.getMessage());
        try {
            pending.recordFailure(row.id(), String.valueOf(e.getMessage()), clock.instant(), MAX_ATTEMPTS);
        } catch (RuntimeException inner) {
            LOG.warn("could not record the failure of memory {}: {}", row.id(), inner.getMessage());
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
