package io.tzurot.messaging.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.awaitility.Awaitility.await;

import io.tzurot.core.messaging.EphemeralKeyStore;
import io.tzurot.core.messaging.TokenTake;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.function.IntFunction;
import org.junit.jupiter.api.Test;

/** The behaviour every {@link EphemeralKeyStore} must show; run against each implementation. */
abstract class KeyStoreContract {

    /** The store under test; keys are unique per test method. */
    protected abstract EphemeralKeyStore store();

    private static final Duration LONG = Duration.ofHours(1);

    @Test
    void withPrefixListsTheLiveKeysStartingWithIt() {
        EphemeralKeyStore store = store();
        store.set("beat:a", "1", LONG);
        store.setWithoutExpiry("beat:b", "2");
        store.set("beat:gone", "3", Duration.ofMillis(50));
        store.set("beat*[x]?", "glob", LONG);
        store.set("other:a", "4", LONG);
        await().atMost(Duration.ofSeconds(10)).until(() -> store.get("beat:gone").isEmpty());
        assertThat(store.withPrefix("beat:")).isEqualTo(java.util.Map.of("beat:a", "1", "beat:b", "2"));
        assertThat(store.withPrefix("beat*")).isEqualTo(java.util.Map.of("beat*[x]?", "glob"));
        assertThat(store.withPrefix("none:")).isEmpty();
        assertThatThrownBy(() -> store.withPrefix(" ")).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void setThenGetAndDelete() {
        EphemeralKeyStore store = store();
        assertThat(store.get("webhook:1")).isEmpty();
        store.set("webhook:1", "personality-a", LONG);
        assertThat(store.get("webhook:1")).contains("personality-a");
        store.set("webhook:1", "personality-b", LONG);
        assertThat(store.get("webhook:1")).contains("personality-b");
        assertThat(store.delete("webhook:1")).isTrue();
        assertThat(store.delete("webhook:1")).isFalse();
        assertThat(store.get("webhook:1")).isEmpty();
    }

    @Test
    void keysExpireAfterTheirTtl() {
        EphemeralKeyStore store = store();
        store.set("short", "v", Duration.ofMillis(50));
        store.set("long", "v", LONG);
        await().until(() -> store.get("short").isEmpty());
        assertThat(store.get("long")).contains("v");
        assertThat(store.timeToLive("long")).hasValueSatisfying(ttl ->
                assertThat(ttl).isPositive().isLessThanOrEqualTo(LONG));
        assertThat(store.timeToLive("short")).isEmpty();
    }

    @Test
    void aKeyWithoutExpiryStaysAndHasNoTtl() {
        EphemeralKeyStore store = store();
        store.setWithoutExpiry("incognito:u:all", "forever");
        assertThat(store.get("incognito:u:all")).contains("forever");
        assertThat(store.timeToLive("incognito:u:all")).isEmpty();
    }

    @Test
    void setIfAbsentSetsOnlyOnceUntilTheKeyExpires() {
        EphemeralKeyStore store = store();
        assertThat(store.setIfAbsent("processed:m1", "job-1", LONG)).isTrue();
        assertThat(store.setIfAbsent("processed:m1", "job-2", LONG)).isFalse();
        assertThat(store.get("processed:m1")).contains("job-1");

        assertThat(store.setIfAbsent("processed:m2", "job-1", Duration.ofMillis(100))).isTrue();
        await().until(() -> store.setIfAbsent("processed:m2", "job-3", LONG));
        assertThat(store.get("processed:m2")).contains("job-3");
    }

    @Test
    void setFirstAbsentTakesTheFirstFreeKeyAndNoneWhenAllAreTaken() {
        EphemeralKeyStore store = store();
        List<String> slots = List.of("slot:u:0", "slot:u:1", "slot:u:2");
        store.set("slot:u:0", "held", LONG);
        assertThat(store.setFirstAbsent(slots, "reply-a", LONG)).contains("slot:u:1");
        assertThat(store.setFirstAbsent(slots, "reply-b", LONG)).contains("slot:u:2");
        assertThat(store.get("slot:u:1")).contains("reply-a");
        assertThat(store.timeToLive("slot:u:2")).hasValueSatisfying(ttl -> assertThat(ttl).isPositive());
        assertThat(store.setFirstAbsent(slots, "reply-c", LONG)).isEmpty();
        assertThat(store.get("slot:u:0")).as("a taken key keeps its value").contains("held");
        store.delete("slot:u:0");
        assertThat(store.setFirstAbsent(slots, "reply-d", LONG)).contains("slot:u:0");
        assertThat(store.setFirstAbsent(List.of(), "reply-e", LONG)).isEmpty();
    }

    @Test
    void concurrentSetFirstAbsentCallsNeverShareAKey() throws Exception {
        EphemeralKeyStore store = store();
        List<String> slots = List.of("slot:v:0", "slot:v:1", "slot:v:2", "slot:v:3", "slot:v:4");
        List<String> taken = new ArrayList<>();
        for (Optional<String> result : concurrently(24, i -> () -> store.setFirstAbsent(slots, "caller-" + i, LONG))) {
            result.ifPresent(taken::add);
        }
        assertThat(taken).containsExactlyInAnyOrderElementsOf(slots);
    }


    @Test
    void writesWithoutWaitingArriveInOrder() {
        EphemeralKeyStore store = store();
        store.setWithoutWaiting("reply:r1", "pending", LONG);
        store.setWithoutWaiting("reply:r1", "done", LONG);
        store.setWithoutWaiting("slot:w:0", "r1", LONG);
        store.deleteWithoutWaiting("slot:w:0");
        await().until(() -> store.get("reply:r1").filter("done"::equals).isPresent());
        assertThat(store.get("slot:w:0")).as("the delete was made after the set").isEmpty();
        assertThat(store.timeToLive("reply:r1")).hasValueSatisfying(ttl -> assertThat(ttl).isPositive());
    }

    @Test
    void exactlyOneOfManyConcurrentSetIfAbsentCallsWins() throws Exception {
        EphemeralKeyStore store = store();
        int winners = 0;
        for (boolean won : concurrently(32, i -> () -> store.setIfAbsent("dedup:x", "caller-" + i, LONG))) {
            winners += won ? 1 : 0;
        }
        assertThat(winners).isEqualTo(1);
    }


    @Test
    void countersCountAtomicallyWithinTheirWindow() throws Exception {
        EphemeralKeyStore store = store();
        Set<Long> seen = new HashSet<>(concurrently(100, i -> () -> store.increment("ratelimit:wallet:u1", LONG)));
        assertThat(seen).hasSize(100).contains(1L, 100L);
        assertThat(store.get("ratelimit:wallet:u1")).contains("100");
        assertThat(store.timeToLive("ratelimit:wallet:u1")).isPresent();
    }


    @Test
    void aCounterWindowStartsAtTheFirstHitAndRestartsAfterIt() {
        EphemeralKeyStore store = store();
        assertThat(store.increment("ratelimit:denylist:u1", Duration.ofMillis(150))).isEqualTo(1);
        await().until(() -> store.get("ratelimit:denylist:u1").isEmpty());
        assertThat(store.increment("ratelimit:denylist:u1", LONG)).isEqualTo(1);
        assertThat(store.increment("ratelimit:denylist:u1", Duration.ofMillis(1)))
                .as("a running window keeps its end").isEqualTo(2);
        assertThat(store.timeToLive("ratelimit:denylist:u1")).hasValueSatisfying(ttl ->
                assertThat(ttl).isGreaterThan(Duration.ofMinutes(30)));
    }

    @Test
    void incrementingATextValueIsAnError() {
        EphemeralKeyStore store = store();
        store.set("text", "hello", LONG);
        assertThatThrownBy(() -> store.increment("text", LONG)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not a counter");
    }

    @Test
    void aTokenBucketStartsFullAndRefusesWhenEmptyWithTheWaitForTheNextToken() {
        EphemeralKeyStore store = store();
        for (int i = 0; i < 3; i++) {
            assertThat(store.takeToken("bucket:reply:u1", 3, LONG)).as("token " + (i + 1)).isEqualTo(TokenTake.TAKEN);
        }
        TokenTake refused = store.takeToken("bucket:reply:u1", 3, LONG);
        assertThat(refused.taken()).isFalse();
        assertThat(refused.retryAfter()).isGreaterThan(Duration.ofMinutes(59)).isLessThanOrEqualTo(LONG);
        assertThat(store.takeToken("bucket:reply:u2", 3, LONG)).as("another user's bucket").isEqualTo(TokenTake.TAKEN);
    }

    @Test
    void aTokenComesBackAfterTheRefillPeriodAndAnIdleBucketIsForgotten() {
        EphemeralKeyStore store = store();
        Duration every = Duration.ofMillis(200);
        assertThat(store.takeToken("bucket:cmd:u1", 1, every).taken()).isTrue();
        assertThat(store.timeToLive("bucket:cmd:u1")).as("forgotten once full again").isPresent();
        await().atMost(Duration.ofSeconds(30)).until(() -> store.takeToken("bucket:cmd:u1", 1, every).taken());
        await().atMost(Duration.ofSeconds(30)).until(() -> store.timeToLive("bucket:cmd:u1").isEmpty());
    }

    @Test
    void concurrentTakesNeverHandOutMoreTokensThanTheBucketHolds() throws Exception {
        EphemeralKeyStore store = store();
        int taken = 0;
        for (TokenTake take : concurrently(100, i -> () -> store.takeToken("bucket:burst:u1", 10, LONG))) {
            taken += take.taken() ? 1 : 0;
        }
        assertThat(taken).isEqualTo(10);
    }


    @Test
    void takingATokenFromATextValueIsAnError() {
        EphemeralKeyStore store = store();
        store.set("text", "hello", LONG);
        assertThatThrownBy(() -> store.takeToken("text", 1, LONG)).isInstanceOf(IllegalStateException.class)
                .hasMessageContaining("not a token bucket");
        assertThatThrownBy(() -> store.takeToken("k", 0, LONG)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.takeToken("k", 1, Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
    }

    @Test
    void argumentsAreValidated() {
        EphemeralKeyStore store = store();
        assertThatThrownBy(() -> store.get(" ")).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.set("k", "v", Duration.ZERO)).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.set("k", null, LONG)).isInstanceOf(NullPointerException.class);
        assertThatThrownBy(() -> store.increment("k", Duration.ofSeconds(-1))).isInstanceOf(IllegalArgumentException.class);
        assertThatThrownBy(() -> store.get("x".repeat(513))).isInstanceOf(IllegalArgumentException.class);
        assertThat(store.get("x".repeat(512))).isEqualTo(Optional.empty());
    }

    /** The answers of {@code calls} calls made at once from eight threads, in the order they were made. */
    private static <T> List<T> concurrently(int calls, IntFunction<Callable<T>> call) throws Exception {
        ExecutorService pool = Executors.newFixedThreadPool(8);
        try {
            List<Future<T>> futures = new ArrayList<>();
            for (int i = 0; i < calls; i++) {
                futures.add(pool.submit(call.apply(i)));
            }
            List<T> answers = new ArrayList<>();
            for (Future<T> future : futures) {
                answers.add(future.get());
            }
            return answers;
        } finally {
            pool.shutdownNow();
        }
    }
}
