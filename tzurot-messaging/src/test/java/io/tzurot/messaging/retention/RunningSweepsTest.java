package io.tzurot.messaging.retention;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tzurot.core.messaging.EphemeralKeyStore;
import io.tzurot.core.retention.RunningSweeps;
import io.tzurot.core.retention.Sweep;
import io.tzurot.messaging.keys.InProcessKeyStore;
import io.tzurot.messaging.keys.RedisKeyStore;
import io.tzurot.messaging.redis.RedisMessaging;
import io.tzurot.messaging.redis.RedisTestSupport;
import io.tzurot.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Two workers, one lock per sweep: each named sweep runs once per period across the fleet. */
class RunningSweepsTest {

    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    abstract static class Contract {
        private final MutableClock clock = MutableClock.startingAt("2026-06-10T00:00:00Z");

        /** Two handles on one shared store, as two worker processes hold. */
        abstract EphemeralKeyStore first();

        abstract EphemeralKeyStore second();

        @Test
        void eachSweepRunsOnceAcrossTwoWorkersAndAgainNextPeriod() {
            String run = Long.toString(System.nanoTime());
            Map<String, AtomicInteger> runs = new HashMap<>();
            List<Instant> seen = new CopyOnWriteArrayList<>();
            List<Sweep> sweeps = List.of("diagnostics", "history", "expired-denials").stream()
                    .map(name -> new Sweep(name + "-" + run, now -> {
                        seen.add(now);
                        return runs.computeIfAbsent(name, n -> new AtomicInteger()).incrementAndGet() * 10L;
                    })).toList();
            Duration period = Duration.ofMillis(300);
            RunningSweeps one = new RunningSweeps(sweeps, first(), clock, period, "worker-1");
            RunningSweeps two = new RunningSweeps(sweeps, second(), clock, period, "worker-2");

            Map<String, Long> byOne = one.runDue();
            Map<String, Long> byTwo = two.runDue();

            assertThat(byOne).hasSize(3).containsValues(10L);
            assertThat(byTwo).as("the other worker finds every lock taken").isEmpty();
            assertThat(runs.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(1));
            assertThat(seen).as("the injected clock's now").containsOnly(clock.instant());

            await().atMost(Duration.ofSeconds(30)).until(() -> !two.runDue().isEmpty());
            assertThat(runs.values()).allSatisfy(n -> assertThat(n.get()).isEqualTo(2));
        }

        @Test
        void aFailingSweepIsLoggedAndTheOthersStillRun() {
            String run = Long.toString(System.nanoTime());
            RunningSweeps sweeps = new RunningSweeps(List.of(new Sweep("broken-" + run, now -> {
                throw new IllegalStateException("database gone");
            }), new Sweep("fine-" + run, now -> 4)), first(), clock, Duration.ofHours(1), "worker-1");

            assertThat(sweeps.runDue()).containsExactly(Map.entry("fine-" + run, 4L));
        }

        @Test
        void namesAreCheckedAndUnique() {
            assertThatThrownBy(() -> new Sweep("Bad Name", now -> 0)).isInstanceOf(IllegalArgumentException.class);
            Sweep one = new Sweep("same", now -> 0);
            assertThatThrownBy(() -> new RunningSweeps(List.of(one, one), first(), clock, Duration.ofHours(1), "w"))
                    .hasMessageContaining("two sweeps named same");
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
