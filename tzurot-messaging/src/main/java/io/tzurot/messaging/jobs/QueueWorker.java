package io.tzurot.messaging.jobs;

import io.tzurot.core.messaging.ConsumerOptions;
import io.tzurot.core.messaging.JobConsumer;
import io.tzurot.core.messaging.JobHandler;
import io.tzurot.core.messaging.JobOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.LinkedBlockingQueue;
import java.util.concurrent.RejectedExecutionException;
import java.util.concurrent.Semaphore;
import java.util.concurrent.ThreadFactory;
import java.util.concurrent.ThreadPoolExecutor;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * A worker on any {@link QueueBackend}: one dispatcher thread fetches only as many jobs as there are free
 * slots (so a worker never hoards jobs another could run) and hands them to a fixed pool of handler threads.
 * Between fetches it renews its held jobs, promotes due retries and recovers jobs of dead workers.
 */
final class QueueWorker implements JobConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(QueueWorker.class);
    private static final int MAX_REASON_LENGTH = 1000;
    /** Longest blocking fetch: bounds how late a retry scheduled by another worker or process is promoted. */
    private static final Duration MAX_FETCH_WAIT = Duration.ofMillis(250);
    private static final Duration MAX_PROMOTION_WAIT = Duration.ofSeconds(1);
    private static final Duration ERROR_PAUSE = Duration.ofSeconds(1);

    private final QueueBackend backend;
    private final String name;
    private final JobHandler handler;
    private final Semaphore slots;
    private final ExecutorService executor;
    private final Set<Delivery> held = ConcurrentHashMap.newKeySet();
    private final Thread dispatcher;
    private final Object stopLock = new Object();
    private volatile boolean running = true;
    private Boolean stoppedCleanly;
    private long nextMaintenanceNanos;
    private boolean recoveryDue;
    /** When to look for due retries next; reset by a local retry so its backoff is honoured precisely. */
    private volatile long nextPromotionNanos;

    private QueueWorker(QueueBackend backend, ConsumerOptions options, JobHandler handler) {
        this.backend = backend;
        this.name = options.consumerName();
        this.handler = handler;
        this.slots = new Semaphore(options.concurrency());
        this.executor = new ThreadPoolExecutor(options.concurrency(), options.concurrency(), 0, TimeUnit.MILLISECONDS,
                new LinkedBlockingQueue<>(), daemonThreads("tzurot-job-" + name + "-"));
        this.dispatcher = daemonThreads("tzurot-dispatch-").newThread(this::dispatch);
        this.dispatcher.setName("tzurot-dispatch-" + name);
    }

    static QueueWorker start(QueueBackend backend, ConsumerOptions options, JobHandler handler) {
        if (handler == null) {
            throw new IllegalArgumentException("handler must not be null");
        }
        backend.attach(options.consumerName());
        QueueWorker worker = new QueueWorker(backend, options, handler);
        worker.dispatcher.start();
        return worker;
    }

    @Override
    public int inFlight() {
        return held.size();
    }

    @Override
    public boolean stop(Duration grace) throws InterruptedException {
        if (grace == null || grace.isNegative()) {
            throw new IllegalArgumentException("grace must be zero or positive");
        }
        synchronized (stopLock) {
            if (stoppedCleanly != null) {
                return stoppedCleanly;
            }
            long deadline = System.nanoTime() + grace.toNanos();
            running = false;
            try {
                backend.wakeUp(name);
            } catch (RuntimeException e) {
                LOG.debug("could not wake dispatcher {}; it stops after its current wait", name, e);
            }
            // The dispatcher is never interrupted: an interrupted Redis read would leave its reply unread.
            dispatcher.join(MAX_FETCH_WAIT.plus(ERROR_PAUSE).plusSeconds(1).toMillis());
            executor.shutdown();
            boolean finished = executor.awaitTermination(Math.max(0, deadline - System.nanoTime()), TimeUnit.NANOSECONDS);
            if (!finished) {
                executor.shutdownNow();
                executor.awaitTermination(5, TimeUnit.SECONDS);
            }
            for (Delivery delivery : List.copyOf(held)) {
                if (delivery.settle()) {
                    releaseQuietly(delivery);
                }
            }
            backend.detach(name);
            stoppedCleanly = finished;
            return finished;
        }
    }

    @Override
    public void close() {
        try {
            stop(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }

    private void dispatch() {
        while (running) {
            int taken = 0;
            try {
                maintainIfDue();
                promoteIfDue();
                if (!slots.tryAcquire(fetchWait().toMillis(), TimeUnit.MILLISECONDS)) {
                    continue;
                }
                taken = 1 + slots.drainPermits();
                List<Delivery> batch = new ArrayList<>();
                if (recoveryDue) {
                    batch.addAll(backend.recover(name, taken));
                    recoveryDue = batch.size() == taken; // more may be waiting
                }
                if (batch.isEmpty() && running) {
                    batch.addAll(backend.fetch(name, taken, fetchWait()));
                }
                for (Delivery delivery : batch) {
                    taken--;
                    start(delivery);
                }
            } catch (InterruptedException e) {
                if (running) {
                    LOG.warn("job dispatcher {} interrupted while running; stopping it", name);
                    running = false;
                }
            } catch (RuntimeException e) {
                LOG.warn("job dispatcher {} failed to fetch jobs; retrying in {}", name, ERROR_PAUSE, e);
                pause();
            } finally {
                slots.release(taken);
            }
        }
    }

    private void start(Delivery delivery) {
        if (!running) {
            delivery.settle();
            releaseQuietly(delivery);
            slots.release();
            return;
        }
        held.add(delivery);
        try {
            executor.execute(() -> run(delivery));
        } catch (RejectedExecutionException e) {
            // stop() shut the pool down between the check above and here: give the job back.
            held.remove(delivery);
            if (delivery.settle()) {
                releaseQuietly(delivery);
            }
            slots.release();
        }
    }

    private void run(Delivery delivery) {
        try {
            JobOutcome outcome = outcomeOf(delivery);
            // A stop may have interrupted this pool thread; clear it so recording the outcome (I/O) still works.
            Thread.interrupted();
            if (delivery.settle()) {
                if (outcome == null) {
                    releaseQuietly(delivery);
                } else {
                    record(delivery, outcome);
                }
            }
        } catch (RuntimeException e) {
            // The job stays leased; the visibility timeout hands it to a worker again.
            LOG.warn("could not record the outcome of job {}; it will be recovered", delivery.job().id(), e);
        } finally {
            held.remove(delivery);
            slots.release();
        }
    }

    /** The handler's outcome, or null when the worker is stopping and the job should be released instead. */
    private JobOutcome outcomeOf(Delivery delivery) {
        try {
            JobOutcome outcome = handler.handle(delivery.job());
            return outcome != null ? outcome : JobOutcome.retry("handler returned no outcome");
        } catch (InterruptedException e) {
            if (!running) {
                return null;
            }
            return JobOutcome.retry("interrupted");
        } catch (Exception e) {
            return JobOutcome.retry(describe(e));
        }
    }

    private void record(Delivery delivery, JobOutcome outcome) {
        if (outcome instanceof JobOutcome.Completed) {
            backend.complete(delivery);
        } else if (outcome instanceof JobOutcome.Retry retry) {
            backend.fail(delivery, truncate(retry.reason()), true);
            nextPromotionNanos = System.nanoTime();
        } else if (outcome instanceof JobOutcome.Reject reject) {
            backend.fail(delivery, truncate(reject.reason()), false);
        }
    }

    private void maintainIfDue() {
        long now = System.nanoTime();
        if (now - nextMaintenanceNanos < 0) {
            return;
        }
        nextMaintenanceNanos = now + backend.maintenanceInterval().toNanos();
        if (!held.isEmpty()) {
            backend.renew(name, List.copyOf(held));
        }
        recoveryDue = true;
    }

    private void promoteIfDue() {
        long now = System.nanoTime();
        if (now - nextPromotionNanos >= 0) {
            // Retries scheduled by other processes are discovered within MAX_PROMOTION_WAIT.
            long wait = Math.min(backend.promoteDueRetries().toNanos(), MAX_PROMOTION_WAIT.toNanos());
            nextPromotionNanos = now + wait;
        }
    }

    private long millisUntilMaintenance() {
        return Math.max(1, TimeUnit.NANOSECONDS.toMillis(nextMaintenanceNanos - System.nanoTime()));
    }

    private Duration fetchWait() {
        long untilPromotion = Math.max(1, TimeUnit.NANOSECONDS.toMillis(nextPromotionNanos - System.nanoTime()));
        return Duration.ofMillis(Math.min(Math.min(MAX_FETCH_WAIT.toMillis(), millisUntilMaintenance()), untilPromotion));
    }

    private void releaseQuietly(Delivery delivery) {
        try {
            backend.release(delivery);
        } catch (RuntimeException e) {
            LOG.warn("could not release job {}; it will be recovered after the visibility timeout", delivery.job().id(), e);
        }
    }

    private void pause() {
        try {
            Thread.sleep(ERROR_PAUSE.toMillis());
        } catch (InterruptedException e) {
            running = false;
        }
    }

    private static String describe(Exception e) {
        String message = e.getMessage();
        return e.getClass().getSimpleName() + (message == null || message.isBlank() ? "" : ": " + message);
    }

    private static String truncate(String reason) {
        return reason.length() <= MAX_REASON_LENGTH ? reason : reason.substring(0, MAX_REASON_LENGTH);
    }

    private static ThreadFactory daemonThreads(String prefix) {
        AtomicInteger counter = new AtomicInteger();
        return runnable -> {
            Thread thread = new Thread(runnable, prefix + counter.incrementAndGet());
            thread.setDaemon(true);
            return thread;
        };
    }
}
