package io.tzurot.app.fleet;

import static org.assertj.core.api.Assertions.assertThat;

import io.lettuce.core.metrics.DefaultCommandLatencyCollector;
import io.tzurot.messaging.redis.RedisMessaging;
import io.tzurot.testkit.ServiceTargets;
import java.util.UUID;
import org.junit.jupiter.api.Test;

/**
 * The Redis client of a role process records no per-command latency: on the application's class path (Micrometer
 * brings LatencyUtils) Lettuce would otherwise time every command and keep pause-detector threads awake.
 */
class RedisClientResourcesTest {

    @Test
    void aRoleProcessesRedisClientRecordsNoCommandLatency() {
        assertThat(DefaultCommandLatencyCollector.isAvailable()).as("Lettuce would record latency by default here")
                .isTrue();
        try (RedisMessaging redis = RedisMessaging.connect(ServiceTargets.redisUrl(), "tzurot-test-" + UUID.randomUUID())) {
            assertThat(redis.recordsCommandLatency()).isFalse();
            redis.commands().set(redis.key("probe"), "1");
            assertThat(redis.commands().get(redis.key("probe"))).isEqualTo("1");
            redis.commands().del(redis.key("probe"));
        }
    }
}
