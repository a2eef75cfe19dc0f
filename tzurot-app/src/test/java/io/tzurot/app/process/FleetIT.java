package io.tzurot.app.process;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tzurot.app.fleet.QueuedReplyService;
import io.tzurot.app.fleet.ReplyJobCodec;
import io.tzurot.app.fleet.ReplyQueues;
import io.tzurot.app.wiring.Repositories;
import io.tzurot.core.messaging.JobRequest;
import io.tzurot.core.messaging.Subscription;
import io.tzurot.core.persona.Persona;
import io.tzurot.core.persona.PersonaDraft;
import io.tzurot.core.personality.PersonalityDraft;
import io.tzurot.core.reply.Platform;
import io.tzurot.core.reply.ReplyOutcome;
import io.tzurot.core.reply.ReplyRequest;
import io.tzurot.core.reply.Speaker;
import io.tzurot.core.user.DiscordUserProfile;
import io.tzurot.core.user.User;
import io.tzurot.messaging.Messaging;
import io.tzurot.storage.db.Database;
import io.tzurot.storage.db.DatabaseSettings;
import io.tzurot.testkit.ServiceTargets;
import io.tzurot.testkit.model.FakeModelServer;
import io.tzurot.testkit.model.FakeReply;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.Statement;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The fleet as separate JVMs of the packaged jar on PostgreSQL + Redis: one api process and two workers; one worker
 * is killed with SIGKILL mid-run and every reply still arrives exactly once.
 */
class FleetIT {

    private static final int JOBS = 200;
    private static final String USER = "100000000000000001";

    @TempDir
    Path dir;

    private final FakeModelServer model = FakeModelServer.start();
    private final String prefix = "tzfleet" + UUID.randomUUID().toString().substring(0, 8);
    private final List<TzurotProcess> processes = new ArrayList<>();
    private DatabaseSettings server;
    private String databaseName;
    private Database database;
    private Messaging messaging;

    @BeforeEach
    void services() throws Exception {
        server = DatabaseSettings.fromUrl(ServiceTargets.postgresUrl());
        databaseName = "tz_fleet_it_" + UUID.randomUUID().toString().replace("-", "").substring(0, 12);
        sql("CREATE DATABASE " + databaseName);
        database = Database.open(DatabaseSettings.fromUrl(databaseUrl()));
        messaging = Messaging.redis(ServiceTargets.redisUrl(), prefix);
        // Answers after a short delay so that jobs are in flight when a worker dies.
        model.respondWith(request -> FakeReply.text("reply to " + request.lastUserText()).after(Duration.ofMillis(150)));
    }

    @AfterEach
    void cleanUp() throws Exception {
        io.tzurot.testkit.logs.SecretLogScan.secret("sk-fleet-test-operator-key");
        io.tzurot.testkit.logs.SecretLogScan.secret("ab".repeat(32));
        try {
            processes.forEach(p -> p.assertNoSecretsLogged("fleet"));
        } finally {
            cleanUpServices();
        }
    }

    private void cleanUpServices() throws Exception {
        processes.forEach(TzurotProcess::close);
        if (messaging != null) {
            messaging.redisConnection().ifPresent(redis -> {
                List<String> keys = redis.commands().keys(prefix + ":*");
                if (!keys.isEmpty()) {
                    redis.commands().del(keys.toArray(String[]::new));
                }
            });
            messaging.close();
        }
        if (database != null) {
            database.close();
        }
        model.close();
        if (databaseName != null) { // null when PostgreSQL is not configured and the test was skipped
            sql("DROP DATABASE IF EXISTS " + databaseName + " WITH (FORCE)");
        }
    }

    private String databaseUrl() {
        return server.jdbcUrl().replaceFirst("/[^/?]+(\\?|$)", "/" + databaseName + "$1");
    }

    private void sql(String statement) throws Exception {
        try (Connection c = DriverManager.getConnection(server.jdbcUrl(), server.username(), server.password());
             Statement s = c.createStatement()) {
            s.execute(statement);
        }
    }

    private Map<String, String> env(String name) {
        Map<String, String> env = new HashMap<>();
        env.put("TZUROT_DATABASE_URL", databaseUrl());
        env.put("TZUROT_REDIS_URL", ServiceTargets.redisUrl());
        env.put("TZUROT_REDIS_PREFIX", prefix);
        env.put("TZUROT_DATA_DIR", dir.resolve(name).toString());
        env.put("TZUROT_HTTP_PORT", "0");
        env.put("TZUROT_LLM_BASE_URL", model.baseUrl());
        env.put("TZUROT_LLM_API_KEY", "sk-fleet-test-operator-key");
        env.put("TZUROT_ENCRYPTION_KEY", "ab".repeat(32));
        env.put("TZUROT_WORKER_SLOTS", "16");
        return env;
    }

    private TzurotProcess start(String name, String roles) throws Exception {
        TzurotProcess process = TzurotProcess.start(env(name), "start", "--roles", roles);
        processes.add(process);
        process.awaitLine("Started in", Duration.ofMinutes(2));
        assertThat(process.output()).as(name).contains("Started in");
        return process;
    }

    private int count(String query) {
        return database.jdbi().withHandle(h -> h.createQuery(query).mapTo(Integer.class).one());
    }

    private static ReplyRequest request(String id, String channel, String text) {
        return ReplyRequest.text(id, Platform.DISCORD, new Speaker(USER, "alice", null), "ada", channel, text, Instant.now());
    }

    @Test
    void twoHundredRepliesArriveExactlyOnceThoughAWorkerIsKilled() throws Exception {
        // Cached like every process's repositories: its writes are announced to the fleet on Redis.
        Repositories repos = Repositories.of(database, Clock.systemUTC(), messaging);
        User owner = repos.users().getOrCreate(new DiscordUserProfile("900000000000000001", "owner", null, null, false), false);
        repos.personalities().create(owner.id(), PersonalityDraft.of("Ada", "ada", "Ada is a thoughtful librarian.",
                "patient").withPublic(true));
        repos.users().getOrCreate(new DiscordUserProfile(USER, "alice", null, null, false), false);
        start("api", "api");
        TzurotProcess doomed = start("worker-1", "worker");
        TzurotProcess survivor = start("worker-2", "worker");
        assertThat(survivor.output()).contains("worker     16 slots on queue replies");

        Map<String, AtomicInteger> seen = new ConcurrentHashMap<>();
        Subscription observer = ReplyQueues.results(messaging).consume("it-observer", "o1",
                message -> seen.computeIfAbsent(message.id(), id -> new AtomicInteger()).incrementAndGet());
        List<CompletableFuture<ReplyOutcome>> outcomes = new ArrayList<>();
        try (QueuedReplyService client = new QueuedReplyService(messaging, "test", Duration.ofMinutes(5))) {
            for (int i = 0; i < JOBS; i++) {
                outcomes.add(client.reply(request("it-" + i, String.format("7%019d", i), "message number " + i)));
            }
            Awaitility.await().atMost(Duration.ofMinutes(2)).until(() -> seen.size() >= 30);
            doomed.kill();

            for (int i = 0; i < JOBS; i++) {
                ReplyOutcome outcome = outcomes.get(i).get(5, java.util.concurrent.TimeUnit.MINUTES);
                assertThat(outcome).as("reply " + i).isInstanceOf(ReplyOutcome.Replied.class);
                assertThat(outcome.requestId()).isEqualTo("it-" + i);
                assertThat(((ReplyOutcome.Replied) outcome).content()).startsWith("reply to ")
                        .endsWith("\nmessage number " + i);
            }
        }
        Awaitility.await().atMost(Duration.ofMinutes(1)).until(() -> seen.size() == JOBS);
        Awaitility.await().atMost(Duration.ofMinutes(1)).until(() ->
                ReplyQueues.queue(messaging).stats().pending() == 0 && ReplyQueues.queue(messaging).stats().inFlight() == 0);
        observer.close();
        assertThat(seen).allSatisfy((id, n) -> assertThat(n.get()).as(id).isEqualTo(1));
        assertThat(count("SELECT count(DISTINCT channel_id) FROM conversation_history")).isEqualTo(JOBS);
        assertThat(count("SELECT count(*) FROM (SELECT channel_id FROM conversation_history GROUP BY channel_id"
                + " HAVING count(*) <> 2) AS odd")).isZero();

        // A job no handler can run is dead-lettered, and the operator sees it.
        ReplyQueues.queue(messaging).submit(new JobRequest("it-poison", ReplyJobCodec.JOB_TYPE, "not json"));
        Awaitility.await().atMost(Duration.ofMinutes(1)).until(() -> ReplyQueues.queue(messaging).stats().deadLetters() == 1);
        TzurotProcess stats = TzurotProcess.start(env("cli"), "jobs", "stats");
        processes.add(stats);
        assertThat(stats.awaitExit(Duration.ofMinutes(1))).as(stats.output()).isZero();
        JsonNode json = new ObjectMapper().readTree(stats.output().lines().filter(l -> l.startsWith("{")).findFirst()
                .orElseThrow(() -> new AssertionError("no JSON in: " + stats.output())));
        assertThat(json.get("deadLetters").asLong()).isEqualTo(1);
        assertThat(json.get("completed").asLong()).isGreaterThanOrEqualTo(JOBS);
        assertThat(json.get("pending").asLong()).isZero();
        assertThat(json.get("inFlight").asLong()).isZero();
        assertThat(json.has("failed")).isTrue();

        // The worker reads personas from its cache: an edit behind the caches' back (plain SQL) is not seen ...
        User speaker = repos.users().findByDiscordId(USER).orElseThrow();
        Persona persona = repos.personas().findById(speaker.defaultPersonaId()).orElseThrow();
        Repositories.of(database, Clock.systemUTC()).personas().update(speaker.id(), persona.id(), new PersonaDraft(
                persona.name(), null, "Alice is a retired astronaut.", "Alice", null, false));
        assertThat(promptOf("it-behind-cache", "What did I do before?")).doesNotContain("retired astronaut");
        // ... while an edit made here through the (announcing) repositories is in the very next prompt a worker
        // process builds, with no TTL waited out.
        repos.personas().update(speaker.id(), persona.id(), new PersonaDraft(persona.name(), null,
                "Alice is a marine biologist who studies octopuses.", "Alice", null, false));
        String prompt = promptOf("it-after-edit", "Guess my job?");
        assertThat(prompt).contains("marine biologist who studies octopuses");
    }

    /** Sends one message through the queue and returns the body of the prompt the model received for it. */
    private String promptOf(String requestId, String text) {
        try (QueuedReplyService client = new QueuedReplyService(messaging, "test", Duration.ofMinutes(2))) {
            ReplyOutcome outcome = client.reply(request(requestId, "7999999999999999999", text)).join();
            assertThat(outcome).as(requestId).isInstanceOf(ReplyOutcome.Replied.class);
        }
        return model.requests().stream().filter(r -> r.lastUserText().contains(text)).map(r -> r.body().toString())
                .reduce((first, second) -> second).orElseThrow();
    }

    @Test
    void sigtermStopsAWorkerThatFinishesWhatItHoldsTakesNothingMoreAndExitsZero() throws Exception {
        Repositories repos = Repositories.of(database, Clock.systemUTC(), messaging);
        User owner = repos.users().getOrCreate(new DiscordUserProfile("900000000000000001", "owner", null, null, false), false);
        repos.personalities().create(owner.id(), PersonalityDraft.of("Ada", "ada", "Ada is a thoughtful librarian.",
                "patient").withPublic(true));
        model.respondWith(request -> FakeReply.text("reply to " + request.lastUserText()).after(Duration.ofSeconds(3)));
        TzurotProcess worker = start("worker-1", "worker");
        int jobs = 20;
        List<CompletableFuture<ReplyOutcome>> outcomes = new ArrayList<>();
        try (QueuedReplyService client = new QueuedReplyService(messaging, "test", Duration.ofMinutes(5))) {
            for (int i = 0; i < jobs; i++) {
                outcomes.add(client.reply(request("term-" + i, String.format("6%019d", i), "message number " + i)));
            }
            Awaitility.await().atMost(Duration.ofMinutes(1)).until(() -> ReplyQueues.queue(messaging).stats().inFlight() == 16);

            long signalled = System.nanoTime();
            int code = worker.stop(Duration.ofSeconds(60));
            System.out.printf("worker stopped %d ms after SIGTERM with %d; output:%n%s%n",
                    (System.nanoTime() - signalled) / 1_000_000, code, worker.output());
            assertThat(code).as("exit code; output:\n%s", worker.output()).isZero();
            assertThat(worker.output()).contains("received SIGTERM: stopping", "worker stopping: 16 jobs in flight",
                    "worker stopped (all held jobs finished)");
            // The held jobs were finished (their outcomes published) before the exit; the last may still be on its way here.
            Awaitility.await().atMost(Duration.ofSeconds(30)).until(() -> outcomes.stream()
                    .filter(f -> f.isDone() && f.join() instanceof ReplyOutcome.Replied).count() == 16);
            assertThat(ReplyQueues.queue(messaging).stats().pending()).as("the rest were never taken").isEqualTo(jobs - 16);
            assertThat(ReplyQueues.queue(messaging).stats().inFlight()).isZero();

            start("worker-2", "worker");
            for (int i = 0; i < jobs; i++) {
                assertThat(outcomes.get(i).get(2, java.util.concurrent.TimeUnit.MINUTES)).as("reply " + i)
                        .isInstanceOf(ReplyOutcome.Replied.class);
            }
        }
        assertThat(count("SELECT count(*) FROM conversation_history")).isEqualTo(2 * jobs);
    }
}
