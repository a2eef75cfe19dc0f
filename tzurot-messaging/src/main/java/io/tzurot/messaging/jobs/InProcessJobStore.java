package io.tzurot.messaging.jobs;

import io.tzurot.core.messaging.DeadLetter;
import io.tzurot.core.messaging.Job;
import io.tzurot.core.messaging.JobRequest;
import io.tzurot.core.messaging.QueueSettings;
import io.tzurot.core.messaging.QueueStats;
import io.tzurot.core.messaging.Submission;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.Iterator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.PriorityQueue;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.locks.Condition;
import java.util.concurrent.locks.ReentrantLock;

/**
 * The in-process queue's state under one lock. Workers wait on a condition (no polling); a delivery is a
 * lease that its worker renews, and a lease that runs out means its worker died, so the job is queued again.
 */
final class InProcessJobStore implements QueueBackend {

    private enum State { QUEUED, DELAYED, LEASED, COMPLETED, DEAD }

    private static final class Entry {
        final String id;
        final String type;
        final String payload;
        State state = State.QUEUED;
        int attempt;
        long leaseToken;
        long leaseExpiresNanos;
        String lastError = "";
        Instant deadAt;

        Entry(JobRequest request) {
            this.id = request.idempotencyKey();
            this.type = request.type();
            this.payload = request.payload();
        }
    }

    private record Due(String id, long atNanos) {
    }

    private final QueueSettings settings;
    private final ReentrantLock lock = new ReentrantLock();
    private final Condition changed = lock.newCondition();
    private final Map<String, Entry> jobs = new HashMap<>();
    private final ArrayDeque<String> ready = new ArrayDeque<>();
    private final PriorityQueue<Due> delayed = new PriorityQueue<>((a, b) -> Long.compare(a.atNanos, b.atNanos));
    private final Map<String, Entry> leased = new HashMap<>();
    private final LinkedHashMap<String, Entry> dead = new LinkedHashMap<>();
    private final ArrayDeque<Due> forgetQueue = new ArrayDeque<>();
    private final java.util.Set<String> consumers = new java.util.HashSet<>();
    private long nextLease;
    private long completed;
    private long failed;

    InProcessJobStore(QueueSettings settings) {
        this.settings = settings;
    }

    @Override
    public Submission submit(JobRequest request) {
        lock.lock();
        try {
            long now = System.nanoTime();
            forgetExpired(now);
            if (jobs.containsKey(request.idempotencyKey())) {
                return new Submission(request.idempotencyKey(), false);
            }
            Entry entry = new Entry(request);
            jobs.put(entry.id, entry);
            forgetQueue.add(new Due(entry.id, now + settings.idempotencyWindow().toNanos()));
            ready.addLast(entry.id);
            changed.signal();
            return new Submission(entry.id, true);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void attach(String consumer) {
        lock.lock();
        try {
            if (!consumers.add(consumer)) {
                throw new IllegalStateException("a worker named " + consumer + " already consumes queue " + settings.name());
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void detach(String consumer) {
        lock.lock();
        try {
            consumers.remove(consumer);
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<Delivery> fetch(String consumer, int max, Duration wait) throws InterruptedException {
        long deadline = System.nanoTime() + wait.toNanos();
        lock.lockInterruptibly();
        try {
            while (true) {
                long now = System.nanoTime();
                promote(now);
                reapExpiredLeases(now);
                if (!ready.isEmpty()) {
                    List<Delivery> out = new ArrayList<>();
                    while (out.size() < max && !ready.isEmpty()) {
                        out.add(lease(jobs.get(ready.pollFirst()), now, consumer));
                    }
                    return out;
                }
                long sleep = Math.min(deadline - now, nanosUntilNextEvent(now));
                if (sleep <= 0 || deadline - now <= 0) {
                    return List.of();
                }
                changed.awaitNanos(sleep);
                if (deadline - System.nanoTime() <= 0 && ready.isEmpty()) {
                    return List.of();
                }
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<Delivery> recover(String consumer, int max) {
        // Expired leases go back to the ready list in fetch, in order; nothing to take over separately.
        return List.of();
    }

    @Override
    public void complete(Delivery delivery) {
        lock.lock();
        try {
            Entry entry = jobs.get(delivery.job().id());
            if (entry == null || entry.state == State.COMPLETED || entry.state == State.DEAD) {
                return;
            }
            if (entry.state == State.LEASED && entry.leaseToken != tokenOf(delivery)) {
                return; // another worker took it over; its outcome counts
            }
            leased.remove(entry.id);
            ready.remove(entry.id);
            entry.state = State.COMPLETED;
            completed++;
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void fail(Delivery delivery, String reason, boolean retryable) {
        lock.lock();
        try {
            Entry entry = ownedEntry(delivery);
            if (entry == null) {
                return;
            }
            leased.remove(entry.id);
            failed++;
            entry.lastError = reason;
            if (!retryable || settings.retry().exhaustedAfter(entry.attempt)) {
                deadLetter(entry);
            } else {
                entry.state = State.DELAYED;
                delayed.add(new Due(entry.id, System.nanoTime() + settings.retry().backoffAfter(entry.attempt).toNanos()));
                changed.signalAll();
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void release(Delivery delivery) {
        lock.lock();
        try {
            Entry entry = ownedEntry(delivery);
            if (entry == null) {
                return;
            }
            leased.remove(entry.id);
            entry.attempt--;
            entry.state = State.QUEUED;
            ready.addFirst(entry.id);
            changed.signal();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public void renew(String consumer, Collection<Delivery> held) {
        lock.lock();
        try {
            long expires = System.nanoTime() + settings.visibilityTimeout().toNanos();
            for (Delivery delivery : held) {
                Entry entry = ownedEntry(delivery);
                if (entry != null) {
                    entry.leaseExpiresNanos = expires;
                }
            }
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Duration promoteDueRetries() {
        lock.lock();
        try {
            long now = System.nanoTime();
            promote(now);
            // fetch promotes on its own schedule; this is only the worker's periodic nudge
            return delayed.isEmpty() ? maintenanceInterval() : Duration.ofNanos(Math.max(0, delayed.peek().atNanos - now));
        } finally {
            lock.unlock();
        }
    }

    @Override
    public Duration maintenanceInterval() {
        return settings.visibilityTimeout().dividedBy(3);
    }

    @Override
    public void wakeUp(String consumer) {
        lock.lock();
        try {
            changed.signalAll();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public QueueStats stats() {
        lock.lock();
        try {
            return new QueueStats(ready.size() + delayed.size(), leased.size(), completed, failed, dead.size());
        } finally {
            lock.unlock();
        }
    }

    @Override
    public List<DeadLetter> deadLetters(int limit) {
        lock.lock();
        try {
            return dead.values().stream().limit(limit)
                    .map(e -> new DeadLetter(e.id, e.type, e.payload, e.attempt, e.lastError, e.deadAt))
                    .toList();
        } finally {
            lock.unlock();
        }
    }

    @Override
    public boolean retryDeadLetter(String jobId) {
        lock.lock();
        try {
            Entry entry = dead.remove(jobId);
            if (entry == null) {
                return false;
            }
            entry.attempt = 0;
            entry.state = State.QUEUED;
            entry.deadAt = null;
            ready.addLast(entry.id);
            changed.signal();
            return true;
        } finally {
            lock.unlock();
        }
    }

    private Delivery lease(Entry entry, long now, String consumer) {
        entry.state = State.LEASED;
        entry.attempt++;
        entry.leaseToken = ++nextLease;
        entry.leaseExpiresNanos = now + settings.visibilityTimeout().toNanos();
        leased.put(entry.id, entry);
        return new Delivery(new Job(entry.id, entry.type, entry.payload, entry.attempt), Long.toString(entry.leaseToken), consumer);
    }

    /** The entry when {@code delivery} still holds its lease; null when it was taken over or settled. */
    private Entry ownedEntry(Delivery delivery) {
        Entry entry = leased.get(delivery.job().id());
        return entry != null && entry.leaseToken == tokenOf(delivery) ? entry : null;
    }

    private static long tokenOf(Delivery delivery) {
        return Long.parseLong(delivery.token());
    }

    private void deadLetter(Entry entry) {
        entry.state = State.DEAD;
        entry.deadAt = Instant.now();
        dead.put(entry.id, entry);
    }

    private void promote(long now) {
        while (!delayed.isEmpty() && delayed.peek().atNanos - now <= 0) {
            Entry entry = jobs.get(delayed.poll().id);
            if (entry != null && entry.state == State.DELAYED) {
                entry.state = State.QUEUED;
                ready.addLast(entry.id);
            }
        }
    }

    private void reapExpiredLeases(long now) {
        Iterator<Entry> it = leased.values().iterator();
        while (it.hasNext()) {
            Entry entry = it.next();
            if (entry.leaseExpiresNanos - now > 0) {
                continue;
            }
            it.remove();
            entry.leaseToken = ++nextLease; // the silent worker's late outcome no longer counts
            if (entry.attempt >= settings.retry().maxAttempts()) {
                entry.lastError = "worker stopped responding (visibility timeout " + settings.visibilityTimeout() + ")";
                failed++;
                deadLetter(entry);
            } else {
                entry.state = State.QUEUED;
                ready.addLast(entry.id);
            }
        }
    }

    private long nanosUntilNextEvent(long now) {
        long next = Long.MAX_VALUE;
        if (!delayed.isEmpty()) {
            next = Math.min(next, delayed.peek().atNanos - now);
        }
        for (Entry entry : leased.values()) {
            next = Math.min(next, entry.leaseExpiresNanos - now);
        }
        return next == Long.MAX_VALUE ? TimeUnit.SECONDS.toNanos(1) : Math.max(1, next);
    }

    /** Forgets finished jobs whose idempotency window has passed; unfinished ones are remembered longer. */
    private void forgetExpired(long now) {
        int checks = forgetQueue.size();
        while (checks-- > 0 && !forgetQueue.isEmpty() && forgetQueue.peekFirst().atNanos - now <= 0) {
            Due due = forgetQueue.pollFirst();
            Entry entry = jobs.get(due.id);
            if (entry != null && entry.state == State.COMPLETED) {
                jobs.remove(due.id);
            } else if (entry != null) {
                forgetQueue.addLast(new Due(due.id, now + settings.idempotencyWindow().toNanos()));
            }
        }
    }
}
