package io.tzurot.messaging.jobs;

import io.tzurot.core.messaging.ConsumerOptions;
import io.tzurot.core.messaging.JobConsumer;
import io.tzurot.core.messaging.JobHandler;
import io.tzurot.core.messaging.JobQueue;
import io.tzurot.core.messaging.JobRequest;
import io.tzurot.core.messaging.QueueSettings;
import io.tzurot.core.messaging.RetryPolicy;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import org.junit.jupiter.api.AfterEach;

/** Queues, workers and their clean-up for the job queue contracts; each implementation supplies its queues. */
abstract class JobQueueFixture {

    private final List<JobQueue> queues = new ArrayList<>();
    private final List<JobConsumer> consumers = new ArrayList<>();
    /** Threads of the blocking handlers; new for every test, since an implementation may share one test instance. */
    private ExecutorService blockingThreads = Executors.newCachedThreadPool();

    /** A new, empty queue with {@code settings}. */
    protected abstract JobQueue newQueue(QueueSettings settings);

    /** The backend behind {@code queue}, to act as a worker that takes a job and dies. */
    protected abstract QueueBackend backendOf(JobQueue queue);

    JobQueue queue(RetryPolicy retry, Duration visibility) {
        QueueSettings settings = QueueSettings.named("q-" + UUID.randomUUID().toString().substring(0, 8))
                .withRetry(retry).withVisibilityTimeout(visibility);
        JobQueue queue = newQueue(settings);
        queues.add(queue);
        return queue;
    }

    JobQueue queue() {
        return queue(new RetryPolicy(3, Duration.ofMillis(50), Duration.ofSeconds(1)), Duration.ofSeconds(30));
    }

    /** A worker whose handler blocks a thread per job (run on a pool of this test), as simple handlers do. */
    JobConsumer consume(JobQueue queue, String name, int concurrency, JobHandler.Blocking handler) {
        return consumeAsync(queue, name, concurrency, JobHandler.blocking(handler, blockingThreads));
    }

    JobConsumer consumeAsync(JobQueue queue, String name, int concurrency, JobHandler handler) {
        JobConsumer consumer = queue.consume(new ConsumerOptions(name, concurrency), handler);
        consumers.add(consumer);
        return consumer;
    }

    static JobRequest job(String id) {
        return new JobRequest(id, "test", "{\"n\":\"" + id + "\"}");
    }

    @AfterEach
    void stopAll() throws InterruptedException {
        for (JobConsumer consumer : consumers) {
            consumer.stop(Duration.ofSeconds(5));
        }
        queues.forEach(JobQueue::close);
        blockingThreads.shutdownNow();
        blockingThreads = Executors.newCachedThreadPool();
        consumers.clear();
        queues.clear();
    }
}
