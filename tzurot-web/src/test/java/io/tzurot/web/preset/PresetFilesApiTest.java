package io.tzurot.web.preset;

import static io.tzurot.web.testing.ApiAssertions.assertError;
import static io.tzurot.web.testing.ApiAssertions.json;
import static io.tzurot.web.testing.ApiAssertions.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tzurot.web.testing.ManagementTestServer;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Preset files: the reference's JSON out and in, SillyTavern presets in, bad files refused without a row. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class PresetFilesApiTest {

    private ManagementTestServer server;
    private String alice;
    private String bob;

    @BeforeAll
    void start() {
        server = new ManagementTestServer();
        alice = server.token("200000000000000041", false);
        bob = server.token("300000000000000041", false);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private int presetCount(String bearer) {
        return ok(server.send("GET", "/api/v1/presets", bearer, null), 200).get("presets").size();
    }

    @Test
    void exportThenImportUnderANewNameGivesTheSamePreset() {
        String id = ok(server.send("POST", "/api/v1/presets", alice, "{\"name\":\"Warm Tone\",\"model\":\"vendor/model-a\","
                + "\"description\":\"cosy\",\"contextWindowTokens\":64000,"
                + "\"advancedParameters\":{\"temperature\":0.9,\"top_k\":40,\"max_tokens\":900}}"), 201).at("/preset/id").asText();
        HttpResponse<String> file = server.send("GET", "/api/v1/presets/" + id + "/export", alice, null);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Disposition").orElseThrow()).contains("warm-tone.json");
        assertThat(file.body()).startsWith("{\n  \"name\" : \"Warm Tone\"");
        JsonNode exported = json(file);
        assertThat(exported.get("advancedParameters").toString()).isEqualTo("{\"temperature\":0.9,\"top_k\":40,\"max_tokens\":900}");

        // the same name is taken: a clear conflict, and nothing is created
        int before = presetCount(alice);
        assertError(server.send("POST", "/api/v1/presets/import", alice, file.body()), 409, "conflict", "name");
        assertThat(presetCount(alice)).isEqualTo(before);

        JsonNode imported = ok(server.send("POST", "/api/v1/presets/import?name=Warm%20Copy", alice, file.body()), 201);
        assertThat(imported.get("format").asText()).isEqualTo("tzurot");
        assertThat(imported.get("ignored")).isEmpty();
        JsonNode p = imported.get("preset");
        assertThat(p.get("name").asText()).isEqualTo("Warm Copy");
        assertThat(p.get("model").asText()).isEqualTo("vendor/model-a");
        assertThat(p.get("description").asText()).isEqualTo("cosy");
        assertThat(p.get("contextWindowTokens").asInt()).isEqualTo(64000);
        assertThat(p.get("isGlobal").asBoolean()).isFalse();
        assertThat(p.get("advancedParameters")).isEqualTo(exported.get("advancedParameters"));
    }

    @Test
    void onlyTheCreatorExports() {
        String id = ok(server.send("POST", "/api/v1/presets", alice, "{\"name\":\"Secret\",\"model\":\"v/m\"}"), 201)
                .at("/preset/id").asText();
        assertError(server.send("GET", "/api/v1/presets/" + id + "/export", bob, null), 404, "not_found", null);
        assertError(server.send("GET", "/api/v1/presets/not-a-uuid/export", alice, null), 400, "bad_request", "id");
        assertError(server.send("GET", "/api/v1/presets/template", null, null), 401, "unauthenticated", null);
    }

    @Test
    void templateImportsAfterRenaming() {
        HttpResponse<String> template = server.send("GET", "/api/v1/presets/template", bob, null);
        assertThat(template.statusCode()).isEqualTo(200);
        JsonNode t = json(template);
        assertThat(t.get("model").asText()).contains("/");
        JsonNode imported = ok(server.send("POST", "/api/v1/presets/import?name=From%20Template", bob, template.body()), 201);
        assertThat(imported.at("/preset/advancedParameters/temperature").asDouble()).isEqualTo(0.7);
    }

    @Test
    void sillyTavernPresetImportsAndSaysWhatWasIgnored() {
        String st = "{\"chat_completion_source\":\"openrouter\",\"openrouter_model\":\"mistralai/mistral-large\","
                + "\"temperature\":1.2,\"top_p\":0.9,\"top_k\":50,\"min_p\":0.1,\"frequency_penalty\":0.3,"
                + "\"presence_penalty\":0.4,\"repetition_penalty\":1.05,\"openai_max_tokens\":700,"
                + "\"openai_max_context\":24000,\"reasoning_effort\":\"low\",\"stop\":[\"</s>\"],"
                + "\"prompts\":[{\"identifier\":\"main\"}],\"impersonation_prompt\":\"x\",\"bias_preset_selected\":\"Default\"}";
        JsonNode imported = ok(server.send("POST", "/api/v1/presets/import?name=ST%20Large", alice, st), 201);
        assertThat(imported.get("format").asText()).isEqualTo("sillytavern");
        assertThat(imported.get("ignored").toString())
                .isEqualTo("[\"bias_preset_selected\",\"impersonation_prompt\",\"prompts\"]");
        JsonNode p = imported.get("preset");
        assertThat(p.get("model").asText()).isEqualTo("mistralai/mistral-large");
        assertThat(p.get("contextWindowTokens").asInt()).isEqualTo(24000);
        assertThat(p.get("advancedParameters").toString()).isEqualTo("{\"temperature\":1.2,\"top_p\":0.9,\"top_k\":50,"
                + "\"frequency_penalty\":0.3,\"presence_penalty\":0.4,\"repetition_penalty\":1.05,\"min_p\":0.1,"
                + "\"max_tokens\":700,\"stop\":[\"</s>\"]}");
        // the reasoning effort is kept (not in the API's view, but in the export)
        String id = p.get("id").asText();
        assertThat(json(server.send("GET", "/api/v1/presets/" + id + "/export", alice, null))
                .at("/advancedParameters/reasoning/effort").asText()).isEqualTo("low");
    }

    @Test
    void badFilesAreRefusedClearlyAndSaveNothing() {
        int before = presetCount(bob);
        assertError(server.send("POST", "/api/v1/presets/import", bob, "{\"temperature\":0.5}"), 400, "bad_request", "file");
        assertError(server.send("POST", "/api/v1/presets/import", bob, "[1,2]"), 400, "bad_request", "file");
        HttpResponse<String> empty = server.send("POST", "/api/v1/presets/import", bob, "application/json", "");
        assertError(empty, 400, "bad_request", "file");
        assertThat(empty.body()).contains("preset file is empty");
        assertThat(server.send("POST", "/api/v1/presets/import", bob, "{\"name\":").body())
                .contains("The preset file is not valid JSON");
        assertError(server.send("POST", "/api/v1/presets/import", bob, "{\"name\":\"x\",\"model\":\"gpt4\"}"), 400,
                "bad_request", "model");
        assertError(server.send("POST", "/api/v1/presets/import", bob, "{\"name\":\"x\",\"model\":\"a/b\","
                + "\"advancedParameters\":{\"temperature\":\"hot\"}}"), 400, "bad_request", "advancedParameters.temperature");
        assertError(server.send("POST", "/api/v1/presets/import", bob, "{\"openrouter_model\":\"a/b\","
                + "\"openai_max_tokens\":300}"), 400, "bad_request", "name");
        assertError(server.send("POST", "/api/v1/presets/import?name=y", bob, "{\"openrouter_model\":\"a/b\","
                + "\"temperature\":9}"), 400, "bad_request", "advancedParameters");
        assertError(server.send("POST", "/api/v1/presets/import", bob, "text/plain", "name=x"), 400, "bad_request",
                "file");
        // a form without a boundary, and the field sent as text: each says what is wrong with the form
        HttpResponse<String> noBoundary = server.send("POST", "/api/v1/presets/import", bob, "multipart/form-data", "--x--");
        assertError(noBoundary, 400, "bad_request", "file");
        assertThat(noBoundary.body()).contains("no boundary");
        HttpResponse<String> asText = server.send("POST", "/api/v1/presets/import", bob, "multipart/form-data; boundary=b",
                "--b\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\n{\"name\":\"t\",\"model\":\"a/b\"}\r\n--b--\r\n");
        assertError(asText, 400, "bad_request", "file");
        assertThat(asText.body()).contains("holds text, not a file");
        String huge = "{\"name\":\"x\",\"model\":\"a/b\",\"description\":\"" + "d".repeat(PresetFilesApi.MAX_FILE_BYTES) + "\"}";
        HttpResponse<String> tooBig = server.send("POST", "/api/v1/presets/import", bob, huge);
        assertThat(tooBig.statusCode()).isEqualTo(413);
        assertThat(presetCount(bob)).isEqualTo(before);
    }
}
