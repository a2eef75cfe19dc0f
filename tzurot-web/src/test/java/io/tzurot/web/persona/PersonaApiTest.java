package io.tzurot.web.persona;

import static io.tzurot.web.testing.ApiAssertions.assertError;
import static io.tzurot.web.testing.ApiAssertions.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tzurot.web.testing.ManagementTestServer;
import io.tzurot.web.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** /api/v1/personas: private to their owner, default persona, per-personality override, bad input. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PersonaApiTest {

    private ManagementTestServer server;
    private String alice;
    private String bob;
    private String owner;

    @BeforeAll
    void start() {
        server = new ManagementTestServer();
        alice = server.token("200000000000000002", false);
        bob = server.token("300000000000000002", false);
        owner = server.token(TestServer.OPERATOR, true);
        ok(server.send("POST", "/api/v1/personalities", owner, "{\"name\":\"Guide\",\"slug\":\"guide\","
                + "\"characterInfo\":\"x\",\"personalityTraits\":\"y\",\"isPublic\":true}"), 201);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private String create(String bearer, String name) {
        return ok(server.send("POST", "/api/v1/personas", bearer, "{\"name\":\"" + name + "\",\"content\":\"About me\"}"), 201)
                .at("/persona/id").asText();
    }

    @Test
    void anonymousCallersGet401() {
        assertError(server.send("GET", "/api/v1/personas", null, null), 401, "unauthenticated", null);
        assertError(server.send("POST", "/api/v1/personas", null, "{}"), 401, "unauthenticated", null);
        assertError(server.send("PUT", "/api/v1/personalities/guide/persona", null, "{}"), 401, "unauthenticated", null);
    }

    @Test
    void personasArePrivateEvenFromTheBotOwner() {
        String id = create(alice, "Alice at work");
        assertThat(server.send("GET", "/api/v1/personas", bob, null).body()).doesNotContain(id);
        for (String other : new String[] {bob, owner}) {
            assertError(server.send("GET", "/api/v1/personas/" + id, other, null), 404, "not_found", null);
            assertError(server.send("PATCH", "/api/v1/personas/" + id, other, "{\"name\":\"mine\"}"), 404, "not_found", null);
            assertError(server.send("DELETE", "/api/v1/personas/" + id, other, null), 404, "not_found", null);
            assertError(server.send("PUT", "/api/v1/personas/" + id + "/default", other, null), 404, "not_found", null);
            assertError(server.send("PUT", "/api/v1/personalities/guide/persona", other, "{\"personaId\":\"" + id + "\"}"),
                    404, "not_found", null);
        }
        assertThat(ok(server.send("GET", "/api/v1/personas/" + id, alice, null), 200).at("/persona/name").asText())
                .isEqualTo("Alice at work");
    }

    @Test
    void theDefaultCannotBeDeletedUntilAnotherIsChosen() {
        String first = create(bob, "Bob one");
        String second = create(bob, "Bob two");
        JsonNode list = ok(server.send("GET", "/api/v1/personas", bob, null), 200);
        assertThat(list.get("personas").findValuesAsText("id")).contains(first, second);
        assertError(server.send("DELETE", "/api/v1/personas/" + first, bob, null), 409, "conflict", "id");
        assertThat(ok(server.send("PUT", "/api/v1/personas/" + second + "/default", bob, null), 200)
                .at("/persona/isDefault").asBoolean()).isTrue();
        ok(server.send("DELETE", "/api/v1/personas/" + first, bob, null), 204);
        assertError(server.send("GET", "/api/v1/personas/" + first, bob, null), 404, "not_found", null);
    }

    @Test
    void theOverrideIsSetAndClearedWithoutTouchingOtherChoices() {
        String persona = create(alice, "Alice for guide");
        ok(server.send("PATCH", "/api/v1/settings/personalities/guide", alice, "{\"maxMessages\":12}"), 200);
        ok(server.send("PUT", "/api/v1/personalities/guide/persona", alice, "{\"personaId\":\"" + persona + "\"}"), 200);
        assertThat(ok(server.send("GET", "/api/v1/personas", alice, null), 200).get("overrides").toString())
                .contains(persona).contains("guide");
        ok(server.send("DELETE", "/api/v1/personalities/guide/persona", alice, null), 204);
        assertThat(ok(server.send("GET", "/api/v1/personas", alice, null), 200).get("overrides").size()).isZero();
        assertThat(ok(server.send("GET", "/api/v1/settings", alice, null), 200).get("personalities").toString())
                .contains("\"maxMessages\":12");
    }

    @Test
    void patchChangesOnlyWhatItNames() {
        String id = create(alice, "Alice patched");
        JsonNode after = ok(server.send("PATCH", "/api/v1/personas/" + id, alice,
                "{\"pronouns\":\"she/her\",\"preferredName\":\"Al\"}"), 200).get("persona");
        assertThat(after.get("content").asText()).isEqualTo("About me");
        assertThat(after.get("pronouns").asText()).isEqualTo("she/her");
        after = ok(server.send("PATCH", "/api/v1/personas/" + id, alice, "{\"preferredName\":null}"), 200).get("persona");
        assertThat(after.get("preferredName").isNull()).isTrue();
    }

    @Test
    void badInputNamesTheField() {
        assertError(server.send("POST", "/api/v1/personas", alice, "{\"content\":\"x\"}"), 400, "bad_request", "name");
        assertError(server.send("POST", "/api/v1/personas", alice, "{\"name\":\"x\"}"), 400, "bad_request", "content");
        assertError(server.send("POST", "/api/v1/personas", alice, "{\"name\":\"x\",\"content\":\"" + "y".repeat(4001) + "\"}"),
                400, "bad_request", "content");
        assertError(server.send("POST", "/api/v1/personas", alice, "{\"name\":\"x\",\"content\":\"y\",\"pronouns\":\""
                + "p".repeat(101) + "\"}"), 400, "bad_request", "pronouns");
        assertError(server.send("GET", "/api/v1/personas/not-a-uuid", alice, null), 400, "bad_request", "id");
        assertError(server.send("GET", "/api/v1/personas/123e4567-e89b-12d3-a456-426614174000", alice, null),
                404, "not_found", null);
        assertError(server.send("PUT", "/api/v1/personalities/nobody-here/persona", alice,
                "{\"personaId\":\"123e4567-e89b-12d3-a456-426614174000\"}"), 404, "not_found", null);
        create(alice, "Twice");
        assertError(server.send("POST", "/api/v1/personas", alice, "{\"name\":\"Twice\",\"content\":\"y\"}"),
                409, "conflict", "name");
    }
}
