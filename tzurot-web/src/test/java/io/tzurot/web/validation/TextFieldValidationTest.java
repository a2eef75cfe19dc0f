package io.tzurot.web.validation;

import static io.tzurot.web.testing.ApiAssertions.assertError;
import static io.tzurot.web.testing.ApiAssertions.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.tzurot.web.testing.ManagementTestServer;
import java.util.LinkedHashMap;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * One text rule for the names and texts of characters, personas and presets (issue 11, low findings): NFC,
 * no control or direction-override characters, no invisible-only text, lengths in code points, the field
 * always named; and model ids checked against the provider/model[:tag] shape.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class TextFieldValidationTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String EMOJI = "\uD83D\uDE00";

    private ManagementTestServer server;
    private String alice;
    private int counter;

    @BeforeAll
    void start() {
        server = new ManagementTestServer();
        alice = server.token("200000000000000071", false);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private String body(Map<String, Object> values) {
        try {
            return JSON.writeValueAsString(values);
        } catch (Exception e) {
            throw new IllegalStateException(e);
        }
    }

    private java.net.http.HttpResponse<String> character(String field, String value) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("name", "Valid name");
        v.put("slug", "text-rule-" + (++counter));
        v.put("characterInfo", "A test character.");
        v.put("personalityTraits", "Curious");
        v.put(field, value);
        return server.send("POST", "/api/v1/personalities", alice, body(v));
    }

    private java.net.http.HttpResponse<String> persona(String field, String value) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("name", "Persona " + (++counter));
        v.put("content", "About me.");
        v.put(field, value);
        return server.send("POST", "/api/v1/personas", alice, body(v));
    }

    private java.net.http.HttpResponse<String> preset(String field, String value) {
        Map<String, Object> v = new LinkedHashMap<>();
        v.put("name", "Preset " + (++counter));
        v.put("model", "anthropic/claude-haiku-4.5");
        v.put(field, value);
        return server.send("POST", "/api/v1/presets", alice, body(v));
    }

    @Test
    void nulInANameIsRefusedNamingTheField() {
        assertError(character("name", "Ada\u0000"), 400, "bad_request", "name");
        assertError(persona("name", "Ada\u0000"), 400, "bad_request", "name");
        assertError(preset("name", "Fast\u0000"), 400, "bad_request", "name");
        assertError(character("characterInfo", "line one\u0000"), 400, "bad_request", "characterInfo");
    }

    @Test
    void directionOverridesAreRefused() {
        assertError(character("name", "gpj.\u202Eexe"), 400, "bad_request", "name");
        assertError(persona("pronouns", "she\u202Eher"), 400, "bad_request", "pronouns");
        assertError(preset("description", "\u202Edesc"), 400, "bad_request", "description");
    }

    @Test
    void invisibleOnlyTextIsRefused() {
        assertError(character("name", "\u200B\u200B"), 400, "bad_request", "name");
        assertError(character("displayName", "\u200B"), 400, "bad_request", "displayName");
        assertError(persona("name", "\u2060\u200D"), 400, "bad_request", "name");
        assertError(preset("name", "\u200B"), 400, "bad_request", "name");
    }

    @Test
    void lengthsAreCountedInCodePointsAndTheFieldIsNamed() {
        String name = EMOJI.repeat(255);
        assertThat(ok(character("name", name), 201).get("personality").get("name").asText()).isEqualTo(name);
        assertError(character("name", name + EMOJI), 400, "bad_request", "name");
        assertThat(ok(persona("preferredName", EMOJI.repeat(255)), 201).get("persona").get("preferredName").asText())
                .isEqualTo(EMOJI.repeat(255));
        assertThat(ok(preset("name", EMOJI.repeat(100)), 201).get("preset").get("name").asText())
                .isEqualTo(EMOJI.repeat(100));
        assertError(preset("name", EMOJI.repeat(101)), 400, "bad_request", "name");
    }

    @Test
    void namesAreStoredInNfc() {
        assertThat(ok(character("name", "Rene\u0301e"), 201).get("personality").get("name").asText())
                .isEqualTo("Ren\u00e9e");
    }

    @Test
    void modelIdsMustLookLikeModelIds() {
        assertError(preset("model", "../../../etc/passwd"), 400, "bad_request", "model");
        assertError(preset("visionModel", "../../secret"), 400, "bad_request", "visionModel");
        assertError(preset("model", "model name with spaces"), 400, "bad_request", "model");
        ok(preset("model", "meta-llama/llama-3.1-8b-instruct:free"), 201);
        ok(preset("model", "qwen2.5:7b"), 201);
        ok(preset("visionModel", "google/gemini-2.5-flash"), 201);
    }

    @Test
    void aPatchIsCheckedByTheSameRule() {
        String slug = ok(character("tone", "calm"), 201).get("personality").get("slug").asText();
        assertError(server.send("PATCH", "/api/v1/personalities/" + slug, alice, "{\"tone\":\"a\\u202Eb\"}"),
                400, "bad_request", "tone");
        String presetId = ok(preset("description", "fine"), 201).get("preset").get("id").asText();
        assertError(server.send("PATCH", "/api/v1/presets/" + presetId, alice, "{\"model\":\"../../etc/passwd\"}"),
                400, "bad_request", "model");
    }
}
