package io.tzurot.app.metrics;

import static io.tzurot.app.metrics.MetricsEndpointTest.get;
import static io.tzurot.app.metrics.MetricsEndpointTest.hello;
import static io.tzurot.app.metrics.MetricsEndpointTest.value;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tzurot.app.config.ConfigException;
import io.tzurot.app.config.ConfigSources;
import io.tzurot.app.config.TzurotConfig;
import io.tzurot.app.launch.Launcher;
import io.tzurot.app.launch.RunningTzurot;
import io.tzurot.app.wiring.Repositories;
import io.tzurot.core.personality.PersonalityDraft;
import io.tzurot.core.reply.ReplyOutcome;
import io.tzurot.core.user.DiscordUserProfile;
import io.tzurot.core.user.User;
import io.tzurot.storage.db.DatabaseSettings;
import io.tzurot.testkit.ServiceTargets;
import io.tzurot.testkit.model.FakeModelServer;
import io.tzurot.testkit.model.FakeReply;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.ServerSocket;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** A worker-only process (distributed profile: PostgreSQL + Redis) serves /metrics and /health on its management port. */
class ManagementPortTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final Launcher launcher = new Launcher(new PrintStream(output, true, StandardCharsets.UTF_8));
    private FakeModelServer model;
    private DatabaseSettings server;
    private String databaseName;

    @BeforeEach
    void createDatabase() throws Exception {
        server = DatabaseSettings.fromUrl(ServiceTargets.postgresUrl());
        ServiceTargets.redisUrl();
        databaseName = "tz_mgmt_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        run("CREATE DATABASE " + databaseName);
        model = FakeModelServer.start();
    }

    @AfterEach
    void dropDatabase() throws Exception {
        if (model != null) {
            model.close();
        }
        if (databaseName != null) {
            run("DROP DATABASE IF EXISTS " + databaseName + " WITH (FORCE)");
        }
    }

    private void run(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private TzurotConfig config(String... pairs) {
        Map<String, String> env = new HashMap<>();
        env.put("TZUROT_DATA_DIR", dir.resolve("data").toString());
        env.put("TZUROT_HTTP_PORT", "0");
        env.put("TZUROT_LLM_BASE_URL", model.baseUrl());
        env.put("TZUROT_LLM_API_KEY", "sk-test");
        env.put("TZUROT_DATABASE_URL", server.jdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + databaseName + "$1"));
        env.put("TZUROT_REDIS_URL", ServiceTargets.redisUrl());
        env.put("TZUROT_REDIS_PREFIX", "tzmg" + UUID.randomUUID().toString().substring(0, 8));
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return TzurotConfig.from(ConfigSources.load(env, dir));
    }

    @Test
    void aWorkerServesItsMetricsAndHealthOnTheManagementPort() throws Exception {
        model.enqueue(FakeReply.text("Hello from a worker.").withUsage(50, 4));
        TzurotConfig workerConfig = config("TZUROT_ROLES", "worker", "TZUROT_METRICS_PORT", "0");
        try (RunningTzurot worker = launcher.start(workerConfig);
             RunningTzurot api = launcher.start(workerConfig.withRoles("api"))) {
            Repositories repos = Repositories.of(api.database(), Clock.systemUTC());
            User owner = repos.users().getOrCreate(new DiscordUserProfile("900000000000000001", "owner", null, null, false), false);
            repos.personalities().create(owner.id(), PersonalityDraft.of("Ada", "ada", "Ada is a librarian.", "patient")
                    .withPublic(true));

            assertThat(api.replies().orElseThrow().reply(hello("mgmt-1")).join()).isInstanceOf(ReplyOutcome.Replied.class);

            assertThat(api.managementPort()).isEmpty(); // the api role serves /metrics on its HTTP port
            int port = worker.managementPort().orElseThrow();
            HttpResponse<String> metrics = get(port, "/metrics");
            assertThat(metrics.statusCode()).isEqualTo(200);
            String text = metrics.body();
            assertThat(value(text, "tzurot_replies_total", "outcome=\"replied\"")).isEqualTo(1.0);
            assertThat(value(text, "tzurot_reply_stage_seconds_count", "stage=\"model\"")).isEqualTo(1.0);
            assertThat(value(text, "tzurot_model_requests_total", "status=\"ok\"")).isEqualTo(1.0);
            assertThat(value(text, "jvm_memory_used_bytes", "")).isGreaterThan(0);
            assertThat(text).contains("tzurot_queue_pending{", "role=\"worker\"");
            HttpResponse<String> health = get(port, "/health");
            assertThat(health.statusCode()).isEqualTo(200);
            assertThat(health.body()).contains("\"status\":\"ok\"", "\"profile\":\"distributed\"");
            assertThat(get(port, "/api/v1/personalities").statusCode()).isEqualTo(404);
            assertThat(get(api.httpPort().orElseThrow(), "/metrics").body()).contains("tzurot_queue_pending{", "role=\"api\"");
        }
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("  management http://127.0.0.1:");
    }

    @Test
    void aChosenPortThatIsTakenStopsStartUp() throws Exception {
        try (ServerSocket taken = new ServerSocket(0, 1, java.net.InetAddress.getByName("127.0.0.1"))) {
            TzurotConfig workerConfig = config("TZUROT_ROLES", "worker", "TZUROT_METRICS_PORT",
                    Integer.toString(taken.getLocalPort()));
            assertThatThrownBy(() -> launcher.start(workerConfig)).isInstanceOf(ConfigException.class)
                    .hasMessageStartingWith("TZUROT_METRICS_PORT=" + taken.getLocalPort() + " (TZUROT_HTTP_HOST=127.0.0.1) is invalid");
        }
    }

    @Test
    void offOpensNoPort() {
        try (RunningTzurot worker = launcher.start(config("TZUROT_ROLES", "worker", "TZUROT_METRICS_PORT", "off"))) {
            assertThat(worker.managementPort()).isEmpty();
        }
    }
}
