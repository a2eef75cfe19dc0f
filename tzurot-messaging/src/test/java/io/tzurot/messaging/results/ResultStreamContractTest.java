package io.tzurot.messaging.results;

import io.tzurot.core.messaging.ResultStream;
import io.tzurot.core.messaging.StreamSettings;
import io.tzurot.messaging.redis.RedisMessaging;
import io.tzurot.messaging.redis.RedisTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;

/** The result stream contract on each implementation. */
class ResultStreamContractTest {

    @Nested
    class InProcess extends ResultStreamContract {
        @Override
        protected ResultStream newStream(StreamSettings settings) {
            return new InProcessResultStream(settings);
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class OnRedis extends ResultStreamContract {
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
        protected ResultStream newStream(StreamSettings settings) {
            return new RedisResultStream(redis, settings);
        }
    }
}
