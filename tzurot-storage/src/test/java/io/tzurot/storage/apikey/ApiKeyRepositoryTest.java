package io.tzurot.storage.apikey;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tzurot.core.apikey.ApiKey;
import io.tzurot.core.apikey.ApiKeyCipher;
import io.tzurot.core.apikey.RevealApiKey;
import io.tzurot.core.apikey.RevealCredential;
import io.tzurot.core.apikey.StoreApiKey;
import io.tzurot.core.apikey.StoreCredential;
import io.tzurot.core.apikey.UserCredential;
import io.tzurot.core.id.DeterministicIds;
import io.tzurot.core.user.User;
import io.tzurot.storage.db.Dialect;
import io.tzurot.storage.testing.DatabaseContract;
import io.tzurot.storage.user.Fixtures;
import io.tzurot.testkit.MutableClock;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;

class ApiKeyRepositoryTest {

    abstract static class ApiKeyContract extends DatabaseContract {
        private static final String MASTER = "00112233445566778899aabbccddeeff00112233445566778899aabbccddeeff";
        private final MutableClock clock = MutableClock.startingAt("2026-09-01T00:00:00Z");
        private final ApiKeyCipher cipher = ApiKeyCipher.fromHex(MASTER);
        private JdbiApiKeyRepository keys;
        private JdbiUserCredentialRepository credentials;
        private Fixtures fixtures;

        ApiKeyContract(Dialect dialect) {
            super(dialect);
        }

        @BeforeAll
        void wire() {
            keys = new JdbiApiKeyRepository(database().jdbi(), clock);
            credentials = new JdbiUserCredentialRepository(database().jdbi(), clock);
            fixtures = new Fixtures(database().jdbi(), clock);
        }

        @Test
        void keysAreStoredEncryptedAndRevealedOnlyByTheUseCase() {
            User user = fixtures.user("byok");
            String plaintext = "sk-or-v1-secret-value";

            ApiKey stored = new StoreApiKey(keys, cipher).execute(user.id(), " OpenRouter ", plaintext);

            assertThat(stored.id()).isEqualTo(DeterministicIds.userApiKey(user.id(), "openrouter"));
            assertThat(stored.provider()).isEqualTo("openrouter");
            assertThat(stored.active()).isTrue();
            assertThat(stored.toString()).doesNotContain(plaintext);
            List<String> columns = database().jdbi().withHandle(h -> h.createQuery("SELECT iv, content, tag FROM user_api_keys WHERE id = :id")
                    .bind("id", stored.id()).map((rs, ctx) -> List.of(rs.getString(1), rs.getString(2), rs.getString(3))).one());
            assertThat(columns.get(0)).hasSize(32).matches("[0-9a-f]+");
            assertThat(columns.get(2)).hasSize(32).matches("[0-9a-f]+");
            assertThat(String.join("", columns)).doesNotContain(plaintext);
            assertThat(new RevealApiKey(keys, cipher).execute(user.id(), "openrouter")).contains(plaintext);
            assertThat(new RevealApiKey(keys, ApiKeyCipher.fromHex(MASTER.replace('0', '1'))).execute(user.id(), "openrouter")).isEmpty();
        }

        @Test
        void replacingListingUsingAndDeleting() {
            User user = fixtures.user("wallet");
            StoreApiKey store = new StoreApiKey(keys, cipher);
            store.execute(user.id(), "openrouter", "first");
            clock.advance(Duration.ofMinutes(1));
            store.execute(user.id(), "openrouter", "second");
            store.execute(user.id(), "anthropic", "third");
            keys.markUsed(user.id(), "openrouter");

            assertThat(keys.list(user.id())).extracting(ApiKey::provider).containsExactly("anthropic", "openrouter");
            assertThat(keys.list(user.id()).get(1).lastUsedAt()).isEqualTo(clock.instant());
            assertThat(new RevealApiKey(keys, cipher).execute(user.id(), "openrouter")).contains("second");
            assertThat(keys.delete(user.id(), "openrouter")).isTrue();
            assertThat(keys.delete(user.id(), "openrouter")).isFalse();
            assertThat(new RevealApiKey(keys, cipher).execute(user.id(), "openrouter")).isEmpty();
            assertThatThrownBy(() -> store.execute(user.id(), "openrouter", "  ")).isInstanceOf(IllegalArgumentException.class);
            assertThatThrownBy(() -> store.execute(user.id(), "bad provider!", "k")).isInstanceOf(IllegalArgumentException.class);
        }

        @Test
        void credentialsExpireAndAreRemovedWithTheUser() {
            User user = fixtures.user("shapes");
            StoreCredential store = new StoreCredential(credentials, cipher);
            RevealCredential reveal = new RevealCredential(credentials, cipher, clock);
            UserCredential saved = store.execute(user.id(), "shapes_inc", "session_cookie", "cookie=abc",
                    clock.instant().plus(Duration.ofHours(1)));

            assertThat(saved.id()).isEqualTo(DeterministicIds.userCredential(user.id(), "shapes_inc", "session_cookie"));
            assertThat(reveal.execute(user.id(), "shapes_inc", "session_cookie")).contains("cookie=abc");
            credentials.markUsed(user.id(), "shapes_inc", "session_cookie");
            assertThat(credentials.list(user.id())).singleElement()
                    .satisfies(c -> assertThat(c.lastUsedAt()).isEqualTo(clock.instant()));
            clock.advance(Duration.ofHours(1));
            assertThat(reveal.execute(user.id(), "shapes_inc", "session_cookie")).isEmpty();

            store.execute(user.id(), "shapes_inc", "session_cookie", "cookie=new", null);
            assertThat(reveal.execute(user.id(), "shapes_inc", "session_cookie")).contains("cookie=new");
            database().jdbi().useHandle(h -> h.createUpdate("DELETE FROM users WHERE id = :id").bind("id", user.id()).execute());
            assertThat(credentials.list(user.id())).isEmpty();
            assertThat(credentials.delete(user.id(), "shapes_inc", "session_cookie")).isFalse();
        }
    }

    @Nested
    class OnH2 extends ApiKeyContract {
        OnH2() {
            super(Dialect.H2);
        }
    }

    @Nested
    class OnPostgres extends ApiKeyContract {
        OnPostgres() {
            super(Dialect.POSTGRESQL);
        }
    }
}
