package io.tzurot.storage.user;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tzurot.core.id.DeterministicIds;
import io.tzurot.core.persona.Persona;
import io.tzurot.core.settings.ConfigOverrides;
import io.tzurot.core.settings.SettingKey;
import io.tzurot.core.settings.TierValue;
import io.tzurot.core.user.DiscordUserProfile;
import io.tzurot.core.user.GetOrCreateUser;
import io.tzurot.core.user.User;
import io.tzurot.core.user.UserRepository;
import io.tzurot.storage.db.Dialect;
import io.tzurot.storage.persona.JdbiPersonaRepository;
import io.tzurot.storage.testing.DatabaseContract;
import io.tzurot.testkit.MutableClock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.Callable;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class UserRepositoryTest {

    abstract static class UserRepositoryContract extends DatabaseContract {
        private final MutableClock clock = MutableClock.startingAt("2026-01-02T03:04:05.678Z");
        private UserRepository users;
        private JdbiPersonaRepository personas;

        UserRepositoryContract(Dialect dialect) {
            super(dialect);
        }

        @BeforeAll
        void wire() {
            users = new JdbiUserRepository(database().jdbi(), clock);
            personas = new JdbiPersonaRepository(database().jdbi(), clock);
        }

        @Test
        void createsUserWithDefaultPersonaInOneGo() {
            User user = users.getOrCreate(new DiscordUserProfile("100000000000000001", "alice", "Alice A.", "likes tea", false), false);

            assertThat(user.id()).isEqualTo(DeterministicIds.user("100000000000000001"));
            assertThat(user.username()).isEqualTo("alice");
            assertThat(user.timezone()).isEqualTo("UTC");
            assertThat(user.superuser()).isFalse();
            assertThat(user.createdAt()).isEqualTo(clock.instant());
            Persona persona = personas.findById(user.defaultPersonaId()).orElseThrow();
            assertThat(persona.id()).isEqualTo(DeterministicIds.persona(user.id(), "alice"));
            assertThat(persona.name()).isEqualTo("alice");
            assertThat(persona.preferredName()).isEqualTo("Alice A.");
            assertThat(persona.description()).isEqualTo("Default persona");
            assertThat(persona.content()).isEqualTo("likes tea");
            assertThat(persona.ownerId()).isEqualTo(user.id());
        }

        @Test
        void secondCallReturnsTheSameUserWithoutAnotherPersona() {
            DiscordUserProfile profile = new DiscordUserProfile("100000000000000002", "bob", null, null, false);
            User first = users.getOrCreate(profile, false);
            User again = users.getOrCreate(profile, false);

            assertThat(again).isEqualTo(first);
            assertThat(personas.listByOwner(first.id())).hasSize(1)
                    .first().satisfies(p -> {
                        assertThat(p.preferredName()).isEqualTo("bob");
                        assertThat(p.content()).isEmpty();
                    });
            assertThat(users.findByDiscordId("100000000000000002")).contains(first);
            assertThat(users.findById(first.id())).contains(first);
        }

        @Test
        void placeholderNameIsReplacedByTheRealOneLater() {
            users.getOrCreate(new DiscordUserProfile("100000000000000003", null, null, null, false), false);
            User renamed = users.getOrCreate(new DiscordUserProfile("100000000000000003", "carol", null, null, false), false);
            User notRenamedAgain = users.getOrCreate(new DiscordUserProfile("100000000000000003", "carol2", null, null, false), false);

            assertThat(renamed.username()).isEqualTo("carol");
            assertThat(notRenamedAgain.username()).isEqualTo("carol");
        }

        @Test
        void botOwnerBecomesSuperuserAndBotsAreNeverStored() {
            GetOrCreateUser useCase = new GetOrCreateUser(users, "100000000000000004");
            User owner = useCase.execute(new DiscordUserProfile("100000000000000004", "owner", null, null, false)).orElseThrow();
            Optional<User> bot = useCase.execute(new DiscordUserProfile("100000000000000005", "somebot", null, null, true));
            User other = useCase.execute(new DiscordUserProfile("100000000000000006", "dave", null, null, false)).orElseThrow();

            assertThat(owner.superuser()).isTrue();
            assertThat(other.superuser()).isFalse();
            assertThat(bot).isEmpty();
            assertThat(users.findByDiscordId("100000000000000005")).isEmpty();
            assertThatThrownBy(() -> users.getOrCreate(new DiscordUserProfile("100000000000000005", "somebot", null, null, true), false))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("bots");
        }

        @Test
        void existingUserWithoutDefaultPersonaIsBackfilled() {
            User user = users.getOrCreate(new DiscordUserProfile("100000000000000007", "erin", null, null, false), false);
            users.setDefaultPersona(user.id(), null);
            assertThat(users.findById(user.id()).orElseThrow().defaultPersonaId()).isNull();

            User again = users.getOrCreate(new DiscordUserProfile("100000000000000007", "erin", null, null, false), false);

            assertThat(again.defaultPersonaId()).isEqualTo(user.defaultPersonaId());
            assertThat(personas.listByOwner(user.id())).hasSize(1);
        }

        @Test
        void concurrentFirstMessagesCreateOneUserAndOnePersona() throws Exception {
            DiscordUserProfile profile = new DiscordUserProfile("100000000000000008", "frank", null, null, false);
            ExecutorService pool = Executors.newFixedThreadPool(4);
            try {
                List<Callable<User>> calls = new ArrayList<>();
                for (int i = 0; i < 8; i++) {
                    calls.add(() -> users.getOrCreate(profile, false));
                }
                List<User> results = new ArrayList<>();
                for (Future<User> f : pool.invokeAll(calls)) {
                    results.add(f.get());
                }
                assertThat(results).extracting(User::id).containsOnly(DeterministicIds.user("100000000000000008"));
                assertThat(personas.listByOwner(results.get(0).id())).hasSize(1);
            } finally {
                pool.shutdownNow();
            }
        }

        @Test
        void storesTimezoneNsfwAndConfigDefaults() {
            User user = users.getOrCreate(new DiscordUserProfile("100000000000000009", "gina", null, null, false), false);
            Instant later = clock.advance(Duration.ofMinutes(5));

            users.setTimezone(user.id(), "Europe/Paris");
            users.setNsfwVerified(user.id(), true);
            ConfigOverrides tier = ConfigOverrides.EMPTY
                    .with(SettingKey.MAX_AGE, TierValue.cleared())
                    .with(SettingKey.MAX_MESSAGES, TierValue.of(30));
            users.setConfigDefaults(user.id(), tier);

            User stored = users.findById(user.id()).orElseThrow();
            assertThat(stored.timezone()).isEqualTo("Europe/Paris");
            assertThat(stored.nsfwVerified()).isTrue();
            assertThat(stored.nsfwVerifiedAt()).isEqualTo(later);
            assertThat(stored.updatedAt()).isEqualTo(later);
            assertThat(users.configDefaults(user.id())).isEqualTo(tier);
            assertThatThrownBy(() -> users.setTimezone(user.id(), "Mars/Olympus"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("unknown time zone");

            users.setNsfwVerified(user.id(), false);
            users.setConfigDefaults(user.id(), ConfigOverrides.EMPTY);
            assertThat(users.findById(user.id()).orElseThrow().nsfwVerifiedAt()).isNull();
            assertThat(users.configDefaults(user.id())).isEqualTo(ConfigOverrides.EMPTY);
        }

        @Test
        void invalidStoredTierIsIgnored() {
            User user = users.getOrCreate(new DiscordUserProfile("100000000000000010", "hank", null, null, false), false);
            database().jdbi().useHandle(h -> h.createUpdate("UPDATE users SET config_defaults = :json WHERE id = :id")
                    .bind("json", new io.tzurot.storage.db.JsonText("{\"maxMessages\": 30, \"colour\": \"red\"}"))
                    .bind("id", user.id()).execute());

            assertThat(users.configDefaults(user.id())).isEqualTo(ConfigOverrides.EMPTY);
        }

        @Test
        void defaultPersonaMustBelongToTheUser() {
            User ivy = users.getOrCreate(new DiscordUserProfile("100000000000000011", "ivy", null, null, false), false);
            User jack = users.getOrCreate(new DiscordUserProfile("100000000000000012", "jack", null, null, false), false);

            assertThatThrownBy(() -> users.setDefaultPersona(ivy.id(), jack.defaultPersonaId()))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("does not belong");
            assertThatThrownBy(() -> users.setTimezone(DeterministicIds.user("999"), "UTC"))
                    .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("no user");
        }
    }

    @Nested
    class OnH2 extends UserRepositoryContract {
        OnH2() {
            super(Dialect.H2);
        }
    }

    @Nested
    class OnPostgres extends UserRepositoryContract {
        OnPostgres() {
            super(Dialect.POSTGRESQL);
        }
    }
}
