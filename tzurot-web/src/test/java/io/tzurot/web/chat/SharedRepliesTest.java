package io.tzurot.web.chat;

import static io.tzurot.web.chat.ConversationHarness.ALICE;
import static io.tzurot.web.chat.ConversationHarness.BOB;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tzurot.messaging.Messaging;
import io.tzurot.testkit.ServiceTargets;
import io.tzurot.web.server.WebServer;
import java.io.InputStream;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * Two api processes (two servers, each with its own Redis connection and reply tracker) over one database: a
 * reply started on one is read on the other, done, long-polled while pending, and streamed as events.
 */
class SharedRepliesTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ConversationHarness h;
    private Messaging first;
    private Messaging second;
    private WebServer a;
    private WebServer b;
    private String alice;

    @BeforeEach
    void start() {
        String redis = ServiceTargets.redisUrl();
        String prefix = "tzurot-web-test-" + UUID.randomUUID();
        h = new ConversationHarness();
        first = Messaging.redis(redis, prefix);
        second = Messaging.redis(redis, prefix);
        a = h.apiProcess(new SharedReplyTracker(new InMemoryReplyTracker(h.clock), () -> java.util.Optional.of(first.keys()),
                InMemoryReplyTracker.DEFAULT_RETENTION));
        b = h.apiProcess(new SharedReplyTracker(new InMemoryReplyTracker(h.clock), () -> java.util.Optional.of(second.keys()),
                InMemoryReplyTracker.DEFAULT_RETENTION));
        alice = h.token(ALICE);
        h.personality(h.token(ConversationHarness.OWNER), "lilith", true);
    }

    @AfterEach
    void stop() {
        // start() stops at redisUrl() when Redis is not configured: close only what it opened.
        if (h != null) {
            h.close();
        }
        if (first != null) {
            first.close();
        }
        if (second != null) {
            second.close();
        }
    }

    private HttpResponse<String> call(WebServer server, String method, String path, String token, String json) throws Exception {
        HttpRequest.Builder r = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + server.port() + path))
                .header("Authorization", "Bearer " + token)
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            r.header("Content-Type", "application/json");
        }
        return h.http().send(r.build(), HttpResponse.BodyHandlers.ofString());
    }

    private String chatOn(WebServer server) throws Exception {
        HttpResponse<String> started = call(server, "POST", "/api/v1/chat", alice, "{\"personality\":\"lilith\",\"message\":\"hi\"}");
        assertThat(started.statusCode()).isEqualTo(202);
        return JSON.readTree(started.body()).get("replyId").asText();
    }

    @Test
    void aReplyStartedOnOneProcessIsReadOnTheOther() throws Exception {
        String replyId = chatOn(a);
        JsonNode done = JSON.readTree(call(b, "GET", "/api/v1/replies/" + replyId + "?wait=10", alice, null).body());
        assertThat(done.get("status").asText()).isEqualTo("done");
        assertThat(done.get("content").asText()).isEqualTo("Hello from the test engine.");
        assertThat(done.get("replyId").asText()).isEqualTo(replyId);
        // still private to its sender, and unknown ids stay unknown
        assertThat(call(b, "GET", "/api/v1/replies/" + replyId, h.token(BOB), null).statusCode()).isEqualTo(404);
        assertThat(call(b, "GET", "/api/v1/replies/" + UUID.randomUUID(), alice, null).statusCode()).isEqualTo(404);
    }

    @Test
    void aPendingReplyIsLongPolledAndStreamedOnTheOtherProcess() throws Exception {
        h.replies.hold();
        String replyId = chatOn(a);
        JsonNode pending = JSON.readTree(call(b, "GET", "/api/v1/replies/" + replyId, alice, null).body());
        assertThat(pending.get("status").asText()).isEqualTo("pending");

        CompletableFuture<HttpResponse<String>> waiting = h.http().sendAsync(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + b.port() + "/api/v1/replies/" + replyId + "?wait=20"))
                .header("Authorization", "Bearer " + alice).build(), HttpResponse.BodyHandlers.ofString());
        HttpResponse<InputStream> events = h.http().send(HttpRequest.newBuilder(URI.create(
                        "http://127.0.0.1:" + b.port() + "/api/v1/replies/" + replyId + "/events"))
                .header("Authorization", "Bearer " + alice).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(events.statusCode()).isEqualTo(200);
        assertThat(waiting).isNotDone();
        h.replies.release(h.replies.requests().get(0).requestId());

        assertThat(JSON.readTree(waiting.get(20, java.util.concurrent.TimeUnit.SECONDS).body()).get("status").asText())
                .isEqualTo("done");
        String stream;
        try (InputStream in = events.body()) {
            stream = new String(in.readAllBytes(), StandardCharsets.UTF_8);
        }
        assertThat(stream).contains("event: status").contains("event: content")
                .contains("Hello from the test engine.").contains("event: done");
        assertThat(stream.indexOf("event: content")).isLessThan(stream.indexOf("event: done"));
    }
}
