package io.tzurot.messaging.keys;

import io.tzurot.core.messaging.EphemeralKeyStore;
import io.tzurot.messaging.redis.RedisMessaging;
import io.tzurot.messaging.redis.RedisTestSupport;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.TestInstance;

/** The key store contract on each implementation. */
class KeyStoreContractTest {

    @Nested
    class InProcess extends KeyStoreContract {
        private final EphemeralKeyStore store = new InProcessKeyStore();

        @Override
        protected EphemeralKeyStore store() {
            return store;
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class OnRedis extends KeyStoreContract {
        private RedisMessaging redis;
        private EphemeralKeyStore store;

        @BeforeAll
        void connect() {
            redis = RedisTestSupport.connect();
        }

        @BeforeEach
        void freshNamespace() {
            // A fresh prefix per test keeps tests independent while sharing one connection.
            RedisTestSupport.cleanUp(redis);
            redis = RedisTestSupport.connect();
            store = new RedisKeyStore(redis);
        }

        @AfterAll
        void cleanUp() {
            RedisTestSupport.cleanUp(redis);
        }

        @Override
        protected EphemeralKeyStore store() {
            return store;
        }
    }
}
