package io.tzurot.core.messaging;

import java.time.Duration;

/**
 * Settings of one named result stream.
 *
 * @param name the stream's name (a Redis key component, so short and plain)
 * @param redeliveryDelay how long a delivered message may stay unconfirmed before it is delivered again
 *     (to the same group, possibly another consumer)
 * @param maxLength roughly how many messages the stream retains for groups that have not read them yet
 * @param dedupWindow how long a published message id is remembered, so a second publish is dropped
 */
public record StreamSettings(String name, Duration redeliveryDelay, long maxLength, Duration dedupWindow) {

    public StreamSettings {
        name = Names.requireName(name, "stream name", 64);
        if (!name.matches("[A-Za-z0-9_.-]+")) {
            throw new IllegalArgumentException("stream name may only use letters, digits, '_', '.' and '-', got " + name);
        }
        QueueSettings.requirePositive(redeliveryDelay, "redeliveryDelay");
        QueueSettings.requirePositive(dedupWindow, "dedupWindow");
        if (maxLength < 1) {
            throw new IllegalArgumentException("maxLength must be positive, got " + maxLength);
        }
    }

    /** 30 s redelivery, 10,000 retained messages (the reference's trim length), 24 h dedup window. */
    public static StreamSettings named(String name) {
        return new StreamSettings(name, Duration.ofSeconds(30), 10_000, Duration.ofHours(24));
    }

    public StreamSettings withRedeliveryDelay(Duration redeliveryDelay) {
        return new StreamSettings(name, redeliveryDelay, maxLength, dedupWindow);
    }
}
