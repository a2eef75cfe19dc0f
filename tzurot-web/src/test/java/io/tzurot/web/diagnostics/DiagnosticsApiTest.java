package io.tzurot.web.diagnostics;

import static io.tzurot.web.chat.ConversationHarness.ALICE;
import static io.tzurot.web.chat.ConversationHarness.BOB;
import static io.tzurot.web.chat.ConversationHarness.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tzurot.core.diagnostics.DiagnosticLog;
import io.tzurot.web.chat.ConversationHarness;
import java.net.http.HttpResponse;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code GET /api/v1/diagnostics/{replyId}} and Console → Inspect: own records, all for the owner. */
class DiagnosticsApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();

    private ConversationHarness h;
    private String alice;
    private String bob;
    private String owner;
    private String replyId;

    @BeforeEach
    void start() throws Exception {
        h = new ConversationHarness();
        alice = h.token(ALICE);
        bob = h.token(BOB);
        owner = h.token(OWNER);
        replyId = UUID.randomUUID().toString();
        h.services.diagnostics().save(new DiagnosticLog(UUID.randomUUID(), replyId, null, List.of(), null, ALICE, null,
                h.channels.defaultFor(h.actor(alice).userId()).id(), "test/model-1", "test", 1234,
                "{\"meta\": {\"requestId\": \"" + replyId + "\"}, \"memoryRetrieval\": {\"memoriesFound\": "
                        + "[{\"id\": \"m1\", \"score\": 0.91, \"preview\": \"green <tea>\"}]},"
                        + " \"llmResponse\": {\"rawContent\": \"Hi Al\"}}", h.clock.instant()));
    }

    @AfterEach
    void stop() {
        h.close();
    }

    @Test
    void theSenderAndTheOwnerSeeTheRecordOthersDoNot() throws Exception {
        HttpResponse<String> mine = h.get("/api/v1/diagnostics/" + replyId, alice);
        assertThat(mine.statusCode()).isEqualTo(200);
        JsonNode record = JSON.readTree(mine.body());
        assertThat(record.get("requestId").asText()).isEqualTo(replyId);
        assertThat(record.get("model").asText()).isEqualTo("test/model-1");
        assertThat(record.get("durationMs").asInt()).isEqualTo(1234);
        assertThat(record.at("/data/memoryRetrieval/memoriesFound/0/score").asDouble()).isEqualTo(0.91);
        assertThat(record.at("/data/llmResponse/rawContent").asText()).isEqualTo("Hi Al");

        assertThat(h.get("/api/v1/diagnostics/" + replyId, owner).statusCode()).isEqualTo(200);
        HttpResponse<String> asBob = h.get("/api/v1/diagnostics/" + replyId, bob);
        assertThat(asBob.statusCode()).isEqualTo(404);
        assertThat(asBob.body()).doesNotContain("Hi Al");
        assertThat(h.get("/api/v1/diagnostics/" + replyId, null).statusCode()).isEqualTo(401);
    }

    @Test
    void unknownAndMalformedIds() {
        assertThat(h.get("/api/v1/diagnostics/" + UUID.randomUUID(), owner).statusCode()).isEqualTo(404);
        HttpResponse<String> tooLong = h.get("/api/v1/diagnostics/" + "x".repeat(256), alice);
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(tooLong.body()).contains("replyId");
    }

    @Test
    void theInspectPageShowsTheRecordReadablyAndEscaped() {
        HttpResponse<String> page = h.get("/console/inspect?replyId=" + replyId, alice);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("<h1>Inspect</h1>", "test/model-1 (test)", "1234 ms", "memoryRetrieval",
                "llmResponse", "\"rawContent\" : \"Hi Al\"", "green &lt;tea&gt;").doesNotContain("green <tea>");
        assertThat(h.get("/console/inspect?replyId=" + replyId, bob).statusCode()).isEqualTo(404);
        assertThat(h.get("/console/inspect?replyId=" + replyId, owner).statusCode()).isEqualTo(200);
        assertThat(h.get("/console/inspect", alice).body()).contains("Find a reply").doesNotContain("Summary");
        assertThat(h.get("/console/inspect", null).statusCode()).isEqualTo(401);
    }

    private String record(String speaker, String channelId) {
        String id = UUID.randomUUID().toString();
        h.services.diagnostics().save(new DiagnosticLog(UUID.randomUUID(), id, null, List.of(), null, speaker, null, channelId,
                "test/model-1", "test", 10, "{\"llmResponse\": {\"rawContent\": \"seen\"}}", h.clock.instant()));
        return id;
    }

    @Test
    void aRecordMadeInSomeoneElsesWebChannelIsNotShownToItsSpeaker() {
        // written before channels had owners: Bob's reply in Alice's web channel carried Alice's conversation
        String bobInAlices = record(BOB, h.channels.defaultFor(h.actor(alice).userId()).id());
        String bobInOwn = record(BOB, h.channels.defaultFor(h.actor(bob).userId()).id());
        String bobInDiscord = record(BOB, "123456789012345678");
        String bobInOldShared = record(BOB, "web-lounge");

        assertThat(h.get("/api/v1/diagnostics/" + bobInAlices, bob).statusCode()).isEqualTo(404);
        assertThat(h.get("/console/inspect?replyId=" + bobInAlices, bob).statusCode()).isEqualTo(404);
        assertThat(h.get("/api/v1/diagnostics/" + bobInOldShared, bob).statusCode()).isEqualTo(404);
        assertThat(h.get("/api/v1/diagnostics/" + bobInOwn, bob).statusCode()).isEqualTo(200);
        assertThat(h.get("/api/v1/diagnostics/" + bobInDiscord, bob).statusCode()).isEqualTo(200);
        assertThat(h.get("/api/v1/diagnostics/" + bobInAlices, alice).statusCode()).as("not Alice's reply").isEqualTo(404);
        assertThat(h.get("/api/v1/diagnostics/" + bobInAlices, owner).statusCode()).as("the bot owner sees all").isEqualTo(200);
    }
}
