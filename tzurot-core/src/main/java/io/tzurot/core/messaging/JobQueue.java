package io.tzurot.core.messaging;

import java.util.List;

/**
 * A durable work queue with at-least-once delivery: idempotent submission, bounded concurrent consumption,
 * retry with exponential backoff, dead-lettering after the last attempt, and recovery of jobs whose worker
 * died (after the visibility timeout). Many workers, in one process or many, may consume the same queue.
 */
public interface JobQueue extends AutoCloseable {

    /** The queue's settings. */
    QueueSettings settings();

    /** Queues {@code request} unless a job with its idempotency key is already known. */
    Submission submit(JobRequest request);

    /** Starts a worker that passes jobs to {@code handler}, at most {@code options.concurrency()} at a time. */
    JobConsumer consume(ConsumerOptions options, JobHandler handler);

    /** Current counts. */
    QueueStats stats();

    /** Up to {@code limit} dead letters, oldest first. */
    List<DeadLetter> deadLetters(int limit);

    /** Moves a dead letter back onto the queue with a fresh set of attempts; false when no such dead letter. */
    boolean retryDeadLetter(String jobId);

    /** Releases the queue's resources (not the jobs: those stay queued where the implementation keeps them). */
    @Override
    void close();
}
