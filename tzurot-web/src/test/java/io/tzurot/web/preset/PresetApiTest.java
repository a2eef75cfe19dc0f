package io.tzurot.web.preset;

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

/** /api/v1/presets: private per user, global only for the bot owner, my default, per-personality override. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PresetApiTest {

    private ManagementTestServer server;
    private String alice;
    private String bob;
    private String owner;

    @BeforeAll
    void start() {
        server = new ManagementTestServer();
        alice = server.token("200000000000000003", false);
        bob = server.token("300000000000000003", false);
        owner = server.token(TestServer.OPERATOR, true);
        ok(server.send("POST", "/api/v1/personalities", owner, "{\"name\":\"Guide\",\"slug\":\"guide\","
                + "\"characterInfo\":\"x\",\"personalityTraits\":\"y\",\"isPublic\":true}"), 201);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private String create(String bearer, String name, boolean global) {
        return ok(server.send("POST", "/api/v1/presets", bearer, "{\"name\":\"" + name + "\",\"model\":\"vendor/model-a\","
                + "\"isGlobal\":" + global + ",\"advancedParameters\":{\"temperature\":0.9,\"stop\":[\"END\"]}}"), 201)
                .at("/preset/id").asText();
    }

    @Test
    void anonymousCallersGet401() {
        assertError(server.send("GET", "/api/v1/presets", null, null), 401, "unauthenticated", null);
        assertError(server.send("POST", "/api/v1/presets", null, "{}"), 401, "unauthenticated", null);
    }

    @Test
    void privatePresetsAreTheirCreatorsAndGlobalOnesOnlyTheOwnersToChange() {
        String mine = create(alice, "alice-fast", false);
        assertThat(server.send("GET", "/api/v1/presets", bob, null).body()).doesNotContain(mine);
        assertError(server.send("GET", "/api/v1/presets/" + mine, bob, null), 404, "not_found", null);
        assertError(server.send("PATCH", "/api/v1/presets/" + mine, bob, "{\"model\":\"x/y\"}"), 404, "not_found", null);
        assertError(server.send("PUT", "/api/v1/presets/" + mine + "/default", bob, null), 404, "not_found", null);

        assertError(server.send("POST", "/api/v1/presets", alice, "{\"name\":\"alice-global\",\"model\":\"a/b\",\"isGlobal\":true}"),
                403, "forbidden", null);
        assertError(server.send("PATCH", "/api/v1/presets/" + mine, alice, "{\"isGlobal\":true}"), 403, "forbidden", null);
        String global = create(owner, "house-style", true);
        JsonNode seen = ok(server.send("GET", "/api/v1/presets/" + global, bob, null), 200).get("preset");
        assertThat(seen.get("canEdit").asBoolean()).isFalse();
        assertError(server.send("PATCH", "/api/v1/presets/" + global, bob, "{\"model\":\"x/y\"}"), 403, "forbidden", null);
        assertError(server.send("DELETE", "/api/v1/presets/" + global, bob, null), 403, "forbidden", null);
        assertThat(ok(server.send("PATCH", "/api/v1/presets/" + mine, owner, "{\"description\":\"checked\"}"), 200)
                .at("/preset/description").asText()).isEqualTo("checked");
    }

    @Test
    void myDefaultAndTheOverrideShowInTheResolvedCascade() {
        String preset = create(bob, "bob-choice", false);
        JsonNode chosen = ok(server.send("PUT", "/api/v1/presets/" + preset + "/default", bob, null), 200).get("preset");
        assertThat(chosen.get("isMyDefault").asBoolean()).isTrue();
        JsonNode resolved = ok(server.send("GET", "/api/v1/settings/resolved?personality=guide", bob, null), 200);
        assertThat(resolved.get("model").toString()).contains("\"key\":\"model\",\"value\":\"vendor/model-a\",\"source\":\"user-default\"");
        ok(server.send("PUT", "/api/v1/personalities/guide/preset", bob, "{\"presetId\":\"" + preset + "\"}"), 200);
        resolved = ok(server.send("GET", "/api/v1/settings/resolved?personality=guide", bob, null), 200);
        assertThat(resolved.get("model").toString()).contains("\"source\":\"user-personality\"");
        assertError(server.send("DELETE", "/api/v1/presets/" + preset, bob, null), 409, "conflict", "id");
        ok(server.send("DELETE", "/api/v1/personalities/guide/preset", bob, null), 204);
        ok(server.send("DELETE", "/api/v1/presets/" + preset + "/default", bob, null), 204);
        resolved = ok(server.send("GET", "/api/v1/settings/resolved?personality=guide", bob, null), 200);
        assertThat(resolved.get("model").toString()).contains("\"source\":\"built-in\"");
    }

    @Test
    void patchKeepsParametersItDoesNotName() {
        String id = create(alice, "alice-params", false);
        JsonNode after = ok(server.send("PATCH", "/api/v1/presets/" + id, alice, "{\"description\":\"d\"}"), 200).get("preset");
        assertThat(after.at("/advancedParameters/temperature").asDouble()).isEqualTo(0.9);
        after = ok(server.send("PATCH", "/api/v1/presets/" + id, alice, "{\"advancedParameters\":{\"top_p\":0.5}}"), 200)
                .get("preset");
        assertThat(after.at("/advancedParameters/top_p").asDouble()).isEqualTo(0.5);
        assertThat(after.at("/advancedParameters/temperature").isMissingNode()).isTrue();
    }

    @Test
    void badInputNamesTheField() {
        assertError(server.send("POST", "/api/v1/presets", alice, "{\"model\":\"a/b\"}"), 400, "bad_request", "name");
        assertError(server.send("POST", "/api/v1/presets", alice, "{\"name\":\"n1\"}"), 400, "bad_request", "model");
        assertError(server.send("POST", "/api/v1/presets", alice, "{\"name\":\"" + "n".repeat(101) + "\",\"model\":\"a/b\"}"),
                400, "bad_request", "name");
        assertError(server.send("POST", "/api/v1/presets", alice, "{\"name\":\"n2\",\"model\":\"a/b\",\"contextWindowTokens\":5}"),
                400, "bad_request", "contextWindowTokens");
        assertError(server.send("POST", "/api/v1/presets", alice,
                "{\"name\":\"n3\",\"model\":\"a/b\",\"advancedParameters\":{\"temperature\":7}}"),
                400, "bad_request", "advancedParameters");
        assertError(server.send("POST", "/api/v1/presets", alice,
                "{\"name\":\"n4\",\"model\":\"a/b\",\"advancedParameters\":{\"temprature\":1}}"),
                400, "bad_request", "temprature");
        assertError(server.send("GET", "/api/v1/presets/123e4567-e89b-12d3-a456-426614174000", alice, null),
                404, "not_found", null);
        create(alice, "dup-name", false);
        assertError(server.send("POST", "/api/v1/presets", bob, "{\"name\":\"dup-name\",\"model\":\"a/b\"}"),
                409, "conflict", "name");
    }
}
