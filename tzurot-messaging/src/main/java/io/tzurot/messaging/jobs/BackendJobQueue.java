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
import java.util.List;
import java.util.Objects;

/**
 * A {@link JobQueue} over a {@link QueueBackend}: the in-process and Redis queues differ only in their backend,
 * and both are driven by the same {@link QueueWorker}.
 */
abstract class BackendJobQueue implements JobQueue {

    private final QueueSettings settings;
    private final QueueBackend store;

    BackendJobQueue(QueueSettings settings, QueueBackend store) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.store = Objects.requireNonNull(store, "store");
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
}
