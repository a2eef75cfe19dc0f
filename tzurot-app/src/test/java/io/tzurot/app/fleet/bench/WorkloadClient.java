package io.tzurot.app.fleet.bench;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.concurrent.Executors;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicLong;
import java.util.concurrent.atomic.AtomicReference;

/**
 * The load generator's side of one reply through the {@code api} role: {@code POST /api/v1/chat}, then
 * {@code GET /api/v1/replies/{id}?wait=60} until it is done, as a client without SSE would; such a client says it does
 * not follow the text ({@code "stream": false}) unless told to ask for it. A 429 is waited out for its
 * {@code Retry-After} and sent again (counted), so a limited sender still gets its reply, late.
 */
final class WorkloadClient {

    private static final ObjectMapper JSON = new ObjectMapper();

    /** One reply's fate: nanoseconds from the first POST to the done answer, and whether it succeeded. */
    record Result(long nanos, boolean replied, String replyId) {
    }

    private final HttpClient http;
    private final String base;
    private final boolean followText;
    private final AtomicLong tooMany = new AtomicLong();
    private final AtomicReference<String> lastReplyId = new AtomicReference<>();

    WorkloadClient(String base, int threads, boolean followText) {
        this.base = base;
        this.followText = followText;
        this.http = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1)
                .executor(Executors.newFixedThreadPool(Math.max(2, threads / 4), r -> {
                    Thread t = new Thread(r, "bench-http");
                    t.setDaemon(true);
                    return t;
                })).connectTimeout(Duration.ofSeconds(10)).build();
    }

    /** How many 429 answers the senders waited out so far. */
    long tooManyRequests() {
        return tooMany.get();
    }

    Result reply(String token, String channelId, String message) throws IOException, InterruptedException {
        long started = System.nanoTime();
        ObjectNode body = JSON.createObjectNode().put("personality", WorkloadSeed.CHARACTER).put("message", message)
                .put("channelId", channelId)
                .put("stream", followText);
        String replyId;
        while (true) {
            HttpResponse<String> posted = http.send(request(token, "/api/v1/chat")
                    .POST(HttpRequest.BodyPublishers.ofString(body.toString()))
                    .header("Content-Type", "application/json").build(), HttpResponse.BodyHandlers.ofString());
            if (posted.statusCode() == 202) {
                replyId = JSON.readTree(posted.body()).path("replyId").asText();
                break;
            }
            if (posted.statusCode() != 429) {
                throw new IOException("POST /api/v1/chat answered " + posted.statusCode() + ": " + posted.body());
            }
            tooMany.incrementAndGet();
            long seconds = posted.headers().firstValueAsLong("Retry-After").orElse(1);
            Thread.sleep(Math.max(50, seconds * 1000));
        }
        while (true) {
            HttpResponse<String> polled = http.send(request(token, "/api/v1/replies/" + replyId + "?wait=60").GET()
                    .build(), HttpResponse.BodyHandlers.ofString());
            if (polled.statusCode() != 200) {
                throw new IOException("GET reply answered " + polled.statusCode() + ": " + polled.body());
            }
            JsonNode state = JSON.readTree(polled.body());
            String status = state.path("status").asText();
            if (!status.equals("pending")) {
                lastReplyId.set(replyId);
                return new Result(System.nanoTime() - started, status.equals("done"), replyId);
            }
        }
    }

    /** The id of the reply finished last, if any. */
    Optional<String> lastReplyId() {
        return Optional.ofNullable(lastReplyId.get());
    }

    /** The reply's diagnostic record, to check what the workload made the engine do (memories recalled). */
    JsonNode diagnostics(String token, String replyId) throws IOException, InterruptedException {
        HttpResponse<String> got = http.send(request(token, "/api/v1/diagnostics/" + replyId).GET().build(),
                HttpResponse.BodyHandlers.ofString());
        return JSON.readTree(got.body());
    }

    private HttpRequest.Builder request(String token, String path) {
        return HttpRequest.newBuilder(URI.create(base + path)).header("Authorization", "Bearer " + token)
                .timeout(Duration.ofSeconds(90));
    }
}
