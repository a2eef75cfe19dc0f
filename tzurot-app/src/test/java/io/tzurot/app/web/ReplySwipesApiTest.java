package io.tzurot.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tzurot.testkit.model.FakeReply;
import io.tzurot.testkit.model.RecordedRequest;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /api/v1/replies/{id}/regenerate}, {@code PUT /api/v1/replies/{id}/swipe} and
 * {@code DELETE /api/v1/replies/{id}} with the real engine: the owner regenerates in place (the same id, read and
 * streamed as any reply), swipes between versions (history keeps the chosen one) and deletes; anyone else gets 404.
 */
class ReplySwipesApiTest {

    @TempDir
    static Path dir;
    private static ApiApp app;
    private static String owner;
    private static String stranger;
    private static String slug;

    @BeforeAll
    static void start() {
        app = new ApiApp(dir);
        owner = app.token("200000000000000081", false);
        stranger = app.token("200000000000000082", false);
        slug = PortabilityFixtures.ok(app.call("POST", "/api/v1/personalities", owner, "{\"name\":\"Riddler\","
                + "\"slug\":\"riddler\",\"characterInfo\":\"Asks riddles.\",\"personalityTraits\":\"playful\"}"))
                .get("personality").get("slug").asText();
    }

    @AfterAll
    static void stop() {
        app.close();
    }

    @Test
    void theOwnerRegeneratesSwipesAndDeletesWhileOthersSeeNothing() {
        app.model.enqueue(FakeReply.text("What has keys but opens no locks? A piano."));
        String replyId = chat("Tell me a riddle");

        for (String token : List.of(stranger)) {
            assertThat(app.call("POST", "/api/v1/replies/" + replyId + "/regenerate", token, null).statusCode()).isEqualTo(404);
            assertThat(app.call("PUT", "/api/v1/replies/" + replyId + "/swipe", token, "{\"index\":0}").statusCode())
                    .isEqualTo(404);
            assertThat(app.call("DELETE", "/api/v1/replies/" + replyId, token, null).statusCode()).isEqualTo(404);
        }

        app.model.enqueue(FakeReply.text("What runs but never walks? A river."));
        HttpResponse<String> again = app.call("POST", "/api/v1/replies/" + replyId + "/regenerate", owner, null);
        assertThat(again.statusCode()).as(again.body()).isEqualTo(202);
        assertThat(ApiApp.json(again).get("replyId").asText()).isEqualTo(replyId);
        JsonNode done = ApiApp.json(app.call("GET", "/api/v1/replies/" + replyId + "?wait=60", owner, null));
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("done");
        assertThat(done.get("content").asText()).isEqualTo("What runs but never walks? A river.");
        List<RecordedRequest> asked = app.model.requests().stream()
                .filter(r -> r.path().endsWith("/chat/completions") && r.lastUserText().contains("Tell me a riddle")).toList();
        assertThat(asked).hasSize(2);
        assertThat(asked.get(1).body().toString()).doesNotContain("A piano"); // the old text is not in its own prompt

        JsonNode first = ApiApp.json(app.call("PUT", "/api/v1/replies/" + replyId + "/swipe", owner, "{\"index\":0}"));
        assertThat(first.get("content").asText()).isEqualTo("What has keys but opens no locks? A piano.");
        assertThat(first.get("index").asInt()).isZero();
        assertThat(first.get("count").asInt()).isEqualTo(2);
        HttpResponse<String> beyond = app.call("PUT", "/api/v1/replies/" + replyId + "/swipe", owner, "{\"index\":2}");
        assertThat(beyond.statusCode()).isEqualTo(400);
        assertThat(ApiApp.json(beyond).get("field").asText()).isEqualTo("index");

        app.model.enqueue(FakeReply.text("Correct!"));
        chat("Is it a piano?");
        RecordedRequest next = app.model.requests().stream()
                .filter(r -> r.path().endsWith("/chat/completions") && r.lastUserText().contains("Is it a piano?"))
                .findFirst().orElseThrow();
        assertThat(next.body().toString()).contains("A piano.").doesNotContain("A river.");
        // only the character's latest reply changes: this one is no longer it
        assertThat(app.call("POST", "/api/v1/replies/" + replyId + "/regenerate", owner, null).statusCode()).isEqualTo(409);

        assertThat(app.call("DELETE", "/api/v1/replies/" + replyId, owner, null).statusCode()).isEqualTo(200);
        assertThat(app.call("PUT", "/api/v1/replies/" + replyId + "/swipe", owner, "{\"index\":0}").statusCode())
                .isEqualTo(404);
    }

    private static String chat(String message) {
        HttpResponse<String> started = app.call("POST", "/api/v1/chat", owner,
                "{\"personality\":\"" + slug + "\",\"message\":\"" + message + "\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String replyId = ApiApp.json(started).get("replyId").asText();
        JsonNode done = ApiApp.json(app.call("GET", "/api/v1/replies/" + replyId + "?wait=60", owner, null));
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("done");
        return replyId;
    }
}
