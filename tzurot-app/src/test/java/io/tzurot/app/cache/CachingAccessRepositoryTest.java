package io.tzurot.app.cache;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.access.AccessServices;
import io.tzurot.core.access.Actor;
import io.tzurot.core.access.IssuedApiToken;
import io.tzurot.messaging.events.InProcessEventBus;
import io.tzurot.storage.access.JdbiAccessRepository;
import io.tzurot.storage.db.Database;
import io.tzurot.storage.db.DatabaseSettings;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;

/**
 * The bearer-token cache on a real database and the real in-process bus: {@code here} and {@code there} are the
 * access services of two api processes on one bus. A token is read from the database once, a revocation in either
 * process refuses the token in both at once, and "last used" is still written once a minute, not on every request.
 */
class CachingAccessRepositoryTest {

    private final Database database = Database.open(DatabaseSettings.inMemory("access" + UUID.randomUUID().toString().replace("-", "")));
    private final InProcessEventBus bus = new InProcessEventBus();
    private final AtomicReference<Instant> now = new AtomicReference<>(Instant.parse("2026-12-06T12:00:00Z"));
    private final Clock clock = new Clock() {
        @Override
        public ZoneOffset getZone() {
            return ZoneOffset.UTC;
        }

        @Override
        public Clock withZone(java.time.ZoneId zone) {
            return this;
        }

        @Override
        public Instant instant() {
            return now.get();
        }
    };
    private final JdbiAccessRepository raw = new JdbiAccessRepository(database.jdbi());
    private final AccessServices here = services();
    private final AccessServices there = services();

    private AccessServices services() {
        return AccessServices.create(new CachingAccessRepository(raw, new CacheContext(bus, ConfigEpoch.none(),
                CachingAccessRepository.TTL)), clock, "900000000000000001");
    }

    @AfterEach
    void close() {
        bus.close();
        database.close();
    }

    @Test
    void aTokenIsReadFromTheCacheAfterItsFirstUse() {
        IssuedApiToken token = here.issuing().issueForDiscordUser("100000000000000001", false, "cli");
        assertThat(here.authenticating().byBearerToken(token.secret())).isPresent();

        raw.deleteToken(token.token().id()); // behind the cache's back
        assertThat(here.authenticating().byBearerToken(token.secret())).as("served from the cache").isPresent();
    }

    @Test
    void aRevokedTokenIsRefusedAtOnceInEveryProcess() {
        IssuedApiToken token = here.issuing().issueForDiscordUser("100000000000000001", false, "cli");
        Actor user = here.authenticating().byBearerToken(token.secret()).orElseThrow();
        assertThat(there.authenticating().byBearerToken(token.secret())).contains(user);

        assertThat(there.tokens().revoke(user, token.token().id())).isTrue();

        assertThat(here.authenticating().byBearerToken(token.secret())).isEmpty();
        assertThat(there.authenticating().byBearerToken(token.secret())).isEmpty();
    }

    @Test
    void lastUsedIsWrittenOncePerMinuteThoughTheTokenComesFromTheCache() {
        IssuedApiToken token = here.issuing().issueForDiscordUser("100000000000000001", false, "cli");
        here.authenticating().byBearerToken(token.secret());
        Instant first = raw.findToken(token.token().id()).orElseThrow().lastUsedAt().orElseThrow();

        now.set(now.get().plus(Duration.ofMinutes(2)));
        here.authenticating().byBearerToken(token.secret());
        Instant second = raw.findToken(token.token().id()).orElseThrow().lastUsedAt().orElseThrow();
        assertThat(second).isAfter(first);

        now.set(now.get().plusSeconds(20));
        here.authenticating().byBearerToken(token.secret());
        assertThat(raw.findToken(token.token().id()).orElseThrow().lastUsedAt()).as("within the minute: no write")
                .contains(second);
    }
}
