package io.tzurot.messaging.jobs;

import io.tzurot.core.messaging.DeadLetter;
import io.tzurot.core.messaging.JobRequest;
import io.tzurot.core.messaging.QueueStats;
import io.tzurot.core.messaging.Submission;
import java.time.Duration;
import java.util.Collection;
import java.util.List;

/** The storage side of a job queue that {@link QueueWorker} drives; one implementation per transport. */
interface QueueBackend {

    /** Adds a job unless one with the same idempotency key exists. */
    Submission submit(JobRequest request);

    /** Counts for operators. */
    QueueStats stats();

    /** The newest dead letters, at most {@code limit}. */
    List<DeadLetter> deadLetters(int limit);

    /** Puts a dead letter back on the queue; false when there is none with that id. */
    boolean retryDeadLetter(String jobId);

    /** Registers a worker; fails when a live worker of this queue already uses {@code consumer}. */
    void attach(String consumer);

    /** Unregisters a stopped worker and frees what it used. */
    void detach(String consumer);

    /** Waits up to {@code wait} for jobs and leases at most {@code max} of them to {@code consumer}. */
    List<Delivery> fetch(String consumer, int max, Duration wait) throws InterruptedException;

    /** Takes over at most {@code max} jobs whose worker showed no sign of life for the visibility timeout. */
    List<Delivery> recover(String consumer, int max);

    /** Marks the job done. */
    void complete(Delivery delivery);

    /** Records a failed attempt: retry after backoff, or dead-letter when rejected or out of attempts. */
    void fail(Delivery delivery, String reason, boolean retryable);

    /** Gives the job back without counting the attempt. */
    void release(Delivery delivery);

    /** Tells the queue that {@code consumer} is alive and still working on {@code held}. */
    void renew(String consumer, Collection<Delivery> held);

    /** Moves retries whose backoff has passed back onto the queue; returns the wait until the next one is due. */
    Duration promoteDueRetries();

    /** How often the worker renews, recovers and promotes. */
    Duration maintenanceInterval();

    /** Wakes a worker blocked in {@link #fetch} so it can stop (best effort). */
    void wakeUp(String consumer);
}
