package io.tzurot.web.preset;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tzurot.core.preset.Preset;
import io.tzurot.web.testing.ManagementTestServer;
import io.tzurot.web.testing.TestServer;
import java.net.http.HttpResponse;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** Console → Presets edit form over HTTP: every field the API takes, refusals next to their field, the API's permissions. */
class PresetConsoleTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALICE = "200000000000000002";
    private static final String BOB = "300000000000000003";

    private ManagementTestServer server;
    private String alice;
    private UUID presetId;

    @BeforeEach
    void start() throws Exception {
        server = new ManagementTestServer();
        alice = server.token(ALICE, false);
        HttpResponse<String> created = server.send("POST", "/api/v1/presets", alice, "{\"name\":\"Mine\",\"model\":\"a/b\","
                + "\"advancedParameters\":{\"temperature\":0.7,\"stop\":[\"END\"]}}");
        assertThat(created.statusCode()).isEqualTo(201);
        presetId = UUID.fromString(JSON.readTree(created.body()).at("/preset/id").asText());
    }

    @AfterEach
    void stop() {
        server.close();
    }

    private HttpResponse<String> post(String token, String... pairs) {
        return server.htmxForm("/console/presets/" + presetId, token, pairs);
    }

    @Test
    void theEditPageShowsEveryFieldFilledIn() {
        HttpResponse<String> page = server.get("/console/presets/" + presetId, alice);
        assertThat(page.statusCode()).isEqualTo(200);
        assertThat(page.body()).contains("id=\"preset-edit-name\"").contains("value=\"Mine\"")
                .contains("name=\"advancedParameters.temperature\"").contains("value=\"0.7\"")
                .contains("name=\"advancedParameters.top_k\"").contains("name=\"visionModel\"")
                .contains("name=\"contextWindowTokens\"").contains(">END</textarea>")
                // only the bot owner chooses global
                .doesNotContain("name=\"isGlobal\"");
        assertThat(server.get("/console/presets", alice).body()).contains("href=\"/console/presets/" + presetId + "\"");
    }

    @Test
    void savingChangesEveryFieldTheFormSends() throws Exception {
        HttpResponse<String> saved = post(alice, "name", "Mine v2", "model", "x/y", "description", "for tests",
                "visionModel", "v/w", "provider", "openrouter", "contextWindowTokens", "64000",
                "advancedParameters.temperature", "1.1", "advancedParameters.top_k", "40", "advancedParameters.seed", "7",
                "advancedParameters.stop", "STOP\n\n###\n", "advancedParameters.show_thinking", "true");
        assertThat(saved.statusCode()).isEqualTo(200);
        assertThat(saved.headers().firstValue("HX-Redirect")).contains("/console/presets");

        JsonNode p = JSON.readTree(server.get("/api/v1/presets/" + presetId, alice).body()).get("preset");
        assertThat(p.get("name").asText()).isEqualTo("Mine v2");
        assertThat(p.get("model").asText()).isEqualTo("x/y");
        assertThat(p.get("description").asText()).isEqualTo("for tests");
        assertThat(p.get("visionModel").asText()).isEqualTo("v/w");
        assertThat(p.get("contextWindowTokens").asInt()).isEqualTo(64000);
        JsonNode params = p.get("advancedParameters");
        assertThat(params.get("temperature").asDouble()).isEqualTo(1.1);
        assertThat(params.get("top_k").asInt()).isEqualTo(40);
        assertThat(params.get("seed").asLong()).isEqualTo(7);
        assertThat(params.get("stop").toString()).isEqualTo("[\"STOP\",\"###\"]");
        assertThat(params.get("show_thinking").asBoolean()).isTrue();

        // an emptied box clears its parameter
        post(alice, "name", "Mine v2", "model", "x/y", "description", "", "advancedParameters.temperature", "");
        Preset stored = server.services.presets().findById(presetId).orElseThrow();
        assertThat(stored.advancedParameters().temperature()).isNull();
        assertThat(stored.advancedParameters().topK()).isNull();
        assertThat(stored.description()).isNull();
    }

    @Test
    void aRefusedSaveComesBackWithTheErrorNextToItsFieldAndChangesNothing() {
        HttpResponse<String> wrong = post(alice, "name", "Mine", "model", "a/b", "advancedParameters.top_k", "4.5");
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.headers().firstValue("HX-Retarget")).isEmpty();
        assertThat(wrong.body()).contains("id=\"preset-edit-advancedParameters-top_k-error\"")
                .contains("aria-describedby=\"preset-edit-advancedParameters-top_k-error\"").contains("aria-invalid=\"true\"")
                .contains("must be a whole number").contains("value=\"4.5\"");

        HttpResponse<String> notNumber = post(alice, "name", "Mine", "model", "a/b", "contextWindowTokens", "lots");
        assertThat(notNumber.statusCode()).isEqualTo(400);
        assertThat(notNumber.body()).contains("id=\"preset-edit-contextWindowTokens-error\"").contains("value=\"lots\"");

        HttpResponse<String> noModel = post(alice, "name", "Mine", "model", " ");
        assertThat(noModel.statusCode()).isEqualTo(400);
        assertThat(noModel.body()).contains("id=\"preset-edit-model-error\"").contains("'model' is required");
        assertThat(server.services.presets().findById(presetId).orElseThrow().advancedParameters().temperature()).isEqualTo(0.7);
    }

    @Test
    void onlyTheCreatorOrTheBotOwnerMayEdit() {
        String bob = server.token(BOB, false);
        assertThat(server.get("/console/presets/" + presetId, bob).statusCode()).isEqualTo(404);
        assertThat(post(bob, "name", "Stolen", "model", "a/b").statusCode()).isEqualTo(404);
        String owner = server.token(TestServer.OPERATOR, true);
        assertThat(server.get("/console/presets/" + presetId, owner).body()).contains("name=\"isGlobal\"");
        assertThat(post(owner, "name", "Mine", "model", "a/b", "isGlobal", "true").statusCode()).isEqualTo(200);
        assertThat(server.services.presets().findById(presetId).orElseThrow().isGlobal()).isTrue();
        // without the htmx header the change is refused
        assertThat(server.send("POST", "/console/presets/" + presetId, alice, "application/x-www-form-urlencoded",
                "name=x&model=a%2Fb").statusCode()).isEqualTo(403);
    }
}
