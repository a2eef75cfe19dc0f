package io.tzurot.web.facts;

import static io.tzurot.web.facts.FactsHarness.ALICE;
import static io.tzurot.web.facts.FactsHarness.BOB;
import static io.tzurot.web.facts.FactsHarness.OWNER;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tzurot.core.facts.MemoryFact;
import io.tzurot.core.persona.Persona;
import io.tzurot.core.personality.Personality;
import java.net.http.HttpResponse;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** {@code /api/v1/facts}: list, correct, lock and forget your own facts; someone else's id is 404 like a missing one. */
class FactsApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private FactsHarness h;
    private String alice;
    private String bob;
    private Personality ada;
    private Personality bea;
    private Persona alicePersona;

    @BeforeEach
    void start() {
        h = new FactsHarness();
        String owner = h.token(OWNER);
        alice = h.token(ALICE);
        bob = h.token(BOB);
        ada = h.personality(owner, "Ada");
        bea = h.personality(owner, "Bea");
        alicePersona = h.persona(alice, "Al");
    }

    @AfterEach
    void stop() {
        h.close();
    }

    private static JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    private HttpResponse<String> patch(String id, String token, String body) {
        return h.send("PATCH", "/api/v1/facts/" + id, token, "application/json", body);
    }

    @Test
    void listsYourFactsWithTheirCharacterAndFiltersByOne() throws Exception {
        h.facts(alicePersona, ada, "has a cat called Quill", "likes green tea");
        h.facts(alicePersona, bea, "plays chess");
        HttpResponse<String> all = h.get("/api/v1/facts", alice);
        assertThat(all.statusCode()).isEqualTo(200);
        assertThat(json(all).path("facts")).hasSize(3);
        JsonNode first = json(h.get("/api/v1/facts?personality=bea", alice)).path("facts");
        assertThat(first).hasSize(1);
        assertThat(first.get(0).path("content").asText()).isEqualTo("plays chess");
        assertThat(first.get(0).path("personality").asText()).isEqualTo("bea");
        assertThat(first.get(0).path("confidence").asDouble()).isEqualTo(0.8);
        assertThat(first.get(0).path("locked").asBoolean()).isFalse();
        assertThat(first.get(0).path("source").asText()).isEqualTo("exchange:req-1");
        assertThat(json(h.get("/api/v1/facts", bob)).path("facts")).isEmpty();
        assertThat(h.get("/api/v1/facts", null).statusCode()).isEqualTo(401);
    }

    @Test
    void correctsLocksAndForgets() throws Exception {
        List<MemoryFact> made = h.facts(alicePersona, ada, "has a cat called Quill", "likes green tea");
        String quill = made.get(0).id().toString();

        HttpResponse<String> corrected = patch(quill, alice, "{\"content\":\"has a cat called Quillibrand\",\"locked\":true}");
        assertThat(corrected.statusCode()).isEqualTo(200);
        assertThat(json(corrected).path("content").asText()).isEqualTo("has a cat called Quillibrand");
        assertThat(json(corrected).path("confidence").asDouble()).isEqualTo(1.0);
        assertThat(json(corrected).path("locked").asBoolean()).isTrue();
        assertThat(json(corrected).path("source").asText()).isEqualTo("user");
        assertThat(json(patch(quill, alice, "{\"locked\":false}")).path("locked").asBoolean()).isFalse();

        String tea = made.get(1).id().toString();
        assertThat(h.send("DELETE", "/api/v1/facts/" + tea, alice, null, null).statusCode()).isEqualTo(204);
        assertThat(h.facts.find(made.get(1).id())).isEmpty();
        assertThat(h.send("DELETE", "/api/v1/facts/" + tea, alice, null, null).statusCode()).isEqualTo(404);
    }

    @Test
    void badInputIsExplainedAndChangesNothing() throws Exception {
        String id = h.facts(alicePersona, ada, "likes green tea").get(0).id().toString();
        HttpResponse<String> tooLong = patch(id, alice, "{\"content\":\"" + "x".repeat(301) + "\",\"locked\":true}");
        assertThat(tooLong.statusCode()).isEqualTo(400);
        assertThat(json(tooLong).path("field").asText()).isEqualTo("content");
        assertThat(json(tooLong).path("message").asText()).isEqualTo("A fact is one line of 1 to 300 characters.");
        HttpResponse<String> wrongType = patch(id, alice, "{\"content\":\"likes tea\",\"locked\":\"yes\"}");
        assertThat(wrongType.statusCode()).isEqualTo(400);
        assertThat(patch(id, alice, "{}").statusCode()).isEqualTo(400);
        assertThat(patch(id, alice, "{\"other\":1}").statusCode()).isEqualTo(400);
        assertThat(patch("not-a-uuid", alice, "{\"locked\":true}").statusCode()).isEqualTo(400);
        MemoryFact unchanged = h.facts.find(java.util.UUID.fromString(id)).orElseThrow();
        assertThat(unchanged.content()).isEqualTo("likes green tea");
        assertThat(unchanged.locked()).isFalse();
    }

    @Test
    void anotherUsersFactIsNotFoundAndUntouched() throws Exception {
        String id = h.facts(alicePersona, ada, "works as a nurse").get(0).id().toString();
        h.persona(bob, "Bo");
        for (HttpResponse<String> r : List.of(patch(id, bob, "{\"content\":\"is a spy\"}"), patch(id, bob, "{\"locked\":true}"),
                h.send("DELETE", "/api/v1/facts/" + id, bob, null, null))) {
            assertThat(r.statusCode()).isEqualTo(404);
            assertThat(r.body()).doesNotContain("nurse");
        }
        // the bot owner does not see them either: facts are personal
        assertThat(h.get("/api/v1/facts", h.token(OWNER)).body()).doesNotContain("nurse");
        MemoryFact unchanged = h.facts.find(java.util.UUID.fromString(id)).orElseThrow();
        assertThat(unchanged.content()).isEqualTo("works as a nurse");
        assertThat(unchanged.locked()).isFalse();
    }
}
