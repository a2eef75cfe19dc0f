package io.tzurot.app.fleet;

import io.tzurot.core.messaging.JobQueue;
import io.tzurot.core.messaging.JobRequest;
import io.tzurot.core.messaging.ResultStream;
import io.tzurot.core.messaging.StreamMessage;
import io.tzurot.core.messaging.Subscription;
import io.tzurot.core.reply.ReplyOutcome;
import io.tzurot.core.reply.ReplyRequest;
import io.tzurot.core.reply.ReplyService;
import io.tzurot.core.reply.ReplyStream;
import io.tzurot.messaging.Messaging;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.TimeUnit;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import org.slf4j.MDC;
import io.tzurot.app.logging.LogContext;

/**
 * A {@link ReplyService} that hands each request to a worker through the {@code replies} queue and completes when
 * the worker's outcome arrives on the result stream. Waiting costs no thread: one reader per process matches
 * results to waiting futures by request id.
 *
 * <p>Every client process reads the stream in a consumer group of its own ({@code <kind>-<random>}), because a
 * group shares messages among its consumers and only the submitting process holds the future to complete; the
 * group is removed again on {@link #close()}. The same request id submitted twice yields one job and one outcome.
 */
public final class QueuedReplyService implements ReplyService, AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(QueuedReplyService.class);
    /** How often a client checks whether Redis restarted (and lost the jobs it waits for). */
    private static final Duration RESTART_CHECK = Duration.ofSeconds(2);

    private final Messaging messaging;
    private final JobQueue queue;
    private final ResultStream results;
    private final String group;
    private final Duration timeout;
    private final ReplyJobCodec codec = new ReplyJobCodec();
    private final Map<String, CompletableFuture<ReplyOutcome>> waiting = new ConcurrentHashMap<>();
    /** The jobs of the waiting requests, to submit again should Redis lose them. */
    private final Map<String, JobRequest> jobs = new ConcurrentHashMap<>();
    private final Subscription subscription;
    /** Streams of the waiting requests that asked for their text as it is written. */
    private final Map<String, ReplyStream> streams = new ConcurrentHashMap<>();
    private final ReplyDeltaRelay deltas;
    private final Subscription deltaSubscription;
    private final String kind;
    private final ScheduledExecutorService restartWatch;
    private volatile String redisRunId;

    /**
     * @param clientKind what kind of process waits (e.g. {@code cli}, {@code api}, {@code discord})
     * @param timeout how long to wait for a worker before answering with an {@code INTERNAL} failure
     */
    public QueuedReplyService(Messaging messaging, String clientKind, Duration timeout) {
        this.messaging = Objects.requireNonNull(messaging, "messaging");
        if (clientKind == null || !clientKind.matches("[a-z][a-z0-9-]{0,30}")) {
            throw new IllegalArgumentException("clientKind must be 1-31 lowercase letters, digits or '-', got " + clientKind);
        }
        if (timeout == null || timeout.isNegative() || timeout.isZero()) {
            throw new IllegalArgumentException("timeout must be positive, got " + timeout);
        }
        this.queue = ReplyQueues.queue(messaging);
        this.results = ReplyQueues.results(messaging);
        this.group = clientKind + "-" + UUID.randomUUID().toString().substring(0, 13);
        this.kind = clientKind;
        this.timeout = timeout;
        this.subscription = results.consume(group, "reader", this::deliver);
        this.deltas = ReplyQueues.deltas(messaging);
        this.deltaSubscription = deltas.incoming(streams::get);
        this.restartWatch = messaging.redisConnection().map(redis -> {
            redisRunId = runId(redis).orElse(null);
            ScheduledExecutorService watch = Executors.newSingleThreadScheduledExecutor(r -> {
                Thread t = new Thread(r, "reply-client-redis-watch");
                t.setDaemon(true);
                return t;
            });
            watch.scheduleWithFixedDelay(() -> resubmitAfterRestart(redis), RESTART_CHECK.toMillis(),
                    RESTART_CHECK.toMillis(), TimeUnit.MILLISECONDS);
            return watch;
        }).orElse(null);
    }

    /**
     * A Redis that restarted without persistence has lost the queued jobs, and a request whose job was still waiting
     * would never be answered. Its run id changes with every start: then every waiting request's job is submitted
     * again. That is safe whatever Redis kept: a job that still exists is not queued twice (the idempotency key),
     * and a worker meeting a request it already answered replays the recorded reply.
     */
    private void resubmitAfterRestart(io.tzurot.messaging.redis.RedisMessaging redis) {
        Optional<String> now = runId(redis);
        if (now.isEmpty()) {
            return; // away right now: look again later
        }
        if (redisRunId != null && !redisRunId.equals(now.get()) && !jobs.isEmpty()) {
            LOG.warn("Redis restarted: submitting the {} replies still waiting again", jobs.size());
            for (JobRequest job : List.copyOf(jobs.values())) {
                try {
                    queue.submit(job);
                } catch (RuntimeException e) {
                    LOG.warn("could not submit reply {} again: {}", job.idempotencyKey(), e.getMessage());
                    return; // keep the old run id: the next check tries again
                }
            }
        }
        redisRunId = now.get();
    }

    private static Optional<String> runId(io.tzurot.messaging.redis.RedisMessaging redis) {
        if (!redis.connected()) {
            return Optional.empty();
        }
        try {
            return redis.commands().info("server").lines().filter(l -> l.startsWith("run_id:"))
                    .map(l -> l.substring("run_id:".length()).strip()).findFirst();
        } catch (RuntimeException e) {
            return Optional.empty();
        }
    }

    /** The result-stream consumer group of this process. */
    public String group() {
        return group;
    }

    /** Requests submitted by this process whose outcome has not arrived yet. */
    public int waiting() {
        return waiting.size();
    }

    @Override
    public CompletableFuture<ReplyOutcome> reply(ReplyRequest request, ReplyStream stream) {
        Objects.requireNonNull(request, "request");
        Objects.requireNonNull(stream, "stream");
        if (streams.putIfAbsent(request.requestId(), stream) != null) {
            return reply(request); // the same request again: its first caller already follows the text
        }
        return submit(request, true).whenComplete((outcome, error) -> streams.remove(request.requestId(), stream));
    }

    /** A reply nobody follows while it is written: the worker neither streams the model's answer nor relays it. */
    @Override
    public CompletableFuture<ReplyOutcome> reply(ReplyRequest request) {
        Objects.requireNonNull(request, "request");
        return submit(request, false);
    }

    private CompletableFuture<ReplyOutcome> submit(ReplyRequest request, boolean streamed) {
        CompletableFuture<ReplyOutcome> created = new CompletableFuture<>();
        CompletableFuture<ReplyOutcome> future = waiting.putIfAbsent(request.requestId(), created);
        if (future == null) {
            // Registered before submitting, so an outcome that arrives at once still finds its future.
            JobRequest job = new JobRequest(request.requestId(), ReplyJobCodec.JOB_TYPE, codec.encodeRequest(request, streamed));
            jobs.put(request.requestId(), job);
            try {
                queue.submit(job);
            } catch (RuntimeException e) {
                waiting.remove(request.requestId(), created);
                jobs.remove(request.requestId());
                logged(request.requestId(), () -> LOG.warn("could not queue reply {}: {}", request.requestId(), e.getMessage()));
                created.complete(failure(request.requestId(), "The reply could not be queued; please try again."));
                return created.copy();
            }
            created.completeOnTimeout(failure(request.requestId(), "No worker answered in time; please try again."),
                    timeout.toMillis(), TimeUnit.MILLISECONDS);
            // the caller's future completes only after the entry is gone (a plain copy may complete first)
            return created.whenComplete((outcome, error) -> {
                waiting.remove(request.requestId(), created);
                jobs.remove(request.requestId());
            });
        }
        return future.copy();
    }

    private void deliver(StreamMessage message) {
        CompletableFuture<ReplyOutcome> future = waiting.remove(message.id());
        if (future == null) {
            return; // another process's request: its own group delivers it there
        }
        ReplyOutcome outcome;
        try {
            outcome = codec.decodeOutcome(message.payload());
        } catch (ReplyJobCodec.InvalidPayloadException e) {
            logged(message.id(), () -> LOG.warn("unreadable outcome for reply {}: {}", message.id(), e.getMessage()));
            outcome = failure(message.id(), "The reply came back unreadable; please try again.");
        }
        future.complete(outcome);
    }

    /** Writes a line of reply {@code requestId} with its id and this client's role in the log context. */
    private void logged(String requestId, Runnable line) {
        MDC.put(LogContext.REQUEST_ID, requestId);
        MDC.put(LogContext.ROLE, kind);
        try {
            line.run();
        } finally {
            MDC.remove(LogContext.REQUEST_ID);
            MDC.remove(LogContext.ROLE);
        }
    }

    private static ReplyOutcome failure(String requestId, String message) {
        return new ReplyOutcome.Failed(requestId, Optional.empty(), ReplyOutcome.FailureKind.INTERNAL, message, requestId);
    }

    @Override
    public void close() {
        if (restartWatch != null) {
            restartWatch.shutdownNow();
        }
        subscription.close();
        deltaSubscription.close();
        deltas.close();
        streams.clear();
        waiting.forEach((id, future) -> future.complete(failure(id, "The client stopped before the reply arrived.")));
        waiting.clear();
        messaging.redisConnection().ifPresent(redis -> {
            try {
                redis.commands().xgroupDestroy(redis.key("results", ReplyQueues.RESULTS), group);
            } catch (RuntimeException e) {
                LOG.debug("could not remove result group {}: {}", group, e.getMessage());
            }
        });
    }
}
