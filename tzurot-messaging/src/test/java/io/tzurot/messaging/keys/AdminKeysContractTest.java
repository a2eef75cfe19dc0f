package io.tzurot.messaging.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tzurot.core.access.Actor;
import io.tzurot.core.admin.FleetHeartbeats;
import io.tzurot.core.admin.Heartbeat;
import io.tzurot.core.admin.ManagingPresence;
import io.tzurot.core.admin.Presence;
import io.tzurot.core.failure.DomainException;
import io.tzurot.core.messaging.EphemeralKeyStore;
import io.tzurot.messaging.redis.RedisMessaging;
import io.tzurot.messaging.redis.RedisTestSupport;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The fleet's heartbeats and the bot's presence, kept in each key store: in-process and Redis. */
class AdminKeysContractTest {

    private static final Actor OWNER = new Actor(UUID.randomUUID(), "1", true);
    private static final Actor MEMBER = new Actor(UUID.randomUUID(), "2", false);

    abstract static class Contract {

        protected abstract EphemeralKeyStore store();

        @Test
        void heartbeatsAreListedWhileLiveAndGoneWhenStopped() {
            FleetHeartbeats fleet = new FleetHeartbeats(store());
            Instant now = Instant.now().truncatedTo(ChronoUnit.MILLIS);
            Heartbeat worker = new Heartbeat("worker-a-1", "worker", "1.0", now.minusSeconds(60), now, OptionalLong.of(3));
            Heartbeat api = new Heartbeat("api-b-2", "api", "1.0", now.minusSeconds(5), now, OptionalLong.empty());
            fleet.beat(worker);
            fleet.beat(api);
            store().set("heartbeat:garbage", "not a heartbeat", Duration.ofMinutes(1));

            assertThat(fleet.live(OWNER)).containsExactly(api, worker);
            assertThat(store().timeToLive("heartbeat:worker-a-1")).hasValueSatisfying(ttl ->
                    assertThat(ttl).isPositive().isLessThanOrEqualTo(FleetHeartbeats.TTL));
            Heartbeat later = new Heartbeat("worker-a-1", "worker", "1.0", now.minusSeconds(60), now.plusSeconds(15),
                    OptionalLong.of(0));
            fleet.beat(later);
            assertThat(fleet.live(OWNER)).containsExactly(api, later);
            fleet.stop("api-b-2");
            assertThat(fleet.live(OWNER)).containsExactly(later);
            assertThatThrownBy(() -> fleet.live(MEMBER)).isInstanceOf(DomainException.class);
        }

        @Test
        void aBeatExpiresOnItsOwn() {
            store().set(FleetHeartbeats.PREFIX + "gone", new Heartbeat("gone", "api", "1", Instant.now(),
                    Instant.now(), OptionalLong.empty()).encode(), Duration.ofMillis(30));
            org.awaitility.Awaitility.await().atMost(Duration.ofSeconds(10)).until(() ->
                    new FleetHeartbeats(store()).live(OWNER).stream().noneMatch(b -> b.processId().equals("gone")));
        }

        @Test
        void presenceIsKeptWithoutExpiryAndReadBack() {
            ManagingPresence presence = new ManagingPresence(store());
            assertThat(presence.current()).isEmpty();
            Presence set = presence.set(OWNER, 2, "  rain on the roof ", "dnd");
            assertThat(set).isEqualTo(new Presence(Presence.Kind.LISTENING, "rain on the roof", Presence.Status.DND));
            assertThat(presence.current()).contains(set);
            assertThat(store().timeToLive(ManagingPresence.KEY)).isEmpty();
            // a later process (same store) restores it
            assertThat(new ManagingPresence(store()).current()).contains(set);
            assertThat(presence.set(OWNER, 99, "ignored", "")).isEqualTo(new Presence(Presence.Kind.NONE, "",
                    Presence.Status.ONLINE));
            assertThat(presence.current()).contains(new Presence(Presence.Kind.NONE, "", Presence.Status.ONLINE));

            assertThatThrownBy(() -> presence.set(MEMBER, 0, "chess", "")).isInstanceOf(DomainException.class);
            assertThatThrownBy(() -> presence.set(OWNER, 1, "chess", "")).hasMessageContaining("Unknown activity type 1");
            assertThatThrownBy(() -> presence.set(OWNER, 0, " ", "")).hasMessageContaining("activity's text");
            assertThatThrownBy(() -> presence.set(OWNER, 0, "x".repeat(129), "")).hasMessageContaining("at most 128");
            assertThatThrownBy(() -> presence.set(OWNER, 0, "chess", "away")).hasMessageContaining("Unknown status");
            assertThat(presence.current()).contains(new Presence(Presence.Kind.NONE, "", Presence.Status.ONLINE));
            store().setWithoutExpiry(ManagingPresence.KEY, "garbage");
            assertThat(presence.current()).isEmpty();
        }
    }

    @Nested
    class InProcess extends Contract {
        private final EphemeralKeyStore store = new InProcessKeyStore();

        @Override
        protected EphemeralKeyStore store() {
            return store;
        }
    }

    @Nested
    @TestInstance(TestInstance.Lifecycle.PER_CLASS)
    class OnRedis extends Contract {
        private RedisMessaging redis;
        private EphemeralKeyStore store;

        @BeforeAll
        void connect() {
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
