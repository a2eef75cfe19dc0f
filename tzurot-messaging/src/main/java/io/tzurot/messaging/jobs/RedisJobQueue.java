package io.tzurot.messaging.jobs;

import io.tzurot.core.messaging.ConsumerOptions;
import io.tzurot.core.messaging.DeadLetter;
import io.tzurot.core.messaging.JobConsumer;
import io.tzurot.core.messaging.JobHandler;
import io.tzurot.core.messaging.JobQueue;
import io.tzurot.core.messaging.JobRequest;
import io.tzurot.core.messaging.QueueSettings;
import io.tzurot.core.messaging.QueueStats;
import io.tzurot.core.messaging.Submission;
import io.tzurot.messaging.redis.RedisMessaging;
import java.util.List;
import java.util.Objects;

/**
 * The distributed profile's job queue on Redis Streams: any number of processes submit and consume the same
 * named queue; a job whose worker dies is taken over by another after the visibility timeout.
 */
public final class RedisJobQueue implements JobQueue {

    private final QueueSettings settings;
    private final RedisJobStore store;

    /** Opens queue {@code settings.name()} on {@code redis} (creating its consumer group when needed). */
    public RedisJobQueue(RedisMessaging redis, QueueSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.store = new RedisJobStore(Objects.requireNonNull(redis, "redis"), settings);
    }

    @Override
    public QueueSettings settings() {
        return settings;
    }

    @Override
    public Submission submit(JobRequest request) {
        return store.submit(Objects.requireNonNull(request, "request"));
    }

    @Override
    public JobConsumer consume(ConsumerOptions options, JobHandler handler) {
        return QueueWorker.start(store, Objects.requireNonNull(options, "options"), handler);
    }

    @Override
    public QueueStats stats() {
        return store.stats();
    }

    @Override
    public List<DeadLetter> deadLetters(int limit) {
        return store.deadLetters(JobQueues.requireLimit(limit));
    }

    @Override
    public boolean retryDeadLetter(String jobId) {
        return store.retryDeadLetter(JobQueues.requireJobId(jobId));
    }

    /** The store its workers drive (package-private so tests can act as a worker that dies). */
    QueueBackend backend() {
        return store;
    }

    @Override
    public void close() {
        // The connection belongs to RedisMessaging; the jobs stay in Redis for other processes.
    }
}
