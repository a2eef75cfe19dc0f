package io.tzurot.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tzurot.app.TzurotMain;
import io.tzurot.app.fleet.ReplyJobCodec;
import io.tzurot.app.fleet.ReplyQueues;
import io.tzurot.app.fleet.ReplyWorker;
import io.tzurot.core.messaging.JobRequest;
import io.tzurot.core.reply.ReplyService;
import io.tzurot.messaging.Messaging;
import io.tzurot.testkit.ServiceTargets;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.Map;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code tzurot jobs} against a queue on Redis (a fresh key prefix per test). */
class JobsCommandTest {

    @TempDir
    Path dir;

    private final ByteArrayOutputStream out = new ByteArrayOutputStream();
    private final ByteArrayOutputStream err = new ByteArrayOutputStream();
    private final String prefix = "tzjobs" + UUID.randomUUID().toString().substring(0, 8);
    private Messaging messaging;

    @BeforeEach
    void connect() {
        messaging = Messaging.redis(ServiceTargets.redisUrl(), prefix);
    }

    @AfterEach
    void disconnect() {
        if (messaging == null) {
            return;
        }
        messaging.redisConnection().ifPresent(redis -> {
            var keys = redis.commands().keys(prefix + ":*");
            if (!keys.isEmpty()) {
                redis.commands().del(keys.toArray(String[]::new));
            }
        });
        messaging.close();
    }

    private int run(String... args) {
        out.reset();
        err.reset();
        Map<String, String> env = Map.of("TZUROT_REDIS_URL", ServiceTargets.redisUrl(), "TZUROT_REDIS_PREFIX", prefix,
                "TZUROT_DATA_DIR", dir.toString());
        return TzurotMain.run(new CliContext(env, dir, new PrintStream(out, true, StandardCharsets.UTF_8),
                new PrintStream(err, true, StandardCharsets.UTF_8)), args);
    }

    private JsonNode stats() throws Exception {
        assertThat(run("jobs", "stats")).isZero();
        String text = out.toString(StandardCharsets.UTF_8).strip();
        assertThat(text).doesNotContain("\n");
        return new ObjectMapper().readTree(text);
    }

    @Test
    void statsDeadLettersAndRetry() throws Exception {
        ReplyService never = request -> CompletableFuture.failedFuture(new AssertionError("no reply job in this test"));
        try (ReplyWorker worker = ReplyWorker.start(ReplyQueues.queue(messaging), ReplyQueues.results(messaging), never,
                "w1", 1)) {
            ReplyQueues.queue(messaging).submit(new JobRequest("job-1", "no-such-kind", "{}"));
            Awaitility.await().until(() -> ReplyQueues.queue(messaging).stats().deadLetters() == 1);
        }

        JsonNode stats = stats();
        assertThat(stats.get("pending").asLong()).isZero();
        assertThat(stats.get("inFlight").asLong()).isZero();
        assertThat(stats.get("completed").asLong()).isZero();
        assertThat(stats.get("failed").asLong()).isEqualTo(1);
        assertThat(stats.get("deadLetters").asLong()).isEqualTo(1);

        assertThat(run("jobs", "dead-letters", "--limit", "5")).isZero();
        JsonNode dead = new ObjectMapper().readTree(out.toString(StandardCharsets.UTF_8).strip());
        assertThat(dead.get("id").asText()).isEqualTo("job-1");
        assertThat(dead.get("type").asText()).isEqualTo("no-such-kind");
        assertThat(dead.get("error").asText()).isEqualTo("no handler for job type 'no-such-kind'");
        assertThat(dead.get("attempts").asInt()).isEqualTo(1);

        assertThat(run("jobs", "retry", "nope")).isEqualTo(1);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("no dead letter with id nope on queue replies");

        assertThat(run("jobs", "retry", "job-1")).isZero();
        assertThat(out.toString(StandardCharsets.UTF_8)).contains("re-queued job-1");
        stats = stats();
        assertThat(stats.get("pending").asLong()).isEqualTo(1);
        assertThat(stats.get("deadLetters").asLong()).isZero();
    }

    @Test
    void invalidArgumentsAndTheEmbeddedProfileAreRefused() {
        assertThat(run("jobs", "dead-letters", "--limit", "0")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--limit must be between 1 and 10000");
        assertThat(run("jobs", "--queue", "bad name", "stats")).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("--queue queue name may only use");

        out.reset();
        err.reset();
        int code = TzurotMain.run(new CliContext(Map.of("TZUROT_DATA_DIR", dir.toString()), dir,
                new PrintStream(out, true, StandardCharsets.UTF_8), new PrintStream(err, true, StandardCharsets.UTF_8)),
                "jobs", "stats");
        assertThat(code).isEqualTo(2);
        assertThat(err.toString(StandardCharsets.UTF_8)).contains("tzurot jobs needs TZUROT_REDIS_URL");
    }

    @Test
    void deadLetterListingOmitsPayloadsButCountsThem() throws Exception {
        String payload = "{\"secret\":\"user text\"}";
        ReplyService never = request -> CompletableFuture.failedFuture(new AssertionError("no reply job in this test"));
        try (ReplyWorker worker = ReplyWorker.start(ReplyQueues.queue(messaging), ReplyQueues.results(messaging), never,
                "w1", 1)) {
            ReplyQueues.queue(messaging).submit(new JobRequest("job-2", ReplyJobCodec.JOB_TYPE, payload));
            Awaitility.await().until(() -> ReplyQueues.queue(messaging).stats().deadLetters() == 1);
        }
        assertThat(run("jobs", "dead-letters")).isZero();
        String line = out.toString(StandardCharsets.UTF_8).strip();
        assertThat(line).doesNotContain("user text");
        assertThat(new ObjectMapper().readTree(line).get("payloadChars").asInt()).isEqualTo(payload.length());
    }
}
