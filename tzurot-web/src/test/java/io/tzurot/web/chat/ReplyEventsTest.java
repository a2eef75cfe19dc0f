package io.tzurot.web.chat;

import static io.tzurot.web.chat.ConversationHarness.ALICE;
import static io.tzurot.web.chat.ConversationHarness.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tzurot.core.memory.Memory;
import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The reply as Server-Sent Events, read with java.net.http as a client would. */
class ReplyEventsTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ConversationHarness h;
    private String alice;

    /** One event: its name and data. */
    private record Event(String name, String data) {
    }

    @BeforeEach
    void start() {
        h = new ConversationHarness();
        alice = h.token(ALICE);
        h.personality(h.token(OWNER), "lilith", true);
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private String chat(String message) throws IOException {
        HttpResponse<String> r = h.postJson("/api/v1/chat", alice, "{\"personality\": \"lilith\", \"message\": \"" + message + "\"}");
        assertThat(r.statusCode()).isEqualTo(202);
        return JSON.readTree(r.body()).get("replyId").asText();
    }

    private HttpResponse<InputStream> open(String replyId) throws Exception {
        HttpResponse<InputStream> r = h.http().send(HttpRequest.newBuilder(URI.create(h.base() + "/api/v1/replies/" + replyId + "/events"))
                .header("Authorization", "Bearer " + alice).header("Accept", "text/event-stream").build(),
                HttpResponse.BodyHandlers.ofInputStream());
        assertThat(r.statusCode()).isEqualTo(200);
        assertThat(r.headers().firstValue("Content-Type").orElse("")).startsWith("text/event-stream");
        return r;
    }

    /** Reads the next event (blank-line terminated); null at the end of the stream. */
    private static Event next(BufferedReader in) throws IOException {
        String name = "message";
        StringBuilder data = new StringBuilder();
        boolean any = false;
        for (String line = in.readLine(); line != null; line = in.readLine()) {
            if (line.isEmpty()) {
                if (any) {
                    return new Event(name, data.toString());
                }
                continue;
            }
            if (line.startsWith(":")) {
                continue; // a comment, e.g. a keep-alive
            }
            any = true;
            if (line.startsWith("event:")) {
                name = line.substring(6).strip();
            } else if (line.startsWith("data:")) {
                data.append(data.length() == 0 ? "" : "\n").append(line.substring(5).strip());
            }
        }
        return null;
    }

    @Test
    void theStreamSaysPendingThenTheContentThenDone() throws Exception {
        Memory memory = h.memory(h.persona(alice, "Al"), h.services.personalities().lookup("lilith",
                Lookups.viewer(h.actor(alice))).orElseThrow(), "Alice plays the cello");
        h.replies.script(r -> ScriptedReplyService.replied(r, "Line one\nLine two", List.of(ConversationHarness.recalled(memory, 0.75))));
        h.replies.hold();
        String replyId = chat("Sing");

        try (BufferedReader in = new BufferedReader(new InputStreamReader(open(replyId).body(), StandardCharsets.UTF_8))) {
            Event status = next(in);
            assertThat(status.name()).isEqualTo("status");
            assertThat(JSON.readTree(status.data()).get("status").asText()).isEqualTo("pending");

            h.replies.release(replyId);
            Event content = next(in);
            assertThat(content.name()).isEqualTo("content");
            assertThat(JSON.readTree(content.data()).get("content").asText()).isEqualTo("Line one\nLine two");

            Event done = next(in);
            assertThat(done.name()).isEqualTo("done");
            JsonNode reply = JSON.readTree(done.data());
            assertThat(reply.get("status").asText()).isEqualTo("done");
            assertThat(reply.get("replyId").asText()).isEqualTo(replyId);
            assertThat(reply.get("footer").asText()).isEqualTo("-# test/model-1");
            assertThat(reply.get("memories").get(0).get("score").asDouble()).isEqualTo(0.75);
            assertThat(reply.get("memories").get(0).get("preview").asText()).isEqualTo("Alice plays the cello");

            assertThat(next(in)).as("the server ends the stream after done").isNull();
        }
    }

    @Test
    void aFinishedReplyStreamsAtOnceAndAFailureEndsWithFailed() throws Exception {
        h.replies.script(r -> {
            throw new IllegalStateException("boom");
        });
        String replyId = chat("Hello");
        assertThat(h.get("/api/v1/replies/" + replyId + "?wait=30", alice).body()).contains("\"failed\"");

        try (BufferedReader in = new BufferedReader(new InputStreamReader(open(replyId).body(), StandardCharsets.UTF_8))) {
            assertThat(next(in).name()).isEqualTo("status");
            Event failed = next(in);
            assertThat(failed.name()).isEqualTo("failed");
            assertThat(JSON.readTree(failed.data()).get("errorKind").asText()).isEqualTo("internal");
            assertThat(next(in)).isNull();
        }
    }
}
