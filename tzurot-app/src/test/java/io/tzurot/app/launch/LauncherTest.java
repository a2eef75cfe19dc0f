package io.tzurot.app.launch;

import io.tzurot.testkit.logs.SecretLogScan;
import org.junit.jupiter.api.extension.ExtendWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tzurot.app.config.ConfigException;
import io.tzurot.app.config.ConfigSources;
import io.tzurot.app.config.EncryptionKeySource;
import io.tzurot.app.config.TzurotConfig;
import io.tzurot.storage.db.DatabaseSettings;
import io.tzurot.testkit.ServiceTargets;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

@ExtendWith(SecretLogScan.class)
class LauncherTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final Launcher launcher = new Launcher(new PrintStream(output, true, StandardCharsets.UTF_8));

    private TzurotConfig config(String... pairs) {
        Map<String, String> env = new HashMap<>();
        env.put("TZUROT_DATA_DIR", dir.resolve("data").toString());
        env.put("TZUROT_HTTP_PORT", "0");
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return TzurotConfig.from(ConfigSources.load(env, dir));
    }

    private static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void embeddedStartServesHealthWithTheDatabaseUp() throws Exception {
        try (RunningTzurot running = launcher.start(config())) {
            HttpResponse<String> health = get(running.httpPort().orElseThrow(), "/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"ok\"", "\"profile\":\"embedded\"", "\"database\":\"up\"",
                    "\"version\":\"");
        }
        String summary = output.toString(StandardCharsets.UTF_8);
        assertThat(summary).contains("embedded profile", "database", "roles      discord, api, worker",
                "set DISCORD_TOKEN", "set TZUROT_LLM_API_KEY", "generated a new key");
    }

    @Test
    void theEncryptionKeyIsGeneratedOnceAndReadableByTheOwnerOnly() throws Exception {
        launcher.start(config()).close();
        Path key = dir.resolve("data").resolve(EncryptionKeySource.FILE_NAME);
        assertThat(Files.readString(key).strip()).matches("[0-9a-f]{64}");
        assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(key))).isEqualTo("rw-------");
        String first = Files.readString(key);
        output.reset();
        launcher.start(config()).close();
        assertThat(Files.readString(key)).isEqualTo(first);
        assertThat(output.toString(StandardCharsets.UTF_8)).doesNotContain("generated a new key");
    }

    @Test
    void theEmbeddedProfileRefusesAPartialRoleSet() {
        assertThatThrownBy(() -> launcher.start(config("TZUROT_ROLES", "worker")))
                .isInstanceOf(ConfigException.class)
                .hasMessageContaining("TZUROT_ROLES=worker is invalid here")
                .hasMessageContaining("TZUROT_REDIS_URL");
    }

    @Test
    void anUnreachableDatabaseIsOneClearLine() {
        assertThatThrownBy(() -> launcher.start(config("TZUROT_DATABASE_URL", "postgresql://nobody:pw@127.0.0.1:1/none")))
                .isInstanceOf(ConfigException.class)
                .hasMessageStartingWith("TZUROT_DATABASE_URL: cannot connect to jdbc:postgresql://127.0.0.1:1/none")
                .message().doesNotContain("pw@").doesNotContain("\n");
    }

    @Test
    void aBusyPortIsNamed() throws Exception {
        try (RunningTzurot first = launcher.start(config())) {
            int port = first.httpPort().orElseThrow();
            assertThatThrownBy(() -> launcher.start(config("TZUROT_HTTP_PORT", String.valueOf(port),
                    "TZUROT_DATA_DIR", dir.resolve("other").toString())))
                    .isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith("TZUROT_HTTP_PORT=" + port);
        }
    }

    @Test
    void startOnPostgresMigratesItAndCreatesTheVectorExtension() throws Exception {
        DatabaseSettings server = DatabaseSettings.fromUrl(ServiceTargets.postgresUrl());
        String name = "tz_app_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        run(server, "CREATE DATABASE " + name);
        try {
            String url = server.jdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + name + "$1");
            try (RunningTzurot running = launcher.start(config("TZUROT_DATABASE_URL", url))) {
                Integer extensions = running.database().jdbi().withHandle(h ->
                        h.createQuery("SELECT count(*) FROM pg_extension WHERE extname = 'vector'").mapTo(Integer.class).one());
                assertThat(extensions).isEqualTo(1);
                HttpResponse<String> health = get(running.httpPort().orElseThrow(), "/health");
                assertThat(health.statusCode()).isEqualTo(200);
                assertThat(health.body()).contains("\"profile\":\"mixed\"", "\"database\":\"up\"");
            }
        } finally {
            run(server, "DROP DATABASE IF EXISTS " + name + " WITH (FORCE)");
        }
    }

    private static void run(DatabaseSettings server, String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }
}
