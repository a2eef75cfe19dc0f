package io.tzurot.messaging.keys;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tzurot.core.failure.DomainException;
import io.tzurot.core.memory.IncognitoDuration;
import io.tzurot.core.memory.IncognitoSession;
import io.tzurot.core.memory.IncognitoSessions;
import io.tzurot.core.messaging.EphemeralKeyStore;
import io.tzurot.messaging.redis.RedisMessaging;
import io.tzurot.messaging.redis.RedisTestSupport;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.Optional;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Incognito sessions on each key store: per character or all, timed or forever, listed, ended. */
class IncognitoSessionsContractTest {

    private static final Instant NOW = Instant.parse("2026-12-06T14:00:00Z");

    abstract static class Contract {

        protected abstract EphemeralKeyStore store();

        private IncognitoSessions sessions() {
            return new IncognitoSessions(store(), Clock.fixed(NOW, ZoneOffset.UTC));
        }

        @Test
        void aSessionForOneCharacterCoversOnlyThatCharacterAndExpiresWithItsDuration() {
            IncognitoSessions sessions = sessions();
            UUID user = UUID.randomUUID();
            UUID ada = UUID.randomUUID();
            UUID bob = UUID.randomUUID();

            IncognitoSession on = sessions.enable(user, Optional.of(ada), IncognitoDuration.MINUTES_30);

            assertThat(on.expiresAt()).contains(NOW.plus(Duration.ofMinutes(30)));
            assertThat(sessions.covering(user, ada)).contains(on);
            assertThat(sessions.covering(user, bob)).isEmpty();
            assertThat(sessions.covering(UUID.randomUUID(), ada)).isEmpty();
            assertThat(store().timeToLive("incognito:" + user + ":" + ada)).hasValueSatisfying(ttl ->
                    assertThat(ttl).isPositive().isLessThanOrEqualTo(Duration.ofMinutes(30)));
        }

        @Test
        void allCoversEveryCharacterForeverUntilTurnedOff() {
            IncognitoSessions sessions = sessions();
            UUID user = UUID.randomUUID();
            UUID ada = UUID.randomUUID();

            sessions.enable(user, Optional.empty(), IncognitoDuration.FOREVER);
            sessions.enable(user, Optional.of(ada), IncognitoDuration.HOURS_4);

            assertThat(sessions.covering(user, UUID.randomUUID())).hasValueSatisfying(s -> {
                assertThat(s.coversAll()).isTrue();
                assertThat(s.expiresAt()).isEmpty();
            });
            assertThat(store().timeToLive("incognito:" + user + ":all")).isEmpty();
            assertThat(sessions.active(user)).extracting(IncognitoSession::personalityId)
                    .containsExactly(Optional.empty(), Optional.of(ada));

            assertThat(sessions.disable(user, Optional.of(ada))).isEqualTo(1);
            assertThat(sessions.covering(user, ada)).hasValueSatisfying(s -> assertThat(s.coversAll()).isTrue());
            assertThat(sessions.disable(user, Optional.empty())).isEqualTo(1);
            assertThat(sessions.covering(user, ada)).isEmpty();
            assertThat(sessions.active(user)).isEmpty();
            assertThat(sessions.disable(user, Optional.empty())).isZero();
        }

        @Test
        void turningAllOffEndsEverySessionAndExpiredOnesAreNotListed() {
            IncognitoSessions sessions = sessions();
            UUID user = UUID.randomUUID();
            UUID ada = UUID.randomUUID();
            UUID bob = UUID.randomUUID();
            sessions.enable(user, Optional.of(ada), IncognitoDuration.HOUR_1);
            sessions.enable(user, Optional.of(bob), IncognitoDuration.HOUR_1);
            store().delete("incognito:" + user + ":" + bob); // as if its time ran out

            assertThat(sessions.active(user)).extracting(IncognitoSession::personalityId).containsExactly(Optional.of(ada));
            assertThat(sessions.disable(user, Optional.empty())).isEqualTo(1);
            assertThat(sessions.active(user)).isEmpty();
            assertThat(store().get("incognito:" + user + ":index")).isEmpty();
        }

        @Test
        void aSessionWhoseTtlRanOutIsGoneNotListedAndLeavesTheIndex() throws InterruptedException {
            IncognitoSessions sessions = sessions();
            UUID user = UUID.randomUUID();
            UUID ada = UUID.randomUUID();
            UUID bob = UUID.randomUUID();
            sessions.enable(user, Optional.of(ada), IncognitoDuration.HOUR_1);
            sessions.enable(user, Optional.of(bob), IncognitoDuration.MINUTES_30);
            String bobKey = "incognito:" + user + ":" + bob;
            // bob's session as if its 30 minutes were nearly over: the store's own TTL removes it
            store().set(bobKey, store().get(bobKey).orElseThrow(), Duration.ofMillis(20));
            awaitGone(bobKey);

            assertThat(sessions.covering(user, bob)).isEmpty();
            assertThat(sessions.active(user)).extracting(IncognitoSession::personalityId)
                    .containsExactly(Optional.of(ada));
            assertThat(store().get("incognito:" + user + ":index")).contains(ada.toString());

            store().set("incognito:" + user + ":" + ada, "1h|" + NOW.toEpochMilli(), Duration.ofMillis(20));
            awaitGone("incognito:" + user + ":" + ada);
            assertThat(sessions.active(user)).isEmpty();
            assertThat(store().get("incognito:" + user + ":index")).isEmpty();
        }

        private void awaitGone(String key) throws InterruptedException {
            // generous: the machine is loaded; only the outcome is asserted, never the time it took
            for (int i = 0; i < 600 && store().get(key).isPresent(); i++) {
                Thread.sleep(50);
            }
            assertThat(store().get(key)).as("expired " + key).isEmpty();
        }

        @Test
        void onlyTheSpecsDurationsAreAccepted() {
            assertThat(IncognitoDuration.parse(" 4H ")).isEqualTo(IncognitoDuration.HOURS_4);
            assertThatThrownBy(() -> IncognitoDuration.parse("2h")).isInstanceOf(DomainException.class)
                    .hasMessageContaining("30m, 1h, 4h, forever").hasMessageContaining("'2h'");
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
        }

        @BeforeEach
        void freshNamespace() {
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
