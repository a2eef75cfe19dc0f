package io.tzurot.core.messaging;

import java.time.Duration;

/** A running worker on a queue, returned by {@link JobQueue#consume}. */
public interface JobConsumer extends AutoCloseable {

    /**
     * Stops taking jobs, waits up to {@code grace} for running ones, then releases whatever it still holds
     * back to the queue (without counting an attempt) so another worker takes it at once.
     * Returns true when every held job finished inside the grace period.
     */
    boolean stop(Duration grace) throws InterruptedException;

    /** How many jobs this worker holds right now. */
    int inFlight();

    /** Stops with a grace period of 30 s. */
    @Override
    void close();
}
