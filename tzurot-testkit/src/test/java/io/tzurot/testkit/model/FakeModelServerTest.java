package io.tzurot.testkit.model;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.stream.Collectors;
import java.util.stream.IntStream;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The fake speaks the OpenAI wire format and holds many slow requests at once. */
class FakeModelServerTest {

    static FakeModelServer server;
    static final HttpClient HTTP = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();
    static final ObjectMapper JSON = new ObjectMapper();

    @BeforeAll
    static void start() {
        server = FakeModelServer.start();
    }

    @AfterAll
    static void stop() {
        server.close();
    }

    @BeforeEach
    void reset() {
        server.reset();
    }

    private static HttpResponse<String> post(String path, String body) throws Exception {
        return HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + path))
                .header("Content-Type", "application/json").header("Authorization", "Bearer sk-x")
                .POST(HttpRequest.BodyPublishers.ofString(body)).build(), HttpResponse.BodyHandlers.ofString());
    }

    @Test
    void plainCompletionHasChoicesReasoningUsageAndFinishReason() throws Exception {
        server.enqueue(FakeReply.text("hi there").withReasoning("thought", FakeReply.ReasoningField.REASONING)
                .withUsage(7, 3).withFinishReason("length"));

        HttpResponse<String> response = post("/chat/completions",
                "{\"model\":\"m/1\",\"messages\":[{\"role\":\"user\",\"content\":\"yo\"}]}");

        assertThat(response.statusCode()).isEqualTo(200);
        JsonNode body = JSON.readTree(response.body());
        assertThat(body.path("model").asText()).isEqualTo("m/1");
        assertThat(body.path("choices").get(0).path("message").path("content").asText()).isEqualTo("hi there");
        assertThat(body.path("choices").get(0).path("message").path("reasoning").asText()).isEqualTo("thought");
        assertThat(body.path("choices").get(0).path("finish_reason").asText()).isEqualTo("length");
        assertThat(body.path("usage").path("total_tokens").asInt()).isEqualTo(10);
        assertThat(server.lastRequest().body().path("messages").get(0).path("content").asText()).isEqualTo("yo");
        assertThat(server.lastRequest().header("authorization")).contains("Bearer sk-x");
    }

    @Test
    void streamEndsWithUsageAndDone() throws Exception {
        server.enqueue(FakeReply.text("a fairly long streamed answer"));

        HttpResponse<String> response = post("/chat/completions", "{\"model\":\"m\",\"stream\":true,"
                + "\"stream_options\":{\"include_usage\":true},\"messages\":[{\"role\":\"user\",\"content\":\"q\"}]}");

        assertThat(response.headers().firstValue("content-type")).hasValueSatisfying(
                type -> assertThat(type).startsWith("text/event-stream"));
        List<String> data = response.body().lines().filter(l -> l.startsWith("data: "))
                .map(l -> l.substring(6)).collect(Collectors.toList());
        assertThat(data.get(data.size() - 1)).isEqualTo("[DONE]");
        String content = data.stream().filter(d -> !d.equals("[DONE]")).map(FakeModelServerTest::tree)
                .map(n -> n.path("choices").path(0).path("delta").path("content").asText(""))
                .collect(Collectors.joining());
        assertThat(content).isEqualTo("a fairly long streamed answer");
        assertThat(tree(data.get(data.size() - 2)).path("usage").path("prompt_tokens").asInt()).isEqualTo(10);
    }

    private static JsonNode tree(String json) {
        try {
            return JSON.readTree(json);
        } catch (java.io.IOException e) {
            throw new IllegalStateException(e);
        }
    }

    @Test
    void errorsCarryStatusBodyAndRetryAfter() throws Exception {
        server.enqueue(new FakeReply.Failure(429, "slow down", 3, Duration.ZERO), FakeReply.error(402));

        HttpResponse<String> limited = post("/chat/completions", "{\"model\":\"m\",\"messages\":[]}");
        HttpResponse<String> broke = post("/chat/completions", "{\"model\":\"m\",\"messages\":[]}");

        assertThat(limited.statusCode()).isEqualTo(429);
        assertThat(limited.headers().firstValue("retry-after")).contains("3");
        assertThat(tree(limited.body()).path("error").path("message").asText()).isEqualTo("slow down");
        assertThat(broke.statusCode()).isEqualTo(402);
    }

    @Test
    void invalidJsonIsABadRequest() throws Exception {
        assertThat(post("/chat/completions", "not json").statusCode()).isEqualTo(400);
    }

    @Test
    void listsModels() throws Exception {
        server.models(List.of("a/b", "c/d", "e/f")).imageModels(Set.of("c/d"))
                .unlabelledModels(Set.of("e/f"));

        HttpResponse<String> response = HTTP.send(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/models"))
                .build(), HttpResponse.BodyHandlers.ofString());

        var data = tree(response.body()).path("data");
        assertThat(data.findValuesAsText("id")).containsExactly("a/b", "c/d", "e/f");
        assertThat(data.get(0).path("architecture").path("input_modalities").toString()).isEqualTo("[\"text\"]");
        assertThat(data.get(1).path("architecture").path("input_modalities").toString()).isEqualTo("[\"text\",\"image\"]");
        assertThat(data.get(2).has("architecture")).isFalse();
    }

    @Test
    void responderSeesTheRecordedRequest() throws Exception {
        server.respondWith(request -> FakeReply.text("images: " + request.imageUrls().size()));

        HttpResponse<String> response = post("/chat/completions", "{\"model\":\"m\",\"messages\":[{\"role\":\"user\","
                + "\"content\":[{\"type\":\"image_url\",\"image_url\":{\"url\":\"https://x/y.png\"}},"
                + "{\"type\":\"text\",\"text\":\"what is it\"}]}]}");

        assertThat(tree(response.body()).path("choices").get(0).path("message").path("content").asText())
                .isEqualTo("images: 1");
        assertThat(server.lastRequest().lastUserText()).isEqualTo("what is it");
    }

    @Test
    void holdsAThousandDelayedRequestsAtOnce() {
        int requests = 1000;
        server.respondWith(request -> FakeReply.text("ok").after(Duration.ofMillis(200))).holdReplies();
        HttpClient client = HttpClient.newBuilder().version(HttpClient.Version.HTTP_1_1).build();

        List<CompletableFuture<HttpResponse<String>>> futures = IntStream.range(0, requests)
                .mapToObj(i -> client.sendAsync(HttpRequest.newBuilder(URI.create(server.baseUrl() + "/chat/completions"))
                        .POST(HttpRequest.BodyPublishers.ofString("{\"model\":\"m\",\"messages\":[]}")).build(),
                        HttpResponse.BodyHandlers.ofString()))
                .collect(Collectors.toList());
        await().atMost(Duration.ofMinutes(2)).until(() -> server.inFlight() == requests);
        server.releaseReplies();

        assertThat(futures).allSatisfy(f -> assertThat(f.join().statusCode()).isEqualTo(200));
        assertThat(server.maxInFlight()).isEqualTo(requests);
        assertThat(server.requests()).hasSize(requests);
    }
}
