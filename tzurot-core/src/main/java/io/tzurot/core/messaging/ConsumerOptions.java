package io.tzurot.core.messaging;

/**
 * How a worker consumes a queue.
 *
 * @param consumerName unique among the live workers of the queue (e.g. {@code worker-<host>-<pid>})
 * @param concurrency how many jobs this worker handles at once
 */
public record ConsumerOptions(String consumerName, int concurrency) {

    public ConsumerOptions {
        consumerName = Names.requireName(consumerName, "consumerName", 120);
        if (concurrency < 1 || concurrency > 1024) {
            throw new IllegalArgumentException("concurrency must be between 1 and 1024, got " + concurrency);
        }
    }
}
