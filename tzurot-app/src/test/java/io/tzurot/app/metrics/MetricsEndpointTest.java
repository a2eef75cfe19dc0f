package io.tzurot.app.metrics;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.app.config.ConfigSources;
import io.tzurot.app.config.TzurotConfig;
import io.tzurot.app.launch.Launcher;
import io.tzurot.app.launch.RunningTzurot;
import io.tzurot.app.wiring.Repositories;
import io.tzurot.core.personality.PersonalityDraft;
import io.tzurot.core.reply.Platform;
import io.tzurot.core.reply.ReplyOutcome;
import io.tzurot.core.reply.ReplyRequest;
import io.tzurot.core.reply.Speaker;
import io.tzurot.core.user.DiscordUserProfile;
import io.tzurot.core.user.User;
import io.tzurot.testkit.model.FakeModelServer;
import io.tzurot.testkit.model.FakeReply;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Instant;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** {@code GET /metrics} on the api role's HTTP port, after real chats through the whole embedded process. */
class MetricsEndpointTest {

    @TempDir
    Path dir;

    private final FakeModelServer model = FakeModelServer.start();
    private final Launcher launcher = new Launcher(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8));

    @AfterEach
    void stopModel() {
        model.close();
    }

    @Test
    void servesTheNamedMetricsWithValuesAfterAChat() throws Exception {
        TzurotConfig config = TzurotConfig.from(ConfigSources.load(Map.of("TZUROT_DATA_DIR", dir.resolve("data").toString(),
                "TZUROT_HTTP_PORT", "0", "TZUROT_LLM_BASE_URL", model.baseUrl(), "TZUROT_LLM_API_KEY", "sk-test",
                "TZUROT_WORKER_SLOTS", "1"), dir));
        try (RunningTzurot running = launcher.start(config)) {
            createAda(running);
            model.respondWith(request -> FakeReply.text("Hello from the stacks.").withUsage(120, 7));
            model.holdReplies();
            // one worker slot: the first chat waits at the model, the second waits in the queue
            CompletableFuture<ReplyOutcome> first = running.replies().orElseThrow().reply(hello("metrics-1"));
            Awaitility.await().until(() -> model.inFlight() == 1);
            CompletableFuture<ReplyOutcome> second = running.replies().orElseThrow().reply(hello("metrics-2"));
            String whileQueued = scrape(running.httpPort().orElseThrow());
            Awaitility.await().until(() -> value(scrape(running.httpPort().orElseThrow()), "tzurot_queue_pending", "") == 1.0);
            model.releaseReplies();

            assertThat(first.join()).isInstanceOf(ReplyOutcome.Replied.class);
            assertThat(second.join()).isInstanceOf(ReplyOutcome.Replied.class);
            HttpResponse<String> response = get(running.httpPort().orElseThrow(), "/metrics");

            assertThat(response.statusCode()).isEqualTo(200);
            assertThat(response.headers().firstValue("Content-Type").orElseThrow()).startsWith("text/plain");
            String text = response.body();
            assertThat(whileQueued).contains("tzurot_queue_pending{");
            assertThat(value(text, "tzurot_replies_total", "outcome=\"replied\"")).isEqualTo(2.0);
            assertThat(value(text, "tzurot_replies_total", "outcome=\"model_error\"")).isZero();
            for (String stage : new String[]{"resolve", "memory", "prompt", "model", "postprocess", "record"}) {
                assertThat(value(text, "tzurot_reply_stage_seconds_count", "stage=\"" + stage + "\"")).as(stage).isGreaterThan(0);
            }
            assertThat(value(text, "tzurot_model_requests_total", "status=\"ok\"")).isEqualTo(2.0);
            assertThat(value(text, "tzurot_model_tokens_total", "kind=\"prompt\"")).isEqualTo(240.0);
            assertThat(value(text, "tzurot_model_tokens_total", "kind=\"completion\"")).isEqualTo(14.0);
            // a job is acknowledged just after its outcome is published, and the counts are read at most once a second
            Awaitility.await().until(() -> value(scrape(running.httpPort().orElseThrow()), "tzurot_queue_completed_total", "") == 2.0);
            assertThat(value(text, "tzurot_queue_lag_seconds_count", "")).isEqualTo(2.0);
            assertThat(value(text, "cache_gets_total", "cache=\"personality\",result=\"hit\"")
                    + value(text, "cache_gets_total", "cache=\"personality\",result=\"miss\"")).isGreaterThan(0);
            assertThat(value(text, "jvm_memory_used_bytes", "area=\"heap\"")).isGreaterThan(0);
            assertThat(text).contains("process_cpu_usage", "jvm_threads_live_threads", "role=\"discord,api,worker\"")
                    .doesNotContain("metrics-1", "100000000000000001");
            // the exchange is stored as a memory in the background: its embedding is counted when that is done
            int port = running.httpPort().orElseThrow();
            Awaitility.await().atMost(java.time.Duration.ofSeconds(90))
                    .until(() -> value(scrape(port), "tzurot_embedding_seconds_count", "") > 0);
            // every series the shipped Grafana dashboard queries exists (the Discord ones need a gateway; GC pauses
            // appear with the first collection, which this short test may not have had)
            String dashboard = java.nio.file.Files.readString(Path.of("..", "docs", "grafana", "tzurot-dashboard.json"));
            java.util.regex.Matcher names = java.util.regex.Pattern.compile("\\b(tzurot_[a-z_]+|cache_[a-z_]+|jvm_[a-z_]+|process_[a-z_]+)")
                    .matcher(dashboard);
            int checked = 0;
            while (names.find()) {
                if (!names.group(1).startsWith("tzurot_discord_") && !names.group(1).startsWith("jvm_gc_pause")) {
                    assertThat(text).as("dashboard series " + names.group(1)).contains(names.group(1) + "{");
                    checked++;
                }
            }
            assertThat(checked).isGreaterThan(20);
        }
    }

    private static void createAda(RunningTzurot running) {
        Repositories repos = Repositories.of(running.database(), Clock.systemUTC());
        User owner = repos.users().getOrCreate(new DiscordUserProfile("900000000000000001", "owner", null, null, false), false);
        repos.personalities().create(owner.id(), PersonalityDraft.of("Ada", "ada", "Ada is a librarian.", "patient")
                .withPublic(true));
    }

    static ReplyRequest hello(String id) {
        return ReplyRequest.text(id, Platform.CLI, new Speaker("100000000000000001", null, null), "ada", "cli", "Hello!",
                Instant.now());
    }

    static HttpResponse<String> get(int port, String path) throws Exception {
        return HttpClient.newHttpClient().send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + port + path)).build(),
                HttpResponse.BodyHandlers.ofString());
    }

    static String scrape(int port) throws Exception {
        return get(port, "/metrics").body();
    }

    /** The sum of the samples of {@code name} whose labels contain {@code labels} (0 when none). */
    static double value(String text, String name, String labels) {
        double sum = 0;
        for (String line : text.split("\n")) {
            if (line.startsWith(name + "{") && line.substring(0, line.indexOf('}')).contains(labels)) {
                sum += Double.parseDouble(line.substring(line.lastIndexOf(' ') + 1));
            }
        }
        return sum;
    }
}
