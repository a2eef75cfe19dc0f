package io.tzurot.messaging.redis;

import io.lettuce.core.KeyScanCursor;
import io.lettuce.core.ScanArgs;
import io.lettuce.core.ScanCursor;
import io.tzurot.testkit.ServiceTargets;
import java.util.UUID;

/** Connects to the test Redis under a random key prefix and deletes that prefix's keys afterwards. */
public final class RedisTestSupport {

    private RedisTestSupport() {
    }

    /** A connection whose keys all start with a fresh random prefix. */
    public static RedisMessaging connect() {
        return RedisMessaging.connect(ServiceTargets.redisUrl(), "tzurot-test-" + UUID.randomUUID());
    }

    /** A second connection under the same prefix as {@code other}: another "process" of the same deployment. */
    public static RedisMessaging connectLike(RedisMessaging other) {
        return RedisMessaging.connect(ServiceTargets.redisUrl(), other.prefix());
    }

    /** Deletes every key under the prefix of {@code redis} and closes it. */
    public static void cleanUp(RedisMessaging redis) {
        if (redis == null) {
            return;
        }
        try {
            ScanCursor cursor = ScanCursor.INITIAL;
            do {
                KeyScanCursor<String> page = redis.commands().scan(cursor, ScanArgs.Builder.matches(redis.prefix() + "*").limit(500));
                if (!page.getKeys().isEmpty()) {
                    redis.commands().unlink(page.getKeys().toArray(String[]::new));
                }
                cursor = page;
            } while (!cursor.isFinished());
        } finally {
            redis.close();
        }
    }
}
