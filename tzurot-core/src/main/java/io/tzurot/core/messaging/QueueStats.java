package io.tzurot.core.messaging;

/**
 * A snapshot of a queue's counts.
 *
 * @param pending waiting to be delivered, including jobs waiting out a retry backoff
 * @param inFlight delivered to a worker and not yet finished
 * @param completed finished successfully (since the queue was created)
 * @param failed failed attempts, each retried or dead-lettered (since the queue was created)
 * @param deadLetters jobs in the dead-letter list now
 */
public record QueueStats(long pending, long inFlight, long completed, long failed, long deadLetters) {
}
