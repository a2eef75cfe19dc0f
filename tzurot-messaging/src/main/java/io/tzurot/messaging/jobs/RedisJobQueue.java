package io.tzurot.messaging.jobs;

import io.tzurot.core.messaging.QueueSettings;
import io.tzurot.messaging.redis.RedisMessaging;
import java.util.Objects;

/**
 * The distributed profile's job queue on Redis Streams: any number of processes submit and consume the same
 * named queue; a job whose worker dies is taken over by another after the visibility timeout.
 */
public final class RedisJobQueue extends BackendJobQueue {

    /** Opens queue {@code settings.name()} on {@code redis} (creating its consumer group when needed). */
    public RedisJobQueue(RedisMessaging redis, QueueSettings settings) {
        super(settings, new RedisJobStore(Objects.requireNonNull(redis, "redis"), settings));
    }

    public void close() {
        // The connection belongs to RedisMessaging; the jobs stay in Redis for other processes.
    }
}
