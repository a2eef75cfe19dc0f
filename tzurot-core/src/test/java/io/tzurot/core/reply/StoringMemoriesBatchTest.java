package io.tzurot.core.reply;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.card.Transactions;
import io.tzurot.core.memory.MemoryRepository;
import io.tzurot.core.memory.NewMemory;
import io.tzurot.core.memory.PendingMemory;
import io.tzurot.core.memory.PendingMemoryRepository;
import java.lang.reflect.Proxy;
import java.time.Clock;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.AbstractExecutorService;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.junit.jupiter.api.Test;

/**
 * The background writer: what is queued when it runs is embedded, then written in one transaction; when that
 * transaction fails, each write is tried on its own, so one bad row costs nothing else and the outbox keeps it.
 */
class StoringMemoriesBatchTest {

    private static final Instant AT = Instant.parse("2026-12-06T12:00:00Z");
    private static final UUID PERSONA = UUID.randomUUID();
    private static final UUID CHARACTER = UUID.randomUUID();

    /** A database of one table of effects: writes are staged in a transaction and kept only when it commits. */
    private final List<String> committed = new ArrayList<>();
    private final List<String> staged = new ArrayList<>();
    private int transactions;
    private boolean inTransaction;
    private final Transactions tx = new Transactions() {
        @Override
        public <T> T inTransaction(Supplier<T> work) {
            transactions++;
            inTransaction = true;
            try {
                T result = work.get();
                committed.addAll(staged);
                return result;
            } finally {
                staged.clear();
                inTransaction = false;
            }
        }
    };
    private final List<Runnable> queued = new ArrayList<>();
    private int embedded;

    private void write(String effect) {
        (inTransaction ? staged : committed).add(effect);
    }

    private final MemoryRepository memories = (MemoryRepository) Proxy.newProxyInstance(getClass().getClassLoader(),
            new Class<?>[] {MemoryRepository.class}, (proxy, method, args) -> {
                if (!method.getName().equals("insert")) {
                    throw new UnsupportedOperationException(method.getName());
                }
                NewMemory m = (NewMemory) args[0];
                if (m.content().contains("poison")) {
                    throw new IllegalStateException("value too long");
                }
                write("memory " + m.content());
                return true;
            });

    private final PendingMemoryRepository pending = (PendingMemoryRepository) Proxy.newProxyInstance(
            getClass().getClassLoader(), new Class<?>[] {PendingMemoryRepository.class}, (proxy, method, args) -> {
                switch (method.getName()) {
                    case "remove" -> write("outbox removed " + args[0]);
                    case "recordFailure" -> write("outbox failure " + args[0]);
                    default -> throw new UnsupportedOperationException(method.getName());
                }
                return method.getReturnType() == boolean.class ? Boolean.TRUE : null;
            });

    /** Runs nothing until told: writes queued meanwhile are what one run of the writer finds. */
    private final AbstractExecutorService writer = new AbstractExecutorService() {
        private boolean shut;

        @Override
        public void execute(Runnable command) {
            queued.add(command);
        }

        @Override
        public void shutdown() {
            shut = true;
        }

        @Override
        public List<Runnable> shutdownNow() {
            shut = true;
            return List.of();
        }

        @Override
        public boolean isShutdown() {
            return shut;
        }

        @Override
        public boolean isTerminated() {
            return shut;
        }

        @Override
        public boolean awaitTermination(long timeout, TimeUnit unit) {
            return true;
        }
    };

    private final StoringMemories storing = new StoringMemories(pending, memories, text -> {
        embedded++;
        return new float[384];
    }, String::length, writer, Clock.fixed(AT, ZoneOffset.UTC), tx);

    private static PendingMemory exchange(String text) {
        return PendingMemory.create(UUID.randomUUID(), PERSONA, CHARACTER, text, "{}", AT);
    }

    private void runWriter() {
        List<Runnable> now = new ArrayList<>(queued);
        queued.clear();
        now.forEach(Runnable::run);
    }

    @Test
    void whatIsQueuedIsEmbeddedThenWrittenInOneTransaction() {
        PendingMemory first = exchange("{user}: hello\n{assistant}: hi");
        PendingMemory second = exchange("{user}: and again\n{assistant}: hi again");
        storing.submit(first);
        storing.writeInBackground("usage of r1", () -> write("usage r1"));
        storing.writeInBackground("flight record r1", () -> write("flight r1"));
        storing.submit(second);

        runWriter();

        assertThat(transactions).isEqualTo(1);
        assertThat(embedded).isEqualTo(2);
        assertThat(committed).containsExactly("outbox removed " + first.id(), "memory " + first.text(), "usage r1",
                "flight r1", "outbox removed " + second.id(), "memory " + second.text());
    }

    @Test
    void aFailingWriteIsTriedAloneAndCostsTheOthersNothing() {
        PendingMemory good = exchange("{user}: hello\n{assistant}: hi");
        PendingMemory bad = exchange("{user}: poison\n{assistant}: hi");
        storing.submit(good);
        storing.writeInBackground("flight record r2", () -> {
            throw new IllegalStateException("disk full");
        });
        storing.submit(bad);
        storing.writeInBackground("usage of r3", () -> write("usage r3"));

        runWriter();

        assertThat(committed).containsExactly("outbox removed " + good.id(), "memory " + good.text(),
                "outbox failure " + bad.id(), "usage r3");
        assertThat(transactions).as("the batch, then each write on its own").isEqualTo(5);
        assertThat(embedded).as("embedded once, before the batch").isEqualTo(2);
    }

    @Test
    void aWriteQueuedAloneHasItsOwnTransaction() {
        storing.writeInBackground("flight record r4", () -> write("flight r4"));
        runWriter();
        runWriter();

        assertThat(committed).containsExactly("flight r4");
        assertThat(transactions).isEqualTo(1);
    }
}
