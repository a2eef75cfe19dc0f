package io.tzurot.messaging.jobs;

import io.tzurot.core.messaging.ConsumerOptions;
import io.tzurot.core.messaging.JobConsumer;
import io.tzurot.core.messaging.JobHandler;
import io.tzurot.core.messaging.JobOutcome;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutionException;
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
 * slots (so a worker never hoards jobs another could run) and starts each on a small pool of threads. A handler
 * returns a stage, so a job waiting on I/O holds a slot but no thread; its outcome is recorded (acknowledged,
 * retried, dead-lettered) on the same small pool when the stage completes. Between fetches the dispatcher renews
 * held jobs, promotes due retries and recovers jobs of dead workers.
 */
final class QueueWorker implements JobConsumer {

    private static final Logger LOG = LoggerFactory.getLogger(QueueWorker.class);
    private static final int MAX_REASON_LENGTH = 1000;
    /** Longest blocking fetch: bounds how late a retry scheduled by another worker or process is promoted. */
    private static final Duration MAX_FETCH_WAIT = Duration.ofMillis(250);
    private static final Duration MAX_PROMOTION_WAIT = Duration.ofSeconds(1);
    private static final Duration ERROR_PAUSE = Duration.ofSeconds(1);
    /** Threads that start handlers and record outcomes: short work only, so a few suffice for any slot count. */
    private static final int POOL_THREADS = Math.max(2, Runtime.getRuntime().availableProcessors());

    private final QueueBackend backend;
    private final String name;
    private final JobHandler handler;
    private final Semaphore slots;
    private final ExecutorService executor;
    /** Held deliveries and the stage each handler returned (null until the handler has returned one). */
    private final Map<Delivery, CompletableFuture<JobOutcome>> held = new ConcurrentHashMap<>();
    private final Object idle = new Object();
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
        int threads = Math.min(options.concurrency(), POOL_THREADS);
        this.executor = new ThreadPoolExecutor(threads, threads, 0, TimeUnit.MILLISECONDS,
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
            boolean finished = awaitIdle(deadline);
            int released = 0;
            for (Map.Entry<Delivery, CompletableFuture<JobOutcome>> entry : List.copyOf(held.entrySet())) {
                Delivery delivery = entry.getKey();
                if (delivery.settle()) {
                    releaseQuietly(delivery);
                    released++;
                    // Tells the handler its result is no longer wanted; what it finishes later is ignored.
                    if (entry.getValue() != PENDING) {
                        entry.getValue().cancel(true);
                    }
                }
            }
            if (released > 0) {
                LOG.info("worker {} handed {} unfinished jobs back to the queue", name, released);
            }
            executor.shutdown();
            if (!executor.awaitTermination(5, TimeUnit.SECONDS)) {
                executor.shutdownNow();
            }
            backend.detach(name);
            stoppedCleanly = finished;
            return finished;
        }
    }

    private boolean awaitIdle(long deadline) throws InterruptedException {
        synchronized (idle) {
            while (!held.isEmpty()) {
                long left = deadline - System.nanoTime();
                if (left <= 0) {
                    return false;
                }
                TimeUnit.NANOSECONDS.timedWait(idle, left);
            }
            return true;
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
        held.put(delivery, PENDING);
        try {
            executor.execute(() -> run(delivery));
        } catch (RejectedExecutionException e) {
            // stop() shut the pool down between the check above and here: give the job back.
            if (delivery.settle()) {
                releaseQuietly(delivery);
            }
            finish(delivery);
        }
    }

    private void run(Delivery delivery) {
        CompletableFuture<JobOutcome> stage = stageOf(delivery);
        if (held.replace(delivery, PENDING, stage) && delivery.isSettled()) {
            stage.cancel(true); // stop() released the job while the handler was starting
        }
        stage.whenCompleteAsync((outcome, error) -> settle(delivery, outcome, error), this::executeOrRun);
    }

    /** Records what the handler's stage ended with, unless the job was released meanwhile. */
    private void settle(Delivery delivery, JobOutcome outcome, Throwable error) {
        try {
            if (delivery.settle()) {
                record(delivery, error != null ? JobOutcome.retry(describe(unwrap(error)))
                        : outcome != null ? outcome : JobOutcome.retry("handler returned no outcome"));
            }
        } catch (RuntimeException e) {
            // The job stays leased; the visibility timeout hands it to a worker again.
            LOG.warn("could not record the outcome of job {}; it will be recovered", delivery.job().id(), e);
        } finally {
            finish(delivery);
        }
    }

    private void finish(Delivery delivery) {
        held.remove(delivery);
        slots.release();
        if (held.isEmpty()) {
            synchronized (idle) {
                idle.notifyAll();
            }
        }
    }

    /** The handler's stage; a handler that throws yields a failed stage. */
    private CompletableFuture<JobOutcome> stageOf(Delivery delivery) {
        try {
            CompletionStage<JobOutcome> stage = handler.handle(delivery.job());
            return stage != null ? stage.toCompletableFuture()
                    : CompletableFuture.completedFuture(JobOutcome.retry("handler returned no stage"));
        } catch (Exception e) {
            return CompletableFuture.failedFuture(e);
        }
    }

    /** Outcomes are recorded on the worker's pool, or (while it shuts down) on the completing thread. */
    private void executeOrRun(Runnable task) {
        try {
            executor.execute(task);
        } catch (RejectedExecutionException e) {
            task.run();
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
            backend.renew(name, List.copyOf(held.keySet()));
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

    private static Throwable unwrap(Throwable error) {
        Throwable t = error;
        while ((t instanceof CompletionException || t instanceof ExecutionException) && t.getCause() != null) {
            t = t.getCause();
        }
        return t;
    }

    private static String describe(Throwable e) {
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

    /** Placeholder while a handler is being started (a map cannot hold null). */
    private static final CompletableFuture<JobOutcome> PENDING = new CompletableFuture<>();
}
