package io.tzurot.app.config;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tzurot.storage.db.Dialect;
import java.nio.file.Path;
import java.util.HashMap;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class TzurotConfigTest {

    @TempDir
    Path dir;

    private TzurotConfig load(String... pairs) {
        Map<String, String> env = new HashMap<>();
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return TzurotConfig.from(ConfigSources.load(env, dir));
    }

    @Test
    void theEmbeddedProfileNeedsNoVariables() {
        TzurotConfig config = load();
        assertThat(config.profile()).isEqualTo(Profile.EMBEDDED);
        assertThat(config.httpHost()).isEqualTo("127.0.0.1");
        assertThat(config.httpPort()).isEqualTo(8080);
        assertThat(config.roles()).containsExactlyInAnyOrder(Role.values());
        assertThat(config.dataDir()).isEqualTo(Path.of("./tzurot-data").toAbsolutePath().normalize());
        assertThat(config.llmBaseUrl().toString()).isEqualTo("https://openrouter.ai/api/v1");
        assertThat(config.defaultModel()).isEqualTo("anthropic/claude-haiku-4.5");
    }

    @Test
    void acceptsThePlatformFormOfAPostgresUrl() {
        TzurotConfig config = load("TZUROT_DATABASE_URL", "postgresql://bob:s%40cret@db.example:6543/tzurot?sslmode=require",
                "TZUROT_REDIS_URL", "redis://127.0.0.1:6379");
        var db = config.database().orElseThrow();
        assertThat(db.jdbcUrl()).isEqualTo("jdbc:postgresql://db.example:6543/tzurot?sslmode=require");
        assertThat(db.username()).isEqualTo("bob");
        assertThat(db.password()).isEqualTo("s@cret");
        assertThat(db.dialect()).isEqualTo(Dialect.POSTGRESQL);
        assertThat(config.profile()).isEqualTo(Profile.DISTRIBUTED);
    }

    @Test
    void acceptsAJdbcPostgresUrl() {
        var db = load("TZUROT_DATABASE_URL", "jdbc:postgresql://localhost/tzurot").database().orElseThrow();
        assertThat(db.jdbcUrl()).isEqualTo("jdbc:postgresql://localhost/tzurot");
    }

    @Test
    void theProviderKeyMayComeFromOpenRouterApiKey() {
        assertThat(load("OPENROUTER_API_KEY", "sk-or-1").llmApiKey()).contains("sk-or-1");
        assertThat(load("OPENROUTER_API_KEY", "sk-or-1", "TZUROT_LLM_API_KEY", "sk-2").llmApiKey()).contains("sk-2");
    }

    @Test
    void eachBadValueIsNamedWithWhatIsExpected() {
        assertThatThrownBy(() -> load("TZUROT_HTTP_PORT", "abc")).hasMessageStartingWith("TZUROT_HTTP_PORT=abc is invalid: expected a port");
        assertThatThrownBy(() -> load("TZUROT_HTTP_PORT", "70000")).hasMessageStartingWith("TZUROT_HTTP_PORT=70000 is invalid");
        assertThatThrownBy(() -> load("TZUROT_ROLES", "worker,chef")).hasMessageContaining("unknown role 'chef'");
        assertThatThrownBy(() -> load("TZUROT_DATABASE_URL", "mysql://x/y")).hasMessageStartingWith("TZUROT_DATABASE_URL=mysql://x/y is invalid");
        assertThatThrownBy(() -> load("TZUROT_REDIS_URL", "http://x")).hasMessageContaining("expected redis://");
        assertThatThrownBy(() -> load("BOT_OWNER_ID", "me")).hasMessageContaining("expected a Discord user id");
        assertThatThrownBy(() -> load("DISCORD_GATEWAY_URL", "http://x")).hasMessageContaining("expected a ws(s) URL");
        assertThatThrownBy(() -> load("TZUROT_LLM_BASE_URL", "openrouter")).hasMessageStartingWith("TZUROT_LLM_BASE_URL=openrouter");
    }

    @Test
    void historyRetentionIsAWholeNumberOfDaysOrUnset() {
        assertThat(load().historyRetention()).isEmpty();
        assertThat(load("TZUROT_HISTORY_RETENTION_DAYS", "90").historyRetention()).contains(java.time.Duration.ofDays(90));
        assertThatThrownBy(() -> load("TZUROT_HISTORY_RETENTION_DAYS", "0"))
                .hasMessageStartingWith("TZUROT_HISTORY_RETENTION_DAYS=0 is invalid: expected a number of days from 1 to 36500");
        assertThatThrownBy(() -> load("TZUROT_HISTORY_RETENTION_DAYS", "a year"))
                .hasMessageContaining("expected a number of days");
    }

    @Test
    void aMalformedEncryptionKeyIsRejectedWithoutShowingIt() {
        String bad = "0123456789abcdef0123456789abcdef0123456789abcdef0123456789abcdeZ";
        assertThatThrownBy(() -> load("TZUROT_ENCRYPTION_KEY", bad))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("TZUROT_ENCRYPTION_KEY=**** is invalid: expected exactly 64 hex characters")
                .message().doesNotContain("0123456789").doesNotContain("bcdZ");
    }

    @Test
    void databasePasswordsAreMaskedWhenShown() {
        assertThat(Variable.TZUROT_DATABASE_URL.display("postgresql://bob:hunter2@db:5432/x")).isEqualTo("postgresql://bob:****@db:5432/x");
        assertThat(Variable.TZUROT_REDIS_URL.display("redis://:hunter2@cache:6379")).isEqualTo("redis://:****@cache:6379");
        assertThat(Variable.DISCORD_TOKEN.display("short")).isEqualTo("****");
        assertThat(Variable.TZUROT_HTTP_PORT.display("8080")).isEqualTo("8080");
    }

    @Test
    void everySecretFormOfEveryUrlIsMasked() {
        Variable db = Variable.TZUROT_DATABASE_URL;
        assertThat(db.display("jdbc:postgresql://db:5432/x?user=bob&password=hunter2&ssl=true"))
                .isEqualTo("jdbc:postgresql://db:5432/x?user=bob&password=****&ssl=true");
        assertThat(db.display("postgresql://db/x?sslmode=require&PASSWORD=hunter2"))
                .isEqualTo("postgresql://db/x?sslmode=require&PASSWORD=****");
        assertThat(db.display("jdbc:postgresql://bob:hunter2@db/x?sslpassword=keypass"))
                .isEqualTo("jdbc:postgresql://bob:****@db/x?sslpassword=****");
        assertThat(db.display("postgresql://bob:p@ss@db/x")).isEqualTo("postgresql://bob:****@db/x");
        assertThat(db.display("jdbc:h2:file:/data/tzurot;USER=sa;PASSWORD=hunter2")).isEqualTo("jdbc:h2:file:/data/tzurot;USER=sa;PASSWORD=****");
        Variable redis = Variable.TZUROT_REDIS_URL;
        assertThat(redis.display("rediss://default:hunter2@cache:6380/0")).isEqualTo("rediss://default:****@cache:6380/0");
        assertThat(redis.display("redis://hunter2@cache:6379")).isEqualTo("redis://****@cache:6379");
        assertThat(redis.display("redis://cache:6379?password=hunter2")).isEqualTo("redis://cache:6379?password=****");
        // URLs that are not secret variables are masked too
        assertThat(Variable.TZUROT_LLM_BASE_URL.display("https://user:hunter2@llm.example/v1?api_key=hunter2&model=x"))
                .isEqualTo("https://user:****@llm.example/v1?api_key=****&model=x");
        assertThat(Variable.DISCORD_REST_URL.display("https://proxy.example/api?token=hunter2"))
                .isEqualTo("https://proxy.example/api?token=****");
        assertThat(Variable.TZUROT_PUBLIC_URL.display("https://tzurot.example")).isEqualTo("https://tzurot.example");
    }

    @Test
    void theMaxHeapIsASizeFrom128mTo64g() {
        assertThat(load("TZUROT_MAX_HEAP", "512m").maxHeapMib()).contains(512);
        assertThat(load("TZUROT_MAX_HEAP", "2G").maxHeapMib()).contains(2048);
        assertThat(load("TZUROT_HTTP_PORT", "8080").maxHeapMib()).isEmpty();
        for (String bad : new String[] {"abc", "512", "64m", "65g", "1.5g", "-1g", "512mb"}) {
            assertThatThrownBy(() -> load("TZUROT_MAX_HEAP", bad)).isInstanceOf(ConfigException.class)
                    .hasMessage("TZUROT_MAX_HEAP=" + bad + " is invalid: expected a heap size such as 512m or 2g, from 128m to 64g");
        }
    }
}
