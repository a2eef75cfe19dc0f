package io.tzurot.messaging.results;

import io.tzurot.core.messaging.ResultStream;
import io.tzurot.core.messaging.StreamHandler;
import io.tzurot.core.messaging.StreamMessage;
import io.tzurot.core.messaging.StreamSettings;
import io.tzurot.core.messaging.Subscription;
import java.util.ArrayDeque;
import java.util.HashMap;
import java.util.HashSet;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The embedded profile's result stream: a bounded in-memory log with a cursor and a pending list per group.
 * Consumer threads wait on a condition until a message is new to their group or due for redelivery.
 */
public final class InProcessResultStream implements ResultStream {

    private static final Logger LOG = LoggerFactory.getLogger(InProcessResultStream.class);

    private record Logged(long seq, StreamMessage message) {
    }

    /** A delivered, unconfirmed message; due again at {@code redeliverAtNanos} whoever holds it. */
    private static final class Pending {
        final Logged entry;
        long redeliverAtNanos;

        Pending(Logged entry, long redeliverAtNanos) {
            this.entry = entry;
            this.redeliverAtNanos = redeliverAtNanos;
        }
    }

    private static final class Group {
        long next;
        final LinkedHashMap<Long, Pending> pending = new LinkedHashMap<>();
        final Set<String> consumers = new HashSet<>();
    }

    private final StreamSettings settings;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final ArrayDeque<Logged> log = new ArrayDeque<>();
    private final LinkedHashMap<String, Long> published = new LinkedHashMap<>();
    private final Map<String, Group> groups = new HashMap<>();
    private long nextSeq;
    private boolean closed;

    public InProcessResultStream(StreamSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
    }

    @Override
    public StreamSettings settings() {
        return settings;
    }

    @Override
    public boolean publish(StreamMessage message) {
        Objects.requireNonNull(message, "message");
        lock.lock();
        try {
            long now = System.nanoTime();
            forgetPublished(now);
            if (published.containsKey(message.id())) {
                return false;
            }
            published.put(message.id(), now + settings.dedupWindow().toNanos());
            log.addLast(new Logged(nextSeq++, message));
            while (log.size() > settings.maxLength()) {
                log.pollFirst();
            }
            changed.signalAll();
            return true;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Subscription consume(String group, String consumerName, StreamHandler handler) {
        StreamArgs.name(group, "group");
        StreamArgs.name(consumerName, "consumerName");
        StreamArgs.handler(handler);
        lock.lock();
        try {
            Group state = groups.computeIfAbsent(group, g -> {
                Group fresh = new Group();
                fresh.next = log.isEmpty() ? nextSeq : log.peekFirst().seq();
                return fresh;
            });
            if (!state.consumers.add(consumerName)) {
                throw new IllegalStateException("consumer " + consumerName + " already reads group " + group);
            }
        } finally {
            lock.unlock();
        }
        Reader reader = new Reader(group, consumerName, handler);
        reader.start();
        return reader;
    }

    @Override
    public long unconfirmed(String group) {
        lock.lock();
        try {
            Group state = groups.get(StreamArgs.name(group, "group"));
            return state == null ? 0 : state.pending.size();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void close() {
        lock.lock();
        try {
            closed = true;
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    /** Waits for the group's next new or due message; null when the consumer or the stream stops. */
    private Pending take(String group, Reader consumer) throws InterruptedException {
        lock.lockInterruptibly();
        try {
            Group state = groups.get(group);
            while (!closed && consumer.running) {
                long now = System.nanoTime();
                long wait = TimeUnit.SECONDS.toNanos(1);
                long again = now + settings.redeliveryDelay().toNanos();
                for (Pending p : state.pending.values()) {
                    if (p.redeliverAtNanos - now <= 0) {
                        p.redeliverAtNanos = again;
                        return p;
                    }
                    wait = Math.min(wait, p.redeliverAtNanos - now);
                }
                Logged next = firstFrom(state.next);
                if (next != null) {
                    state.next = next.seq() + 1;
                    Pending p = new Pending(next, again);
                    state.pending.put(next.seq(), p);
                    return p;
                }
                changed.awaitNanos(Math.max(1, wait));
            }
            state.consumers.remove(consumer.name);
            return null;
        } finally {
            lock.unlock();
        }
    }

    private void settle(String group, Pending pending, boolean confirmed) {
        lock.lock();
        try {
            Group state = groups.get(group);
            if (confirmed) {
                state.pending.remove(pending.entry.seq());
            } else {
                // Due again one delay after the failure, not after the (possibly long) delivery began.
                pending.redeliverAtNanos = System.nanoTime() + settings.redeliveryDelay().toNanos();
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    private Logged firstFrom(long seq) {
        for (Logged entry : log) {
            if (entry.seq() >= seq) {
                return entry;
            }
        }
        return null;
    }

    private void forgetPublished(long now) {
        Iterator<Map.Entry<String, Long>> it = published.entrySet().iterator();
        while (it.hasNext()) {
            if (it.next().getValue() - now > 0) {
                return; // insertion order = expiry order
            }
            it.remove();
        }
    }

    /** One consumer's thread: takes a message, hands it to the handler, confirms or schedules redelivery. */
    private final class Reader implements Subscription {
        private final String group;
        private final String name;
        private final StreamHandler handler;
        private final Thread thread;
        private volatile boolean running = true;

        Reader(String group, String name, StreamHandler handler) {
            this.group = group;
            this.name = name;
            this.handler = handler;
            this.thread = new Thread(this::loop, "tzurot-results-" + group + "-" + name);
            this.thread.setDaemon(true);
        }

        void start() {
            thread.start();
        }

        private void loop() {
            try {
                Pending pending;
                while ((pending = take(group, this)) != null) {
                    boolean confirmed = false;
                    try {
                        handler.deliver(pending.entry.message());
                        confirmed = true;
                    } catch (Exception e) {
                        LOG.warn("delivery of {} failed; it will be delivered again", pending.entry.message().id(), e);
                    }
                    settle(group, pending, confirmed);
                }
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }

        @Override
        public void close() {
            running = false;
            lock.lock();
            try {
                changed.signalAll();
            } finally {
                lock.unlock();
            }
            try {
                thread.join(TimeUnit.SECONDS.toMillis(30));
            } catch (InterruptedException e) {
                Thread.currentThread().interrupt();
            }
        }
    }
}
