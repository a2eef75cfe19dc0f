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

/** The embedded profile's job queue: held in memory, shared by the workers of this process. */
public final class InProcessJobQueue implements JobQueue {

    private final QueueSettings settings;
    private final InProcessJobStore store;

    public InProcessJobQueue(QueueSettings settings) {
        this.settings = Objects.requireNonNull(settings, "settings");
        this.store = new InProcessJobStore(settings);
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
        // Nothing to release: the queue lives in this process's memory.
    }
}
