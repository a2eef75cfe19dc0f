package io.tzurot.web.chat;

import static io.tzurot.web.chat.ConversationHarness.ALICE;
import static io.tzurot.web.chat.ConversationHarness.BOB;
import static io.tzurot.web.chat.ConversationHarness.OWNER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tzurot.testkit.model.FakeReply;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.List;
import org.assertj.core.api.SoftAssertions;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The cross-user path of issue 11, end to end with the real engine: user B sends a message into user A's web
 * channel; B's own diagnostic record then showed A's private note in its chat log, and A's next prompt carried
 * B's message. B must neither write into nor read A's channel by any route.
 */
class CrossUserChannelTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String NOTE = "my private note: the vault code is 4711";
    private static final String INTRUSION = "Bob was here and wrote this";

    private ConversationHarness h;
    private String alice;
    private String bob;

    @BeforeEach
    void start() {
        h = ConversationHarness.wholeConsole();
        alice = h.token(ALICE);
        bob = h.token(BOB);
        h.personality(h.token(OWNER), "lilith", true);
        h.engine.model.respondWith(r -> FakeReply.text("Noted."));
    }

    @AfterEach
    void stop() {
        if (h != null) {
            h.close();
        }
    }

    private static JsonNode json(HttpResponse<String> r) {
        try {
            return JSON.readTree(r.body());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        }
    }

    private HttpResponse<String> send(String token, String channelId, String message) {
        String channel = channelId == null ? "" : ", \"channelId\": \"" + channelId + "\"";
        return h.postJson("/api/v1/chat", token, "{\"personality\": \"lilith\", \"message\": \"" + message + "\"" + channel + "}");
    }

    /** Waits for the reply to finish and its flight record to be written; returns the reply id. */
    private String finished(HttpResponse<String> started, String token) {
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String replyId = json(started).get("replyId").asText();
        JsonNode reply = json(h.get("/api/v1/replies/" + replyId + "?wait=30", token));
        assertThat(reply.get("status").asText()).as(reply.toString()).isEqualTo("done");
        await().atMost(Duration.ofSeconds(30)).until(() -> h.services.diagnostics().findByRequestId(replyId).isPresent());
        return replyId;
    }

    @Test
    void bobCanNeitherWriteIntoNorReadAlicesWebChannel() {
        String aliceFirst = finished(send(alice, null, NOTE), alice);
        String aliceChannel = json(h.get("/api/v1/history?personality=lilith", alice)).get("channelId").asText();
        SoftAssertions soft = new SoftAssertions();

        // B writes into A's channel
        HttpResponse<String> intrusion = send(bob, aliceChannel, INTRUSION);
        soft.assertThat(intrusion.statusCode()).as("B's chat into A's channel").isEqualTo(404);
        if (intrusion.statusCode() == 202) {
            // B reads A's messages through B's own diagnostic record
            String bobsReply = finished(intrusion, bob);
            soft.assertThat(h.get("/api/v1/diagnostics/" + bobsReply, bob).body()).as("B's own record")
                    .doesNotContain("4711");
        }

        // A's next prompt
        String aliceSecond = finished(send(alice, null, "What did I note?"), alice);
        soft.assertThat(h.engine.model.lastRequest().body().toString()).as("A's prompt to the model")
                .contains("4711").doesNotContain(INTRUSION);
        soft.assertThat(h.get("/api/v1/diagnostics/" + aliceSecond, alice).body()).as("A's record")
                .doesNotContain(INTRUSION);

        // B's own conversation knows nothing of A's
        String bobsOwn = finished(send(bob, null, "Hello"), bob);
        soft.assertThat(h.engine.model.lastRequest().body().toString()).as("B's prompt").doesNotContain("4711");
        soft.assertThat(h.get("/api/v1/diagnostics/" + bobsOwn, bob).body()).as("B's own record").doesNotContain("4711");

        // no read route opens A's channel or A's replies to B
        for (String path : List.of("/api/v1/history?personality=lilith&channelId=" + aliceChannel,
                "/api/v1/diagnostics/" + aliceFirst, "/api/v1/diagnostics/" + aliceSecond,
                "/api/v1/replies/" + aliceFirst, "/api/v1/replies/" + aliceFirst + "/events",
                "/console/inspect?replyId=" + aliceFirst)) {
            HttpResponse<String> read = h.get(path, bob);
            soft.assertThat(read.statusCode()).as(path).isEqualTo(404);
            soft.assertThat(read.body()).as(path).doesNotContain("4711");
        }
        HttpResponse<String> bobsPage = h.get("/console/chat?personality=lilith", bob);
        soft.assertThat(bobsPage.statusCode()).isEqualTo(200);
        soft.assertThat(bobsPage.body()).as("B's chat page").doesNotContain("4711").doesNotContain(aliceChannel);
        soft.assertThat(h.get("/console/chat?personality=lilith", alice).body()).as("A's chat page")
                .contains("4711").doesNotContain(INTRUSION);
        soft.assertAll();
    }
}
