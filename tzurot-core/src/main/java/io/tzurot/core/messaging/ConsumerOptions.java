package io.tzurot.core.messaging;

/**
 * How a worker consumes a queue.
 *
 * @param consumerName unique among the live workers of the queue (e.g. {@code worker-<host>-<pid>})
 * @param concurrency how many jobs this worker holds at once (slots; a held job waiting on I/O costs no thread)
 */
public record ConsumerOptions(String consumerName, int concurrency) {

    /** Most slots one worker may have. */
    public static final int MAX_CONCURRENCY = 4096;

    public ConsumerOptions {
        consumerName = Names.requireName(consumerName, "consumerName", 120);
        if (concurrency < 1 || concurrency > MAX_CONCURRENCY) {
            throw new IllegalArgumentException("concurrency must be between 1 and " + MAX_CONCURRENCY + ", got " + concurrency);
        }
    }
}
