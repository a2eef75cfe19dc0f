package io.tzurot.app.launch;

import io.tzurot.testkit.logs.SecretLogScan;
import org.junit.jupiter.api.extension.ExtendWith;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.tzurot.app.config.ConfigException;
import io.tzurot.app.config.ConfigSources;
import io.tzurot.app.config.TzurotConfig;
import io.tzurot.app.wiring.Repositories;
import io.tzurot.core.personality.PersonalityDraft;
import io.tzurot.core.reply.Platform;
import io.tzurot.core.reply.ReplyOutcome;
import io.tzurot.core.reply.ReplyRequest;
import io.tzurot.core.reply.Speaker;
import io.tzurot.core.user.DiscordUserProfile;
import io.tzurot.core.user.User;
import io.tzurot.storage.db.DatabaseSettings;
import io.tzurot.testkit.ServiceTargets;
import io.tzurot.testkit.model.FakeModelServer;
import io.tzurot.testkit.model.FakeReply;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Instant;
import java.util.HashMap;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** Reply jobs wired by the launcher: in one process on the embedded profile, across roles on PostgreSQL + Redis. */
@ExtendWith(SecretLogScan.class)
class FleetLauncherTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream output = new ByteArrayOutputStream();
    private final Launcher launcher = new Launcher(new PrintStream(output, true, StandardCharsets.UTF_8));
    private final FakeModelServer model = FakeModelServer.start();
    private DatabaseSettings server;
    private String databaseName;

    @BeforeEach
    void createDatabase() throws Exception {
        server = DatabaseSettings.fromUrl(ServiceTargets.postgresUrl());
        databaseName = "tz_fleet_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        run("CREATE DATABASE " + databaseName);
    }

    @AfterEach
    void dropDatabase() throws Exception {
        model.close();
        if (databaseName != null) { // null when PostgreSQL is not configured and the test was skipped
            run("DROP DATABASE IF EXISTS " + databaseName + " WITH (FORCE)");
        }
    }

    private void run(String sql) throws Exception {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
             Statement s = c.createStatement()) {
            s.execute(sql);
        }
    }

    private TzurotConfig config(boolean distributed, String... pairs) {
        Map<String, String> env = new HashMap<>();
        env.put("TZUROT_DATA_DIR", dir.resolve("data").toString());
        env.put("TZUROT_HTTP_PORT", "0");
        env.put("TZUROT_LLM_BASE_URL", model.baseUrl());
        env.put("TZUROT_LLM_API_KEY", "sk-test");
        env.put("TZUROT_WORKER_SLOTS", "4");
        if (distributed) {
            env.put("TZUROT_DATABASE_URL", server.jdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + databaseName + "$1"));
            env.put("TZUROT_REDIS_URL", ServiceTargets.redisUrl());
            env.put("TZUROT_REDIS_PREFIX", "tzfl" + UUID.randomUUID().toString().substring(0, 8));
        }
        for (int i = 0; i < pairs.length; i += 2) {
            env.put(pairs[i], pairs[i + 1]);
        }
        return TzurotConfig.from(ConfigSources.load(env, dir));
    }

    private static void createAda(RunningTzurot running) {
        Repositories repos = Repositories.of(running.database(), Clock.systemUTC());
        User owner = repos.users().getOrCreate(new DiscordUserProfile("900000000000000001", "owner", null, null, false), false);
        repos.personalities().create(owner.id(), PersonalityDraft.of("Ada", "ada", "Ada is a librarian.", "patient")
                .withPublic(true));
    }

    private static ReplyRequest hello(String id) {
        return ReplyRequest.text(id, Platform.CLI, new Speaker("100000000000000001", null, null), "ada", "cli", "Hello!",
                Instant.now());
    }

    @Test
    void theEmbeddedProfileRunsTheWorkerInProcess() {
        model.enqueue(FakeReply.text("Hello from the embedded worker."));
        try (RunningTzurot running = launcher.start(config(false))) {
            createAda(running);
            ReplyOutcome outcome = running.replies().orElseThrow().reply(hello("embedded-1")).join();

            assertThat(outcome).isInstanceOf(ReplyOutcome.Replied.class);
            assertThat(((ReplyOutcome.Replied) outcome).content()).isEqualTo("Hello from the embedded worker.");
            assertThat(running.worker()).isPresent();
        }
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("  worker     4 slots on queue replies");
    }

    @Test
    void apiAndWorkerProcessesShareTheQueueOnRedis() {
        model.enqueue(FakeReply.text("Hello across processes."));
        TzurotConfig workerConfig = config(true, "TZUROT_ROLES", "worker");
        TzurotConfig apiConfig = workerConfig.withRoles("api");
        try (RunningTzurot worker = launcher.start(workerConfig);
             RunningTzurot api = launcher.start(apiConfig)) {
            createAda(api);
            assertThat(worker.replies()).isEmpty();
            assertThat(api.worker()).isEmpty();

            ReplyOutcome outcome = api.replies().orElseThrow().reply(hello("distributed-1")).join();

            assertThat(outcome).isInstanceOf(ReplyOutcome.Replied.class);
            assertThat(((ReplyOutcome.Replied) outcome).content()).isEqualTo("Hello across processes.");
        }
        assertThat(output.toString(StandardCharsets.UTF_8)).contains("distributed profile", "roles      worker",
                "  worker     4 slots on queue replies");
    }

    @Test
    void chatGoesThroughTheQueueToARunningWorker() {
        model.enqueue(FakeReply.text("Hello from a worker of the fleet."));
        Map<String, String> env = new HashMap<>();
        try (RunningTzurot worker = launcher.start(config(true, "TZUROT_ROLES", "worker"))) {
            createAda(worker);
            for (io.tzurot.app.config.Variable v : io.tzurot.app.config.Variable.values()) {
                String value = worker.config().sources().value(v);
                if (value != null) {
                    env.put(v.name(), value);
                }
            }
            env.remove("TZUROT_ROLES");
            ByteArrayOutputStream out = new ByteArrayOutputStream();
            ByteArrayOutputStream err = new ByteArrayOutputStream();
            env.put("TZUROT_DATA_DIR", dir.resolve("cli").toString());
            int code = io.tzurot.app.TzurotMain.run(new io.tzurot.app.cli.CliContext(env, dir,
                    new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)),
                    "chat", "ada", "--message", "Hello?", "--user", "100000000000000001");

            assertThat(code).as(err.toString(StandardCharsets.UTF_8)).isZero();
            assertThat(out.toString(StandardCharsets.UTF_8)).contains("Hello from a worker of the fleet.");
            int history = worker.database().jdbi().withHandle(h -> h.createQuery(
                    "SELECT count(*) FROM conversation_history WHERE channel_id = 'cli'").mapTo(Integer.class).one());
            assertThat(history).isEqualTo(2);
        }
    }

    @Test
    void aBadRedisPrefixOrSlotCountIsOneClearLine() {
        assertThatThrownBy(() -> config(true, "TZUROT_REDIS_PREFIX", "has space")).isInstanceOf(ConfigException.class)
                .hasMessage("TZUROT_REDIS_PREFIX=has space is invalid: expected 1-64 letters, digits, '_', '-' or '.'"
                        + " (e.g. tzurot)");
        assertThatThrownBy(() -> config(false, "TZUROT_WORKER_SLOTS", "0")).isInstanceOf(ConfigException.class)
                .hasMessage("TZUROT_WORKER_SLOTS=0 is invalid: expected a number from 1 to 4096");
    }
}
