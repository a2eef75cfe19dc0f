package io.tzurot.messaging.cache;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tzurot.core.messaging.ChangeEvent;
import io.tzurot.core.messaging.EventBus;
import io.tzurot.core.messaging.EventTopic;
import io.tzurot.messaging.events.InProcessEventBus;
import io.tzurot.messaging.events.RedisEventBus;
import io.tzurot.messaging.redis.RedisMessaging;
import io.tzurot.messaging.redis.RedisTestSupport;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class InvalidatingCacheTest {

    /** Stands in for the database both "processes" read. */
    private final Map<String, String> database = new ConcurrentHashMap<>(Map.of("p1", "Lilith v1", "p2", "Cold v1"));
    private final AtomicInteger loads = new AtomicInteger();

    private String load(String id) {
        loads.incrementAndGet();
        return database.get(id);
    }

    private InvalidatingCache<String, String> personalities(EventBus bus) {
        return InvalidatingCache.<String>keyedById(bus).evictOnIds(EventTopic.PERSONALITY)
                .expireAfterWrite(Duration.ofHours(1)).build();
    }

    @Test
    void aChangeAnnouncedHereIsNeverServedStaleHere() {
        EventBus bus = new InProcessEventBus();
        InvalidatingCache<String, String> cache = personalities(bus);
        assertThat(cache.get("p1", this::load)).isEqualTo("Lilith v1");
        assertThat(cache.get("p1", this::load)).isEqualTo("Lilith v1");
        assertThat(loads.get()).isEqualTo(1);

        database.put("p1", "Lilith v2");
        bus.publish(ChangeEvent.of(EventTopic.PERSONALITY, "p1"));
        assertThat(cache.get("p1", this::load)).isEqualTo("Lilith v2");
        assertThat(cache.get("p2", this::load)).isEqualTo("Cold v1");

        bus.publish(ChangeEvent.of(EventTopic.PERSONA, "p2"));
        bus.publish(ChangeEvent.of(EventTopic.PERSONALITY, "unrelated"));
        assertThat(cache.getIfPresent("p1")).contains("Lilith v2");
        assertThat(cache.getIfPresent("p2")).contains("Cold v1");

        bus.publish(ChangeEvent.all(EventTopic.PERSONALITY));
        assertThat(cache.estimatedSize()).isZero();
    }

    @Test
    void aValueLoadedAcrossAnEvictionIsReturnedButNotCached() {
        EventBus bus = new InProcessEventBus();
        InvalidatingCache<String, String> cache = personalities(bus);
        String value = cache.get("p1", id -> {
            String old = database.get(id);
            // The change lands while this load is in flight.
            database.put("p1", "Lilith v2");
            bus.publish(ChangeEvent.of(EventTopic.PERSONALITY, "p1"));
            return old;
        });
        assertThat(value).isEqualTo("Lilith v1");
        assertThat(cache.getIfPresent("p1")).isEmpty();
        assertThat(cache.get("p1", this::load)).isEqualTo("Lilith v2");
    }

    @Test
    void compositeKeysAreEvictedByAMatcher() {
        record UserPersonality(String userId, String personalityId) {
        }
        EventBus bus = new InProcessEventBus();
        InvalidatingCache<UserPersonality, String> cache = InvalidatingCache.<UserPersonality, String>keyedBy(bus, UserPersonality.class)
                .evictOn(EventTopic.PERSONA, (key, userId) -> key.userId().equals(userId))
                .evictOn(EventTopic.PERSONALITY, (key, personalityId) -> key.personalityId().equals(personalityId))
                .build();
        cache.get(new UserPersonality("u1", "p1"), k -> "a");
        cache.get(new UserPersonality("u1", "p2"), k -> "b");
        cache.get(new UserPersonality("u2", "p1"), k -> "c");

        bus.publish(ChangeEvent.of(EventTopic.PERSONA, "u1"));
        assertThat(cache.getIfPresent(new UserPersonality("u1", "p1"))).isEmpty();
        assertThat(cache.getIfPresent(new UserPersonality("u1", "p2"))).isEmpty();
        assertThat(cache.getIfPresent(new UserPersonality("u2", "p1"))).contains("c");

        bus.publish(ChangeEvent.of(EventTopic.PERSONALITY, "p1"));
        assertThat(cache.estimatedSize()).isZero();
    }

    @Test
    void misuseIsRejected() {
        EventBus bus = new InProcessEventBus();
        assertThatThrownBy(() -> InvalidatingCache.<String>keyedById(bus).build()).isInstanceOf(IllegalStateException.class);
        assertThatThrownBy(() -> InvalidatingCache.keyedBy(bus, Integer.class).evictOnIds(EventTopic.PRESET))
                .isInstanceOf(IllegalStateException.class);
        InvalidatingCache<String, String> cache = personalities(bus);
        assertThatThrownBy(() -> cache.get("missing", id -> null)).isInstanceOf(IllegalStateException.class);
        cache.close();
        bus.publish(ChangeEvent.all(EventTopic.PERSONALITY));
    }

    @Nested
    class AcrossProcessesOnRedis {

        @Test
        void aWriteAnnouncedInOneProcessIsEvictedInTheOtherWithoutWaitingForTheTtl() {
            RedisMessaging processA = RedisTestSupport.connect();
            RedisMessaging processB = RedisTestSupport.connectLike(processA);
            try (RedisEventBus busA = new RedisEventBus(processA);
                    RedisEventBus busB = new RedisEventBus(processB);
                    InvalidatingCache<String, String> cacheA = personalities(busA);
                    InvalidatingCache<String, String> cacheB = personalities(busB)) {
                assertThat(cacheA.get("p1", InvalidatingCacheTest.this::load)).isEqualTo("Lilith v1");
                assertThat(cacheB.get("p1", InvalidatingCacheTest.this::load)).isEqualTo("Lilith v1");
                assertThat(cacheB.get("p2", InvalidatingCacheTest.this::load)).isEqualTo("Cold v1");

                database.put("p1", "Lilith v2");
                busA.publish(ChangeEvent.of(EventTopic.PERSONALITY, "p1"));

                assertThat(cacheA.getIfPresent("p1")).as("the writer's own cache is evicted at once").isEmpty();
                await().until(() -> cacheB.getIfPresent("p1").isEmpty());
                assertThat(cacheB.get("p1", InvalidatingCacheTest.this::load)).isEqualTo("Lilith v2");
                assertThat(cacheB.getIfPresent("p2")).contains("Cold v1");
            } finally {
                processB.close();
                RedisTestSupport.cleanUp(processA);
            }
        }
    }
}
