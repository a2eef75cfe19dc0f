package io.tzurot.app.fleet;

import io.tzurot.core.messaging.ConsumerOptions;
import io.tzurot.core.messaging.Job;
import io.tzurot.core.messaging.JobConsumer;
import io.tzurot.core.messaging.JobOutcome;
import io.tzurot.core.messaging.JobQueue;
import io.tzurot.core.messaging.ResultStream;
import io.tzurot.core.messaging.StreamMessage;
import io.tzurot.core.reply.ReplyOutcome;
import io.tzurot.core.reply.ReplyRequest;
import io.tzurot.core.reply.ReplyService;
import java.time.Duration;
import java.util.Objects;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.CompletionException;
import java.util.concurrent.CompletionStage;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.BooleanSupplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Consumes the {@code replies} queue: decodes each job, lets the engine answer it, publishes the outcome on the
 * result stream (message id = job id) and acknowledges. Handling is asynchronous end to end: a slot is held
 * while the engine waits on the model, but no thread is, so thousands of replies can be in flight at once.
 *
 * <p>A redelivered job is safe: the engine derives history ids from the request id and replays a reply it
 * already recorded instead of generating and storing again; the result stream drops a second publish of an id.
 */
public final class ReplyWorker implements AutoCloseable {

    private static final Logger LOG = LoggerFactory.getLogger(ReplyWorker.class);
    /** The reply queue's attempts: the last one always publishes its outcome, so no reply is left unanswered. */
    private static final int MAX_ATTEMPTS = io.tzurot.core.messaging.QueueSettings.named(ReplyQueues.QUEUE).retry().maxAttempts();

    private final ReplyService engine;
    private final ResultStream results;
    private final ReplyJobCodec codec = new ReplyJobCodec();
    private final JobConsumer consumer;
    private final int slots;
    /** Publishes outcomes (a blocking Redis write) off the engine's and the HTTP client's few threads. */
    private final ExecutorService publisher;
    /** Whether the database answers: an internal failure while it does not is retried, not told to the user. */
    private final BooleanSupplier storageUp;
    /** Where streamed text goes; empty when nobody can read it. */
    private final java.util.Optional<ReplyDeltaRelay> deltas;

    private ReplyWorker(JobQueue queue, ResultStream results, ReplyService engine, String consumerName, int slots,
                        BooleanSupplier storageUp, java.util.Optional<ReplyDeltaRelay> deltas) {
        this.deltas = Objects.requireNonNull(deltas, "deltas");
        this.engine = Objects.requireNonNull(engine, "engine");
        this.storageUp = Objects.requireNonNull(storageUp, "storageUp");
        this.results = Objects.requireNonNull(results, "results");
        this.slots = slots;
        AtomicInteger threads = new AtomicInteger();
        this.publisher = Executors.newFixedThreadPool(2, r -> {
            Thread t = new Thread(r, "reply-publish-" + threads.incrementAndGet());
            t.setDaemon(true);
            return t;
        });
        this.consumer = queue.consume(new ConsumerOptions(consumerName, slots), this::handle);
    }

    /** Starts taking jobs from {@code queue} with {@code slots} at a time. */
    public static ReplyWorker start(JobQueue queue, ResultStream results, ReplyService engine, String consumerName,
                                    int slots) {
        return new ReplyWorker(queue, results, engine, consumerName, slots, () -> true, java.util.Optional.empty());
    }

    /**
     * {@link #start(JobQueue, ResultStream, ReplyService, String, int)} that asks {@code storageUp} when a reply fails
     * inside the engine: while the database is away the job is retried with the queue's backoff (the outage is
     * usually over by then) instead of telling the user something went wrong; its last attempt reports the failure.
     */
    public static ReplyWorker start(JobQueue queue, ResultStream results, ReplyService engine, String consumerName,
                                    int slots, BooleanSupplier storageUp) {
        return new ReplyWorker(queue, results, engine, consumerName, slots, storageUp, java.util.Optional.empty());
    }

    /**
     * As above, streaming each reply's text through {@code deltas} to the process that waits for it (the relay stays
     * the caller's to close).
     */
    public static ReplyWorker start(JobQueue queue, ResultStream results, ReplyService engine, String consumerName,
                                    int slots, BooleanSupplier storageUp, ReplyDeltaRelay deltas) {
        return new ReplyWorker(queue, results, engine, consumerName, slots, storageUp, java.util.Optional.of(deltas));
    }

    /** How many jobs this worker runs at once. */
    public int slots() {
        return slots;
    }

    /** Jobs held right now. */
    public int inFlight() {
        return consumer.inFlight();
    }

    CompletionStage<JobOutcome> handle(Job job) {
        if (!ReplyJobCodec.JOB_TYPE.equals(job.type())) {
            return done(JobOutcome.reject("no handler for job type '" + job.type() + "'"));
        }
        ReplyJobCodec.DecodedJob decoded;
        try {
            decoded = codec.decodeJob(job.payload());
        } catch (ReplyJobCodec.InvalidPayloadException e) {
            return done(JobOutcome.reject(e.getMessage()));
        }
        ReplyRequest request = decoded.request();
        if (!request.requestId().equals(job.id())) {
            return done(JobOutcome.reject("job id " + job.id() + " differs from its request id " + request.requestId()));
        }
        if (job.isRedelivery()) {
            LOG.info("reply {} delivered again (attempt {})", job.id(), job.attempt());
        }
        // only a followed reply is streamed: its pieces cost a pub/sub message each, and the model's stream its parsing
        java.util.Optional<ReplyDeltaRelay.Outgoing> stream = decoded.streamed() ? deltas.map(d -> d.outgoing(job.id()))
                : java.util.Optional.empty();
        CompletableFuture<ReplyOutcome> answered = stream.isPresent() ? engine.reply(request, stream.get())
                : engine.reply(request);
        return answered.handleAsync((outcome, error) -> {
            if (error != null) {
                // The engine turns every failure a user should hear about into an outcome; this is a fault worth a retry.
                Throwable cause = error instanceof CompletionException && error.getCause() != null ? error.getCause() : error;
                return JobOutcome.retry("engine failed: " + cause);
            }
            if (outcome instanceof ReplyOutcome.Failed failed && failed.kind() == ReplyOutcome.FailureKind.INTERNAL
                    && job.attempt() < MAX_ATTEMPTS && !storageUp.getAsBoolean()) {
                LOG.warn("reply {} failed while the database is unreachable; trying again later (attempt {} of {})",
                        job.id(), job.attempt(), MAX_ATTEMPTS);
                return JobOutcome.retry("database unreachable");
            }
            stream.ifPresent(ReplyDeltaRelay.Outgoing::flush); // the last pieces before the outcome
            results.publish(new StreamMessage(job.id(), ReplyJobCodec.RESULT_TYPE, codec.encodeOutcome(outcome)));
            return JobOutcome.completed();
        }, publisher);
    }

    private static CompletionStage<JobOutcome> done(JobOutcome outcome) {
        return CompletableFuture.completedFuture(outcome);
    }

    /**
     * Stops taking jobs, waits up to {@code grace} for held ones and releases the rest to other workers.
     * Returns true when every held job finished in time.
     */
    public boolean stop(Duration grace) throws InterruptedException {
        LOG.info("worker stopping: {} jobs in flight, up to {} s to finish them", consumer.inFlight(), grace.toSeconds());
        boolean finished = consumer.stop(grace);
        publisher.shutdown();
        publisher.awaitTermination(5, TimeUnit.SECONDS);
        LOG.info("worker stopped ({})", finished ? "all held jobs finished" : "released unfinished jobs to other workers");
        return finished;
    }

    @Override
    public void close() {
        try {
            stop(Duration.ofSeconds(30));
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
        }
    }
}
