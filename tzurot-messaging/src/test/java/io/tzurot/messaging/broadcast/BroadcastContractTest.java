package io.tzurot.messaging.broadcast;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tzurot.core.messaging.Broadcast;
import io.tzurot.core.messaging.Subscription;
import io.tzurot.messaging.redis.RedisMessaging;
import io.tzurot.messaging.redis.RedisTestSupport;
import java.time.Duration;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The broadcast contract in-process and on Redis (where a second connection stands for another process). */
class BroadcastContractTest {

    abstract static class Contract {

        /** The channel as one process sees it. */
        protected abstract Broadcast here();

        /** The same channel as another process sees it (the same object in-process). */
        protected abstract Broadcast there();

        @Test
        void everyListenerGetsEveryMessageInOrder() {
            List<String> first = new CopyOnWriteArrayList<>();
            List<String> second = new CopyOnWriteArrayList<>();
            here().subscribe(first::add);
            there().subscribe(second::add);

            for (int i = 0; i < 20; i++) {
                here().publish("m" + i);
            }
            await().atMost(Duration.ofSeconds(30)).until(() -> first.size() == 20 && second.size() == 20);
            assertThat(first).isEqualTo(second).startsWith("m0", "m1", "m2").endsWith("m19");
        }

        @Test
        void aClosedSubscriptionHearsNothingMore() {
            List<String> stopped = new CopyOnWriteArrayList<>();
            List<String> going = new CopyOnWriteArrayList<>();
            Subscription s = there().subscribe(stopped::add);
            there().subscribe(going::add);
            here().publish("before");
            await().atMost(Duration.ofSeconds(30)).until(() -> stopped.size() == 1 && going.size() == 1);
            s.close();
            here().publish("after");
            await().atMost(Duration.ofSeconds(30)).until(() -> going.size() == 2);
            assertThat(stopped).containsExactly("before");
        }

        @Test
        void aFailingListenerDoesNotSilenceTheOthers() {
            List<String> heard = new CopyOnWriteArrayList<>();
            there().subscribe(m -> {
                throw new IllegalStateException("boom");
            });
            there().subscribe(heard::add);
            here().publish("still here");
            await().atMost(Duration.ofSeconds(30)).until(() -> heard.size() == 1);
            assertThat(heard).containsExactly("still here");
        }
    }

    @Nested
    class InProcess extends Contract {
        private final Broadcast broadcast = new InProcessBroadcast();

        @Override
        protected Broadcast here() {
            return broadcast;
        }

        @Override
        protected Broadcast there() {
            return broadcast;
        }
    }

    @Nested
    class OnRedis extends Contract {
        private RedisMessaging redis;
        private RedisMessaging otherProcess;
        private RedisBroadcast here;
        private RedisBroadcast there;

        @BeforeEach
        void connect() {
            redis = RedisTestSupport.connect();
            otherProcess = RedisTestSupport.connectLike(redis);
            here = new RedisBroadcast(redis, "test-deltas");
            there = new RedisBroadcast(otherProcess, "test-deltas");
        }

        @AfterEach
        void close() {
            if (here != null) {
                here.close();
            }
            if (there != null) {
                there.close();
            }
            if (otherProcess != null) {
                otherProcess.close();
            }
            if (redis != null) {
                RedisTestSupport.cleanUp(redis);
            }
        }

        @Override
        protected Broadcast here() {
            return here;
        }

        @Override
        protected Broadcast there() {
            return there;
        }
    }
}
