package io.tzurot.messaging.events;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.tzurot.core.messaging.ChangeEvent;
import io.tzurot.core.messaging.EventBus;
import io.tzurot.core.messaging.EventTopic;
import io.tzurot.messaging.redis.RedisMessaging;
import io.tzurot.messaging.redis.RedisTestSupport;
import java.util.List;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

/** The event bus contract on each implementation, plus delivery across processes on Redis. */
class EventBusContractTest {

    @Nested
    class InProcess extends EventBusContract {
        private final EventBus bus = new InProcessEventBus();

        @Override
        protected EventBus bus() {
            return bus;
        }
    }

    @Nested
    class OnRedis extends EventBusContract {
        private RedisMessaging redis;
        private RedisMessaging otherProcess;
        private RedisEventBus bus;
        private RedisEventBus otherBus;

        @BeforeEach
        void connect() {
            redis = RedisTestSupport.connect();
            otherProcess = RedisTestSupport.connectLike(redis);
            bus = new RedisEventBus(redis);
            otherBus = new RedisEventBus(otherProcess);
        }

        @AfterEach
        void close() {
            // connect() may have been skipped (no Redis configured): close only what it opened.
            if (bus != null) {
                bus.close();
            }
            if (otherBus != null) {
                otherBus.close();
            }
            if (otherProcess != null) {
                otherProcess.close();
            }
            if (redis != null) {
                RedisTestSupport.cleanUp(redis);
            }
        }

        @Override
        protected EventBus bus() {
            return bus;
        }

        @Test
        void anEventReachesTheOtherProcessOnceAndThePublisherOnlyLocally() {
            List<ChangeEvent> here = new CopyOnWriteArrayList<>();
            List<ChangeEvent> there = new CopyOnWriteArrayList<>();
            bus.subscribe(EventTopic.CHANNEL_ACTIVATION, here::add);
            otherBus.subscribe(EventTopic.CHANNEL_ACTIVATION, there::add);

            bus.publish(ChangeEvent.of(EventTopic.CHANNEL_ACTIVATION, "channel-1"));
            bus.publish(ChangeEvent.all(EventTopic.CHANNEL_ACTIVATION));
            await().until(() -> there.size() == 2);
            assertThat(there).containsExactly(ChangeEvent.of(EventTopic.CHANNEL_ACTIVATION, "channel-1"),
                    ChangeEvent.all(EventTopic.CHANNEL_ACTIVATION));

            // A marker from the other side proves our own echo had time to arrive and was skipped.
            List<ChangeEvent> markers = new CopyOnWriteArrayList<>();
            bus.subscribe(EventTopic.SETTINGS, markers::add);
            otherBus.publish(ChangeEvent.of(EventTopic.SETTINGS, "marker"));
            await().until(() -> markers.size() == 1);
            assertThat(here).hasSize(2);
        }

        @Test
        void busesUnderAnotherPrefixHearNothing() {
            RedisMessaging stranger = RedisTestSupport.connect();
            try (RedisEventBus strangerBus = new RedisEventBus(stranger)) {
                List<ChangeEvent> heard = new CopyOnWriteArrayList<>();
                List<ChangeEvent> marker = new CopyOnWriteArrayList<>();
                strangerBus.subscribe(EventTopic.PRESET, heard::add);
                otherBus.subscribe(EventTopic.PRESET, marker::add);
                bus.publish(ChangeEvent.of(EventTopic.PRESET, "preset-1"));
                await().until(() -> marker.size() == 1);
                assertThat(heard).isEmpty();
            } finally {
                RedisTestSupport.cleanUp(stranger);
            }
        }
    }
}
