package io.tzurot.app.process;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.app.process.FaultLoad.Ending;
import io.tzurot.app.process.FaultLoad.Result;
import io.tzurot.app.wiring.Repositories;
import io.tzurot.core.access.AccessServices;
import io.tzurot.core.personality.PersonalityDraft;
import io.tzurot.core.user.DiscordUserProfile;
import io.tzurot.core.user.User;
import io.tzurot.storage.access.JdbiAccessRepository;
import io.tzurot.storage.db.Database;
import io.tzurot.storage.db.DatabaseSettings;
import io.tzurot.testkit.model.FakeModelServer;
import io.tzurot.testkit.model.FakeReply;
import io.tzurot.testkit.model.RecordedRequest;
import io.tzurot.testkit.services.PrivatePostgres;
import io.tzurot.testkit.services.PrivateRedis;
import io.tzurot.testkit.logs.SecretLogScan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.time.Clock;
import java.time.Duration;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.MethodOrderer;
import org.junit.jupiter.api.Order;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.TestMethodOrder;

/**
 * Faults under a steady load: an api and a worker process (the packaged jar) on a private PostgreSQL and a private
 * Redis that this suite kills and starts again, and a model provider that answers 429, 5xx, garbage or nothing in
 * time. Every message must be delivered exactly once or fail with a message saying why; none lost, none doubled;
 * {@code /health} says {@code degraded} while a dependency is down and {@code ok} once it is back. The counts of
 * each run are printed and written to {@code target/fault-figures.md} (the README's table).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@TestMethodOrder(MethodOrderer.OrderAnnotation.class)
class FaultsIT {

    private static final int MESSAGES = 60;
    private static final Duration SPACING = Duration.ofMillis(100);
    private static final Duration BOUND = Duration.ofSeconds(60);
    private static final int USERS = 16;
    /** The worker's model call timeout (TZUROT_LLM_TIMEOUT) and what the timing-out provider waits before answering. */
    private static final int MODEL_TIMEOUT_SECONDS = 2;
    private static final Pattern TAG = Pattern.compile("msg-([a-z0-9]+)-(\\d+)");

    /** What the provider does to a message's first call (and to every call of each fourth message). */
    private enum ProviderFault { NONE, RATE_LIMIT, SERVER_ERROR, TIMEOUT, GARBAGE }

    private record Figures(String fault, int submitted, long delivered, long failed, long lost, int doubled) {
    }

    private final List<Figures> figures = new ArrayList<>();
    private final List<TzurotProcess> processes = new ArrayList<>();
    private final Map<String, AtomicInteger> calls = new ConcurrentHashMap<>();
    private volatile ProviderFault providerFault = ProviderFault.NONE;
    private FakeModelServer model;
    private PrivateRedis redis;
    private PrivatePostgres postgres;
    private Database database;
    private FaultLoad load;
    private Path dir;
    private final List<String> tokens = new ArrayList<>();

    @BeforeAll
    void startFleet() throws Exception {
        redis = PrivateRedis.start();
        postgres = PrivatePostgres.start();
        dir = Files.createTempDirectory("tzurot-faults");
        try (Connection c = DriverManager.getConnection("jdbc:postgresql://127.0.0.1:" + postgres.port() + "/postgres",
                "postgres", "")) {
            c.createStatement().execute("CREATE DATABASE tzurot_faults");
        }
        database = Database.open(DatabaseSettings.fromUrl(postgres.url("tzurot_faults")));
        model = FakeModelServer.start();
        model.respondWith(this::answer);

        Repositories repos = Repositories.of(database, Clock.systemUTC());
        User owner = repos.users().getOrCreate(new DiscordUserProfile("900000000000000001", "owner", null, null, false), false);
        repos.personalities().create(owner.id(), PersonalityDraft.of("Ada", "ada", "Ada is a thoughtful librarian.",
                "patient").withPublic(true));
        AccessServices access = AccessServices.create(new JdbiAccessRepository(database.jdbi()), Clock.systemUTC(),
                "900000000000000001");
        for (int i = 0; i < USERS; i++) {
            tokens.add(access.issuing().issueForDiscordUser(Long.toString(100000000000000100L + i), false, "faults").secret());
        }
        TzurotProcess api = start("api", "api");
        start("worker", "worker");
        load = new FaultLoad(api.awaitHttpPort(Duration.ofSeconds(10)), tokens);
        assertThat(load.health()).isEqualTo("ok");
    }

    private TzurotProcess start(String name, String roles) throws Exception {
        Map<String, String> env = new HashMap<>();
        env.put("TZUROT_DATABASE_URL", postgres.url("tzurot_faults"));
        env.put("TZUROT_REDIS_URL", redis.url());
        env.put("TZUROT_DATA_DIR", dir.resolve(name).toString());
        env.put("TZUROT_HTTP_PORT", "0");
        env.put("TZUROT_LLM_BASE_URL", model.baseUrl());
        env.put("TZUROT_LLM_API_KEY", "sk-faults-test-operator-key");
        env.put("TZUROT_LLM_TIMEOUT", Integer.toString(MODEL_TIMEOUT_SECONDS));
        env.put("TZUROT_ENCRYPTION_KEY", "cd".repeat(32));
        env.put("BOT_OWNER_ID", "900000000000000001");
        TzurotProcess process = TzurotProcess.start(env, "start", "--roles", roles);
        processes.add(process);
        process.awaitLine("Started in", Duration.ofMinutes(2));
        assertThat(process.output()).as(name).contains("Started in");
        return process;
    }

    /** The fake provider: echoes the message tag, or plays the current fault on its first call (every call for each fourth). */
    private FakeReply answer(RecordedRequest request) {
        Matcher m = TAG.matcher(request.lastUserText());
        boolean found = m.find();
        String tag = found ? m.group() : "other";
        int number = found ? Integer.parseInt(m.group(2)) : 1;
        int call = calls.computeIfAbsent(tag, t -> new AtomicInteger()).incrementAndGet();
        FakeReply ok = FakeReply.text("Noted: " + tag + ".").after(Duration.ofMillis(400));
        ProviderFault fault = providerFault;
        if (fault == ProviderFault.NONE || (number % 4 != 0 && call > 1)) {
            return ok;
        }
        return switch (fault) {
            case RATE_LIMIT -> new FakeReply.Failure(429, "Rate limit exceeded: slow down", 1, Duration.ZERO);
            case SERVER_ERROR -> FakeReply.error(List.of(500, 502, 503).get(call % 3), "upstream is overloaded");
            case TIMEOUT -> ok.after(Duration.ofSeconds(MODEL_TIMEOUT_SECONDS * 3L));
            case GARBAGE -> List.<FakeReply>of(
                    FakeReply.raw(200, "application/json", "{\"choices\": [{\"message\": {\"content\": \"cut o"),
                    FakeReply.raw(200, "text/html", "<html><body>502 Bad Gateway</body></html>"),
                    FakeReply.raw(200, "application/json", "{\"id\":\"x\",\"object\":\"chat.completion\",\"choices\":[]}"))
                    .get(call % 3);
            case NONE -> ok;
        };
    }

    @Test
    @Order(7)
    void noProcessLoggedASecret() {
        SecretLogScan.secret("sk-faults-test-operator-key");
        SecretLogScan.secret("cd".repeat(32));
        tokens.forEach(SecretLogScan::secret);
        processes.forEach(p -> p.assertNoSecretsLogged(p == processes.get(0) ? "api" : "worker"));
    }

    @AfterAll
    void stopFleet() {
        processes.forEach(TzurotProcess::close);
        // Each process's whole output, for reading what happened to a message that did not end well.
        for (int i = 0; i < processes.size(); i++) {
            try {
                Files.writeString(Path.of("target", "faults-" + (i == 0 ? "api" : "worker") + ".log"), processes.get(i).output());
            } catch (java.io.IOException e) {
                System.out.println("could not write the process log: " + e.getMessage());
            }
        }
        if (database != null) {
            database.close();
        }
        if (model != null) {
            model.close();
        }
        if (postgres != null) {
            postgres.close();
        }
        if (redis != null) {
            redis.close();
        }
        if (!figures.isEmpty()) {
            StringBuilder table = new StringBuilder("| fault | submitted | delivered | failed with a message | lost | doubled |\n"
                    + "|---|---|---|---|---|---|\n");
            figures.forEach(f -> table.append("| ").append(f.fault()).append(" | ").append(f.submitted()).append(" | ")
                    .append(f.delivered()).append(" | ").append(f.failed()).append(" | ").append(f.lost()).append(" | ")
                    .append(f.doubled()).append(" |\n"));
            System.out.println("Fault suite figures:\n" + table);
            try {
                Files.writeString(Path.of("target", "fault-figures.md"), table);
            } catch (java.io.IOException e) {
                System.out.println("could not write target/fault-figures.md: " + e.getMessage());
            }
        }
    }

    /** Runs the load with {@code fault} happening on the side, and checks and records the counts. */
    private List<Result> underLoad(String run, String label, ThrowingAction fault) throws Exception {
        List<String> channels = load.channels(MESSAGES);
        CompletableFuture<Void> during = CompletableFuture.runAsync(() -> {
            try {
                Thread.sleep(SPACING.toMillis() * MESSAGES / 4);
                fault.run();
            } catch (Exception e) {
                throw new IllegalStateException(e);
            }
        });
        List<Result> results = load.run(run, channels, SPACING, BOUND);
        during.join();
        int doubled = database.jdbi().withHandle(h -> h.createQuery("SELECT count(*) FROM (SELECT channel_id FROM"
                + " conversation_history WHERE channel_id IN (<channels>) GROUP BY channel_id HAVING count(*) > 2) AS twice")
                .bindList("channels", channels).mapTo(Integer.class).one());
        Figures f = new Figures(label, results.size(), count(results, Ending.DELIVERED),
                count(results, Ending.FAILED_WITH_MESSAGE), count(results, Ending.LOST), doubled);
        figures.add(f);
        System.out.printf("%s: %s%n", label, f);
        results.stream().filter(r -> r.ending() != Ending.DELIVERED).forEach(r -> System.out.printf("  #%d %s: %s%n",
                r.number(), r.ending(), r.detail()));
        assertThat(results).as(label + ": lost replies").noneMatch(r -> r.ending() == Ending.LOST);
        assertThat(doubled).as(label + ": replies recorded twice").isZero();
        assertThat(f.delivered() + f.failed()).isEqualTo(MESSAGES);
        return results;
    }

    private static long count(List<Result> results, Ending ending) {
        return results.stream().filter(r -> r.ending() == ending).count();
    }

    @FunctionalInterface
    private interface ThrowingAction {
        void run() throws Exception;
    }

    @Test
    @Order(1)
    void redisRestartsUnderLoad() throws Exception {
        List<Result> results = underLoad("redis", "Redis killed and restarted (empty)", () -> {
            redis.kill();
            try {
                Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                        .until(() -> "degraded".equals(load.health()));
                Thread.sleep(2000);
            } finally {
                redis.startServer();
            }
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> "ok".equals(load.health()));
        });
        assertThat(count(results, Ending.DELIVERED)).as("replies after Redis came back").isPositive();
    }

    @Test
    @Order(2)
    void postgresRestartsUnderLoad() throws Exception {
        List<Result> results = underLoad("pg", "PostgreSQL stopped (immediate) and restarted", () -> {
            postgres.stopServer();
            try {
                Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(50))
                        .until(() -> "degraded".equals(load.health()));
                Thread.sleep(2000);
            } finally {
                postgres.startServer();
            }
            Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100))
                    .until(() -> "ok".equals(load.health()));
        });
        assertThat(count(results, Ending.DELIVERED)).as("replies after PostgreSQL came back").isPositive();
    }

    @Test
    @Order(3)
    void providerRateLimits() throws Exception {
        providerFails(ProviderFault.RATE_LIMIT, "ratelimit", "provider answers 429 (Retry-After 1 s)");
    }

    @Test
    @Order(4)
    void providerServerErrors() throws Exception {
        providerFails(ProviderFault.SERVER_ERROR, "servererror", "provider answers 500/502/503");
    }

    @Test
    @Order(5)
    void providerTimesOut() throws Exception {
        providerFails(ProviderFault.TIMEOUT, "timeout", "provider answers after the " + MODEL_TIMEOUT_SECONDS + " s timeout");
    }

    @Test
    @Order(6)
    void providerSendsGarbage() throws Exception {
        providerFails(ProviderFault.GARBAGE, "garbage", "provider sends garbage bodies (cut JSON, HTML, no choices)");
    }

    /** The fault hits every message's first call: retried, all but each fourth arrive; each fourth fails saying why. */
    private void providerFails(ProviderFault fault, String run, String label) throws Exception {
        providerFault = fault;
        try {
            List<Result> results = underLoad(run, label, () -> { });
            assertThat(results).allSatisfy(r -> assertThat(r.ending()).as("#%d: %s", r.number(), r.detail())
                    .isEqualTo(r.number() % 4 == 0 ? Ending.FAILED_WITH_MESSAGE : Ending.DELIVERED));
        } finally {
            providerFault = ProviderFault.NONE;
        }
        Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> "ok".equals(load.health()));
    }
}
