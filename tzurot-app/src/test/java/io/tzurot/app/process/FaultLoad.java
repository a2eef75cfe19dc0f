package io.tzurot.app.process;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;

/**
 * A steady load on one api process, as users see it: each message is {@code POST /api/v1/chat} (in a channel of its
 * own, so its history rows can be counted), then its reply is long-polled until it is done or failed. A message is
 * <em>delivered</em> when its reply is done with the expected content, <em>failed with a message</em> when the
 * submission was refused or the reply failed and either way said why, and <em>lost</em> when neither happened
 * within the bound (or an answer came without a message, or with someone else's content).
 */
final class FaultLoad {

    /** How one message ended for its sender. */
    enum Ending { DELIVERED, FAILED_WITH_MESSAGE, LOST }

    /** One message's ending and what the sender was told. */
    record Result(int number, Ending ending, String detail) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private final int apiPort;
    private final List<String> tokens;

    FaultLoad(int apiPort, List<String> tokens) {
        this.apiPort = apiPort;
        this.tokens = List.copyOf(tokens);
    }

    /**
     * A web channel of its sender's for each of {@code messages} messages (made before the load, so that each message's
     * history rows can be counted on their own).
     */
    List<String> channels(int messages) throws IOException, InterruptedException {
        List<String> ids = new ArrayList<>();
        for (int i = 0; i < messages; i++) {
            HttpResponse<String> made = http.send(request("/api/v1/channels", tokens.get(i % tokens.size()))
                    .POST(HttpRequest.BodyPublishers.noBody()).build(), HttpResponse.BodyHandlers.ofString());
            if (made.statusCode() != 201) {
                throw new IllegalStateException("POST /api/v1/channels answered " + made.statusCode() + ": " + made.body());
            }
            ids.add(JSON.readTree(made.body()).get("id").asText());
        }
        return ids;
    }

    /** The text of message {@code number} of a run; the fake model echoes it back. */
    static String text(String run, int number) {
        return "msg-" + run + "-" + number;
    }

    /**
     * Sends {@code messages} messages, one every {@code spacing}, spreading them over the users; {@code bound} is
     * how long after the last submission a reply may still arrive. Returns every message's result, in order.
     */
    List<Result> run(String run, List<String> channels, Duration spacing, Duration bound) throws InterruptedException {
        int messages = channels.size();
        ExecutorService senders = Executors.newFixedThreadPool(Math.min(messages, 96));
        try {
            List<Future<Result>> futures = new ArrayList<>();
            long next = System.nanoTime();
            for (int i = 0; i < messages; i++) {
                long wait = next - System.nanoTime();
                if (wait > 0) {
                    TimeUnit.NANOSECONDS.sleep(wait);
                }
                next += spacing.toNanos();
                int number = i;
                long deadline = System.nanoTime() + spacing.multipliedBy(messages - i).plus(bound).toNanos();
                futures.add(senders.submit(() -> send(run, number, channels.get(number), tokens.get(number % tokens.size()),
                        deadline)));
            }
            List<Result> results = new ArrayList<>();
            for (Future<Result> future : futures) {
                try {
                    results.add(future.get());
                } catch (java.util.concurrent.ExecutionException e) {
                    results.add(new Result(results.size(), Ending.LOST, "sender crashed: " + e.getCause()));
                }
            }
            return results;
        } finally {
            senders.shutdownNow();
        }
    }

    private Result send(String run, int number, String channel, String token, long deadline) throws InterruptedException {
        String body = "{\"personality\":\"ada\",\"message\":\"" + text(run, number) + "\",\"channelId\":\""
                + channel + "\"}";
        String replyId = null;
        while (replyId == null) {
            try {
                HttpResponse<String> response = http.send(request("/api/v1/chat", token)
                        .POST(HttpRequest.BodyPublishers.ofString(body)).header("Content-Type", "application/json").build(),
                        HttpResponse.BodyHandlers.ofString());
                JsonNode json = JSON.readTree(response.body());
                if (response.statusCode() == 202) {
                    replyId = json.get("replyId").asText();
                } else if (response.statusCode() == 429 && System.nanoTime() < deadline) {
                    Thread.sleep(200); // this sender's other replies are still on their way: a person would wait too
                } else {
                    return refusal(number, response.statusCode(), json);
                }
            } catch (IOException e) {
                return new Result(number, Ending.LOST, "submission failed without an answer: " + e);
            }
        }
        while (true) {
            long left = TimeUnit.NANOSECONDS.toSeconds(deadline - System.nanoTime());
            if (left <= 0) {
                return new Result(number, Ending.LOST, "reply " + replyId + " still pending at the bound");
            }
            try {
                HttpResponse<String> response = http.send(request("/api/v1/replies/" + replyId + "?wait="
                        + Math.min(20, left), token).GET().build(), HttpResponse.BodyHandlers.ofString());
                if (response.statusCode() != 200) {
                    Thread.sleep(200); // e.g. 503 while the database is away: ask again
                    continue;
                }
                JsonNode json = JSON.readTree(response.body());
                String status = json.path("status").asText();
                if ("done".equals(status)) {
                    String content = json.path("content").asText("");
                    return content.contains(text(run, number))
                            ? new Result(number, Ending.DELIVERED, content)
                            : new Result(number, Ending.LOST, "someone else's reply: " + content);
                }
                if ("failed".equals(status)) {
                    String error = json.path("error").asText("");
                    return error.isBlank() ? new Result(number, Ending.LOST, "failed without a message: " + json)
                            : new Result(number, Ending.FAILED_WITH_MESSAGE, error);
                }
            } catch (IOException e) {
                Thread.sleep(200);
            }
        }
    }

    private static Result refusal(int number, int status, JsonNode json) {
        String message = json.path("message").asText("");
        return message.isBlank() ? new Result(number, Ending.LOST, "HTTP " + status + " without a message: " + json)
                : new Result(number, Ending.FAILED_WITH_MESSAGE, "HTTP " + status + ": " + message);
    }

    private HttpRequest.Builder request(String path, String token) {
        return HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + apiPort + path))
                .header("Authorization", "Bearer " + token).timeout(Duration.ofSeconds(30));
    }

    /** The api process's {@code /health}: its status field, or {@code "unreachable"}. */
    String health() {
        try {
            HttpResponse<String> response = http.send(HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + apiPort
                    + "/health")).timeout(Duration.ofSeconds(5)).GET().build(), HttpResponse.BodyHandlers.ofString());
            return JSON.readTree(response.body()).path("status").asText("unreadable");
        } catch (IOException e) {
            return "unreachable";
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            return "interrupted";
        }
    }
}
