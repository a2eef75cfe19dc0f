package io.tzurot.storage.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.core.access.AccessRepository;
import io.tzurot.core.access.AccessSecrets;
import io.tzurot.core.access.AccessUser;
import io.tzurot.core.access.ApiToken;
import io.tzurot.core.access.LoginLinkRecord;
import io.tzurot.core.access.Session;
import io.tzurot.core.id.DeterministicIds;
import io.tzurot.storage.db.Dialect;
import io.tzurot.storage.testing.DatabaseContract;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class AccessRepositoryTest {

    abstract static class AccessRepositoryContract extends DatabaseContract {
        private static final Instant T0 = Instant.parse("2026-01-02T03:04:05.678Z");
        private final AtomicInteger ids = new AtomicInteger(100_000);
        private AccessRepository repository;

        AccessRepositoryContract(Dialect dialect) {
            super(dialect);
        }

        @BeforeAll
        void createRepository() {
            repository = new JdbiAccessRepository(database().jdbi());
        }

        private String newDiscordId() {
            return "1234567890" + ids.incrementAndGet();
        }

        private ApiToken token(AccessUser user, String label, boolean owner, Instant created) {
            return new ApiToken(UUID.randomUUID(), user.id(), user.discordId(), label, "…abcd", owner, created, Optional.empty());
        }

        @Test
        void ensureUserCreatesAMinimalRowOnceWithTheDeterministicId() {
            String discordId = newDiscordId();
            AccessUser first = repository.ensureUser(discordId);
            AccessUser second = repository.ensureUser(discordId);
            assertThat(first).isEqualTo(second).isEqualTo(new AccessUser(DeterministicIds.user(discordId), discordId));
            String username = database().jdbi().withHandle(h -> h.createQuery("SELECT username FROM users WHERE discord_id = :d")
                    .bind("d", discordId).mapTo(String.class).one());
            assertThat(username).isEqualTo(discordId);
            assertThat(repository.findUser(first.id())).contains(first);
            assertThat(repository.findUser(UUID.randomUUID())).isEmpty();
        }

        @Test
        void concurrentEnsureUserAgreesOnOneRow() throws Exception {
            String discordId = newDiscordId();
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Future<AccessUser>> results = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    results.add(pool.submit((Callable<AccessUser>) () -> repository.ensureUser(discordId)));
                }
                for (Future<AccessUser> f : results) {
                    assertThat(f.get().id()).isEqualTo(DeterministicIds.user(discordId));
                }
            } finally {
                pool.shutdownNow();
            }
            Integer rows = database().jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM users WHERE discord_id = :d")
                    .bind("d", discordId).mapTo(Integer.class).one());
            assertThat(rows).isEqualTo(1);
        }

        @Test
        void tokensAreFoundByHashAndListedNewestFirstPerUser() {
            AccessUser alice = repository.ensureUser(newDiscordId());
            AccessUser bob = repository.ensureUser(newDiscordId());
            ApiToken older = token(alice, "scripts", false, T0);
            ApiToken newer = token(alice, "backup job", true, T0.plusSeconds(60));
            ApiToken bobs = token(bob, "bob", false, T0.plusSeconds(30));
            repository.insertToken(older, AccessSecrets.hash("older"));
            repository.insertToken(newer, AccessSecrets.hash("newer"));
            repository.insertToken(bobs, AccessSecrets.hash("bobs"));

            assertThat(repository.findTokenByHash(AccessSecrets.hash("newer"))).contains(newer);
            assertThat(repository.findTokenByHash(AccessSecrets.hash("nothing"))).isEmpty();
            assertThat(repository.findToken(older.id())).contains(older);
            assertThat(repository.listTokens(alice.id())).containsExactly(newer, older);
            assertThat(repository.listTokens(bob.id())).containsExactly(bobs);
            assertThat(repository.listAllTokens()).containsSubsequence(newer, bobs, older);
        }

        @Test
        void markingATokenUsedAndDeletingIt() {
            AccessUser user = repository.ensureUser(newDiscordId());
            ApiToken token = token(user, "cli", false, T0);
            repository.insertToken(token, AccessSecrets.hash("used-token"));
            repository.markTokenUsed(token.id(), T0.plusSeconds(5));
            assertThat(repository.findToken(token.id()).orElseThrow().lastUsedAt()).contains(T0.plusSeconds(5));

            assertThat(repository.deleteToken(token.id())).isTrue();
            assertThat(repository.deleteToken(token.id())).isFalse();
            assertThat(repository.findTokenByHash(AccessSecrets.hash("used-token"))).isEmpty();
        }

        @Test
        void sessionsRoundTripAndExpiredOnesAreDeleted() {
            AccessUser user = repository.ensureUser(newDiscordId());
            Session live = new Session(AccessSecrets.hash("live-" + user.id()), user.id(), true, T0, T0.plusSeconds(3600));
            Session dead = new Session(AccessSecrets.hash("dead-" + user.id()), user.id(), false, T0, T0.plusSeconds(10));
            repository.insertSession(live);
            repository.insertSession(dead);
            assertThat(repository.findSession(live.idHash())).contains(live);

            assertThat(repository.deleteExpiredSessions(T0.plusSeconds(10))).isGreaterThanOrEqualTo(1);
            assertThat(repository.findSession(dead.idHash())).isEmpty();
            assertThat(repository.findSession(live.idHash())).contains(live);

            assertThat(repository.deleteSession(live.idHash())).isTrue();
            assertThat(repository.deleteSession(live.idHash())).isFalse();
        }

        @Test
        void aLoginLinkCanBeMarkedUsedExactlyOnce() throws Exception {
            AccessUser user = repository.ensureUser(newDiscordId());
            String hash = AccessSecrets.hash("link-" + user.id());
            LoginLinkRecord link = new LoginLinkRecord(hash, user.id(), true, T0, T0.plusSeconds(600), Optional.empty());
            repository.insertLoginLink(link);
            assertThat(repository.findLoginLink(hash)).contains(link);

            ExecutorService pool = Executors.newFixedThreadPool(4);
            int winners = 0;
            try {
                List<Future<Boolean>> attempts = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    attempts.add(pool.submit(() -> repository.markLoginLinkUsed(hash, T0.plusSeconds(1))));
                }
                for (Future<Boolean> attempt : attempts) {
                    winners += attempt.get() ? 1 : 0;
                }
            } finally {
                pool.shutdownNow();
            }
            assertThat(winners).isEqualTo(1);
            assertThat(repository.findLoginLink(hash).orElseThrow().usedAt()).contains(T0.plusSeconds(1));
        }

        @Test
        void expiredLoginLinksAreDeleted() {
            AccessUser user = repository.ensureUser(newDiscordId());
            String hash = AccessSecrets.hash("old-link-" + user.id());
            // a day before every other link of this suite, so the counts below are this link's alone
            Instant created = T0.minusSeconds(86_400);
            Instant expires = created.plusSeconds(600);
            repository.insertLoginLink(new LoginLinkRecord(hash, user.id(), true, created, expires, Optional.empty()));
            assertThat(repository.deleteExpiredLoginLinks(expires.minusMillis(1))).isZero();
            assertThat(repository.deleteExpiredLoginLinks(expires)).isEqualTo(1);
            assertThat(repository.findLoginLink(hash)).isEmpty();
        }

        @Test
        void deletingAUserTakesItsTokensSessionsAndLinksWithIt() {
            AccessUser user = repository.ensureUser(newDiscordId());
            ApiToken token = token(user, "gone", false, T0);
            repository.insertToken(token, AccessSecrets.hash("gone-" + user.id()));
            repository.insertSession(new Session(AccessSecrets.hash("s-" + user.id()), user.id(), false, T0, T0.plusSeconds(60)));
            database().jdbi().useHandle(h -> h.createUpdate("DELETE FROM users WHERE id = :id").bind("id", user.id()).execute());
            assertThat(repository.findToken(token.id())).isEmpty();
            assertThat(repository.findSession(AccessSecrets.hash("s-" + user.id()))).isEmpty();
        }
    }

    @Nested
    class OnH2 extends AccessRepositoryContract {
        OnH2() {
            super(Dialect.H2);
        }
    }

    @Nested
    class OnPostgres extends AccessRepositoryContract {
        OnPostgres() {
            super(Dialect.POSTGRESQL);
        }
    }
}
