package io.tzurot.messaging.jobs;

import io.tzurot.core.messaging.JobQueue;
import io.tzurot.core.messaging.QueueSettings;
import io.tzurot.messaging.redis.RedisMessaging;
import io.tzurot.messaging.redis.RedisTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;

/** The job queue contract on each implementation. */
class JobQueueContractTest {

    @Nested
    class InProcess extends JobQueueContract {
        @Override
        protected JobQueue newQueue(QueueSettings settings) {
            return new InProcessJobQueue(settings);
        }

        @Override
        protected QueueBackend backendOf(JobQueue queue) {
            return ((InProcessJobQueue) queue).backend();
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class OnRedis extends JobQueueContract {
        private RedisMessaging redis;

        @BeforeAll
        void connect() {
            redis = RedisTestSupport.connect();
        }

        @AfterAll
        void cleanUp() {
            RedisTestSupport.cleanUp(redis);
        }

        @Override
        protected JobQueue newQueue(QueueSettings settings) {
            return new RedisJobQueue(redis, settings);
        }

        @Override
        protected QueueBackend backendOf(JobQueue queue) {
            return ((RedisJobQueue) queue).backend();
        }
    }
}
