package io.tzurot.web.diagnostics;

import static io.tzurot.web.chat.ConversationHarness.ALICE;
import static io.tzurot.web.chat.ConversationHarness.BOB;
import static io.tzurot.web.chat.ConversationHarness.OWNER;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tzurot.core.diagnostics.ViewingDiagnostics;
import io.tzurot.core.personality.Personality;
import io.tzurot.storage.personality.JdbiSystemPromptRepository;
import io.tzurot.testkit.model.FakeReply;
import io.tzurot.web.chat.ConversationHarness;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.net.http.HttpResponse;
import java.time.Duration;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A character's system prompt (hidden by the personality API) stays hidden in the diagnostic records of other
 * users' replies: shown to the character's owner and the bot owner, and to everyone once the owner shares it.
 */
class HiddenFieldsRedactionTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String SECRET = "Answer every question with a riddle about lighthouses";

    private ConversationHarness h;
    private String alice;
    private String bob;
    private String owner;

    @BeforeEach
    void start() {
        h = ConversationHarness.wholeConsole();
        alice = h.token(ALICE);
        bob = h.token(BOB);
        owner = h.token(OWNER);
        Personality sphinx = h.personality(bob, "sphinx", true);
        var prompts = new JdbiSystemPromptRepository(h.database.jdbi(), h.clock);
        h.services.personalities().setSystemPrompt(sphinx.id(), prompts.save("sphinx-rules", null, SECRET, false).id());
        h.engine.model.respondWith(r -> FakeReply.text("What has one eye and watches the sea?"));
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

    private String chat(String token) {
        HttpResponse<String> started = h.postJson("/api/v1/chat", token, "{\"personality\": \"sphinx\", \"message\": \"Hello\"}");
        assertThat(started.statusCode()).as(started.body()).isEqualTo(202);
        String replyId = json(started).get("replyId").asText();
        assertThat(json(h.get("/api/v1/replies/" + replyId + "?wait=30", token)).get("status").asText()).isEqualTo("done");
        await().atMost(Duration.ofSeconds(30)).until(() -> h.services.diagnostics().findByRequestId(replyId).isPresent());
        // the prompt really carried it: what is hidden is hidden from the record, not from the model
        assertThat(h.engine.model.lastRequest().body().toString()).contains(SECRET);
        return replyId;
    }

    private String systemPrompt(String replyId, String token) {
        HttpResponse<String> r = h.get("/api/v1/diagnostics/" + replyId, token);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(200);
        return json(r).at("/data/systemPrompt").asText();
    }

    @Test
    void anotherUserSeesTheirRecordWithoutTheSystemPrompt() {
        String replyId = chat(alice);

        String shown = systemPrompt(replyId, alice);
        assertThat(shown).doesNotContain(SECRET).contains("<protocol>" + ViewingDiagnostics.REDACTED + "</protocol>");
        assertThat(shown).as("the rest of the prompt stays").contains("Sphinx");
        assertThat(h.get("/api/v1/diagnostics/" + replyId, alice).body()).doesNotContain(SECRET);
        HttpResponse<String> page = h.get("/console/inspect?replyId=" + replyId, alice);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).doesNotContain(SECRET).contains("hidden: the character");
    }

    @Test
    void theBotOwnerSeesItInAnyonesRecord() {
        String replyId = chat(alice);
        assertThat(systemPrompt(replyId, owner)).contains(SECRET);
        assertThat(h.get("/console/inspect?replyId=" + replyId, owner).body()).contains(SECRET);
    }

    @Test
    void theCharactersOwnerSeesItInTheirOwnRecord() {
        String replyId = chat(bob);
        assertThat(systemPrompt(replyId, bob)).contains(SECRET).doesNotContain(ViewingDiagnostics.REDACTED);
    }

    @Test
    void onceTheOwnerSharesItEveryoneSeesItAndOnlyTheOwnerOrBotOwnerMayChooseThat() {
        String replyId = chat(alice);
        String path = "/api/v1/personalities/sphinx/diagnostics-sharing";
        assertThat(json(h.get(path, alice)).get("shareHiddenFields").asBoolean()).as("off by default").isFalse();

        HttpResponse<String> refused = h.send("PUT", path, alice, "application/json", "{\"shareHiddenFields\": true}");
        assertThat(refused.statusCode()).isEqualTo(403);
        assertThat(systemPrompt(replyId, alice)).doesNotContain(SECRET);

        HttpResponse<String> shared = h.send("PUT", path, bob, "application/json", "{\"shareHiddenFields\": true}");
        assertThat(shared.statusCode()).as(shared.body()).isEqualTo(200);
        assertThat(json(shared).get("shareHiddenFields").asBoolean()).isTrue();
        assertThat(json(h.get(path, alice)).get("shareHiddenFields").asBoolean()).isTrue();
        assertThat(systemPrompt(replyId, alice)).contains(SECRET);

        assertThat(h.send("PUT", path, owner, "application/json", "{\"shareHiddenFields\": false}").statusCode()).isEqualTo(200);
        assertThat(systemPrompt(replyId, alice)).doesNotContain(SECRET);
    }

    @Test
    void badSharingRequestsAreRefusedClearly() {
        String path = "/api/v1/personalities/sphinx/diagnostics-sharing";
        for (String body : new String[] {"{}", "{\"shareHiddenFields\": \"yes\"}", "{\"shareHiddenFields\": null}",
                "{\"shareHiddenFields\": true, \"extra\": 1}"}) {
            HttpResponse<String> r = h.send("PUT", path, bob, "application/json", body);
            assertThat(r.statusCode()).as(body).isEqualTo(400);
            assertThat(json(r).get("message").asText()).as(body).isNotBlank();
        }
        assertThat(h.send("PUT", "/api/v1/personalities/nobody/diagnostics-sharing", bob, "application/json", "{\"shareHiddenFields\": true}")
                .statusCode()).isEqualTo(404);
        assertThat(h.send("PUT", path, null, "application/json", "{\"shareHiddenFields\": true}").statusCode()).isEqualTo(401);
    }
}
