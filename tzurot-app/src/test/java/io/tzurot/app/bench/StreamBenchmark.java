package io.tzurot.app.bench;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tzurot.app.config.ConfigSources;
import io.tzurot.app.config.TzurotConfig;
import io.tzurot.app.launch.Launcher;
import io.tzurot.app.launch.RunningTzurot;
import io.tzurot.core.access.AccessServices;
import io.tzurot.storage.access.JdbiAccessRepository;
import io.tzurot.testkit.model.FakeModelServer;
import io.tzurot.testkit.model.FakeReply;
import java.io.BufferedReader;
import java.io.ByteArrayOutputStream;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.PrintStream;
import java.lang.management.ManagementFactory;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.Arrays;
import java.util.HashMap;
import java.util.Map;

/**
 * Benchmark (not a test): chat → first streamed content. The whole product runs in this JVM (embedded profile,
 * every role but Discord: api → in-process queue → worker → engine → fake model) and one user sends messages one
 * after another; each is timed from sending {@code POST /api/v1/chat} to the first {@code delta} event of
 * {@code GET /api/v1/replies/{id}/events} (the client opens the stream as soon as it has the reply id, as the
 * console does), and to {@code done}. The fake model streams its reply in 12-character pieces; with a pace P its
 * first content piece leaves 2·P after the request (its own first-token time), with pace 0 at once, so the figure
 * is the product's own share. Also timed: from the moment the fake model is asked to the first delta at the client
 * (the streaming path alone: model client, post-processing, relay, SSE). Prints medians and p99 and a RESULT line.
 *
 * <p>Arguments: messages (default 300), warm-up messages (default 100), model pace in ms (default 0).
 */
public final class StreamBenchmark {

    private static final ObjectMapper JSON = new ObjectMapper();
    /** When the fake model was last asked (one message at a time, so it is this message's call). */
    private static final java.util.concurrent.atomic.AtomicLong asked = new java.util.concurrent.atomic.AtomicLong();
    private static final String REPLY = "The lighthouse keeper counted every ship twice, once for the harbour and "
            + "once for the sea, and wrote both numbers in a book that nobody else ever read.";

    private StreamBenchmark() {
    }

    public static void main(String[] args) throws Exception {
        int messages = args.length > 0 ? Integer.parseInt(args[0]) : 300;
        int warmUp = args.length > 1 ? Integer.parseInt(args[1]) : 100;
        int paceMs = args.length > 2 ? Integer.parseInt(args[2]) : 0;
        Path dir = Files.createTempDirectory("tzurot-stream-bench");
        try (FakeModelServer model = FakeModelServer.start()) {
            model.respondWith(r -> {
                asked.set(System.nanoTime()); // the model starts answering now
                return FakeReply.text(REPLY);
            });
            model.streamPace(Duration.ofMillis(paceMs));
            Map<String, String> env = new HashMap<>();
            env.put("TZUROT_DATA_DIR", dir.resolve("data").toString());
            env.put("TZUROT_HTTP_PORT", "0");
            env.put("TZUROT_LLM_BASE_URL", model.baseUrl());
            env.put("TZUROT_LLM_API_KEY", "sk-stream-bench");
            env.put("BOT_OWNER_ID", "900000000000000009");
            TzurotConfig config = TzurotConfig.from(ConfigSources.load(env, dir));
            try (RunningTzurot running = new Launcher(new PrintStream(new ByteArrayOutputStream(), true,
                    StandardCharsets.UTF_8)).start(config)) {
                String base = "http://127.0.0.1:" + running.httpPort().orElseThrow();
                String token = AccessServices.create(new JdbiAccessRepository(running.database().jdbi()),
                        Clock.systemUTC(), "900000000000000009").issuing()
                        .issueForDiscordUser("200000000000000031", false, "bench").secret();
                HttpClient http = HttpClient.newHttpClient();
                post(http, base + "/api/v1/personalities", token, "{\"name\":\"Keeper\",\"slug\":\"keeper\","
                        + "\"characterInfo\":\"Keeps a lighthouse.\",\"personalityTraits\":\"patient\"}");
                for (int i = 0; i < warmUp; i++) {
                    once(http, base, token, i);
                }
                long[] first = new long[messages];
                long[] done = new long[messages];
                long[] fromModel = new long[messages];
                for (int i = 0; i < messages; i++) {
                    long[] t = once(http, base, token, warmUp + i);
                    first[i] = t[0];
                    done[i] = t[1];
                    fromModel[i] = t[2];
                }
                Arrays.sort(first);
                Arrays.sort(done);
                Arrays.sort(fromModel);
                double load = ManagementFactory.getOperatingSystemMXBean().getSystemLoadAverage();
                System.out.printf("chat -> first streamed content: median %.1f ms, p99 %.1f ms (model pace %d ms: its "
                                + "first token after %d ms)%n", Percentiles.ms(first, 0.5), Percentiles.ms(first, 0.99),
                        paceMs, 2 * paceMs);
                System.out.printf("model asked -> first streamed content at the client: median %.1f ms, p99 %.1f ms "
                                + "(the streaming path's own share, with the model's first-token time)%n",
                        Percentiles.ms(fromModel, 0.5), Percentiles.ms(fromModel, 0.99));
                System.out.printf("chat -> done:                   median %.1f ms, p99 %.1f ms%n",
                        Percentiles.ms(done, 0.5), Percentiles.ms(done, 0.99));
                System.out.printf("%d messages after %d warm-up, %d cores, load average %.2f%n", messages, warmUp,
                        Runtime.getRuntime().availableProcessors(), load);
                System.out.printf("RESULT stream first_p50_ms=%.1f first_p99_ms=%.1f model_to_first_p50_ms=%.1f "
                                + "model_to_first_p99_ms=%.1f done_p50_ms=%.1f done_p99_ms=%.1f pace_ms=%d load=%.2f%n",
                        Percentiles.ms(first, 0.5), Percentiles.ms(first, 0.99), Percentiles.ms(fromModel, 0.5),
                        Percentiles.ms(fromModel, 0.99), Percentiles.ms(done, 0.5), Percentiles.ms(done, 0.99), paceMs, load);
            }
        }
    }

    /** One message: nanoseconds to the first delta and to done, and from the model call to the first delta. */
    private static long[] once(HttpClient http, String base, String token, int n) throws Exception {
        long start = System.nanoTime();
        String started = post(http, base + "/api/v1/chat", token,
                "{\"personality\":\"keeper\",\"message\":\"How many ships passed today, keeper? (" + n + ")\"}");
        String replyId = JSON.readTree(started).get("replyId").asText();
        HttpResponse<InputStream> events = http.send(HttpRequest.newBuilder(URI.create(base + "/api/v1/replies/"
                        + replyId + "/events")).header("Authorization", "Bearer " + token)
                .header("Accept", "text/event-stream").build(), HttpResponse.BodyHandlers.ofInputStream());
        long first = -1;
        long fromModel = -1;
        try (BufferedReader in = new BufferedReader(new InputStreamReader(events.body(), StandardCharsets.UTF_8))) {
            for (String line = in.readLine(); line != null; line = in.readLine()) {
                if (line.equals("event: delta") && first < 0) {
                    long now = System.nanoTime();
                    first = now - start;
                    fromModel = now - asked.get();
                } else if (line.equals("event: done") || line.equals("event: failed")) {
                    long done = System.nanoTime() - start;
                    if (line.equals("event: failed")) {
                        throw new IllegalStateException("reply " + replyId + " failed");
                    }
                    if (first < 0) {
                        throw new IllegalStateException("reply " + replyId + " was done without a streamed delta");
                    }
                    return new long[] {first, done, fromModel};
                }
            }
        }
        throw new IllegalStateException("the stream of " + replyId + " ended without done");
    }

    private static String post(HttpClient http, String url, String token, String json) throws Exception {
        HttpResponse<String> r = http.send(HttpRequest.newBuilder(URI.create(url)).header("Authorization", "Bearer " + token)
                .header("Content-Type", "application/json").POST(HttpRequest.BodyPublishers.ofString(json)).build(),
                HttpResponse.BodyHandlers.ofString());
        if (r.statusCode() / 100 != 2) {
            throw new IllegalStateException(url + " answered " + r.statusCode() + ": " + r.body());
        }
        return r.body();
    }
}
