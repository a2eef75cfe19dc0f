package io.tzurot.messaging.limits;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.limits.CurrentRateLimits;
import io.tzurot.core.limits.MessageClaims;
import io.tzurot.core.limits.RateLimiting;
import io.tzurot.core.limits.RateLimiting.Decision;
import io.tzurot.core.limits.RateLimiting.Kind;
import io.tzurot.core.limits.RateLimits;
import io.tzurot.core.limits.RateLimitsRepository;
import io.tzurot.core.messaging.EphemeralKeyStore;
import io.tzurot.messaging.keys.InProcessKeyStore;
import io.tzurot.messaging.keys.RedisKeyStore;
import io.tzurot.messaging.redis.RedisMessaging;
import io.tzurot.messaging.redis.RedisTestSupport;
import io.tzurot.testkit.MutableClock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The rate limiter and the message claim over each key store, two "processes" sharing one store. */
class RateLimitingTest {

    /** Limits a test sets, read through the limiter's refresh. */
    static final class Limits implements RateLimitsRepository {
        volatile RateLimits limits = new RateLimits(2, 1, 3, 1, 5);
        int reads;

        @Override
        public RateLimits get() {
            reads++;
            return limits;
        }

        @Override
        public void set(RateLimits limits, UUID updatedBy) {
            this.limits = limits;
        }
    }

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Contract {
        private final MutableClock clock = MutableClock.startingAt("2026-06-01T00:00:00Z");

        /** Two handles on one shared store, as two processes hold. */
        abstract EphemeralKeyStore first();

        abstract EphemeralKeyStore second();

        @Test
        void aUserOverTheBurstIsRefusedAcrossProcessesAndToldOnce() {
            Limits limits = new Limits();
            RateLimiting one = new RateLimiting(first(), limits, clock);
            RateLimiting two = new RateLimiting(second(), limits, clock);
            String user = "u-" + UUID.randomUUID();

            assertThat(one.take(Kind.REPLY, user)).isInstanceOf(Decision.Allowed.class);
            assertThat(two.take(Kind.REPLY, user)).isInstanceOf(Decision.Allowed.class);
            List<Decision> refused = new ArrayList<>();
            for (int i = 0; i < 4; i++) {
                refused.add((i % 2 == 0 ? one : two).take(Kind.REPLY, user));
            }

            assertThat(refused).allSatisfy(d -> assertThat(d).isInstanceOf(Decision.Limited.class));
            assertThat(refused).filteredOn(d -> ((Decision.Limited) d).tellUser()).hasSize(1);
            assertThat(((Decision.Limited) refused.get(0)).tellUser()).as("the first refusal tells").isTrue();
            assertThat(((Decision.Limited) refused.get(0)).retryAfter()).isGreaterThan(Duration.ofSeconds(50))
                    .isLessThanOrEqualTo(Duration.ofMinutes(1));
            assertThat(one.take(Kind.COMMAND, user)).as("commands have their own bucket").isInstanceOf(Decision.Allowed.class);
            assertThat(one.take(Kind.REPLY, "other-" + user)).isInstanceOf(Decision.Allowed.class);
        }

        @Test
        void theLimitsAreReadAgainAfterTheRefreshPeriod() {
            Limits limits = new Limits();
            RateLimiting limiter = new RateLimiting(first(), limits, clock);
            assertThat(limiter.limits().replyBurst()).isEqualTo(2);
            limits.limits = RateLimits.DEFAULTS;
            clock.advance(CurrentRateLimits.REFRESH.minusSeconds(1));
            assertThat(limiter.limits().replyBurst()).isEqualTo(2);
            clock.advance(Duration.ofSeconds(1));
            assertThat(limiter.limits()).isEqualTo(RateLimits.DEFAULTS);
            assertThat(limits.reads).isEqualTo(2);
        }

        @Test
        void aMessageIsClaimedByOneProcessOnly() {
            String id = Long.toString(System.nanoTime());
            assertThat(new MessageClaims(first()).claim("discord", id)).isTrue();
            assertThat(new MessageClaims(second()).claim("discord", id)).isFalse();
            assertThat(new MessageClaims(first()).claim("discord", id)).isFalse();
            assertThat(new MessageClaims(second()).claim("discord", id + "1")).isTrue();
        }
    }

    @Nested
    class InProcess extends Contract {
        private final InProcessKeyStore store = new InProcessKeyStore();

        @Override
        EphemeralKeyStore first() {
            return store;
        }

        @Override
        EphemeralKeyStore second() {
            return store;
        }
    }

    @Nested
    class OnRedis extends Contract {
        private RedisMessaging one;
        private RedisMessaging two;

        @BeforeAll
        void connect() {
            one = RedisTestSupport.connect();
            two = RedisTestSupport.connectLike(one);
        }

        @AfterAll
        void cleanUp() {
            if (two != null) {
                two.close();
            }
            RedisTestSupport.cleanUp(one);
        }

        @Override
        EphemeralKeyStore first() {
            return new RedisKeyStore(one);
        }

        @Override
        EphemeralKeyStore second() {
            return new RedisKeyStore(two);
        }
    }
}
