package io.tzurot.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tzurot.testkit.logs.SecretLogScan;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** The keyword test route tells which entries fire and why; bad input is refused naming the field. */
@ExtendWith(SecretLogScan.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class LoreApiTest {

    @TempDir
    static Path dir;

    private ApiApp app;
    private String token;
    private String book;

    @BeforeAll
    void start() {
        app = new ApiApp(dir);
        token = app.token("200000000000000077", false);
        String world = "{\"entries\":{\"0\":{\"uid\":0,\"key\":[\"moon\"],\"content\":\"The moon hums.\",\"comment\":"
                + "\"Moon\",\"order\":100,\"position\":0},\"1\":{\"uid\":1,\"key\":[],\"content\":\"@@depth 2\\nAlways"
                + " here.\",\"constant\":true,\"order\":50,\"position\":1},\"2\":{\"uid\":2,\"key\":[\"sun\"],\"content\":"
                + "\"Hot.\",\"order\":10,\"position\":1}}}";
        byte[] body = PortabilityFixtures.multipart("moon.json", "application/json", world.getBytes(StandardCharsets.UTF_8));
        book = PortabilityFixtures.ok(app.callBytes("POST", "/api/v1/lorebooks/import", token,
                PortabilityFixtures.MULTIPART, body)).get("id").asText();
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void firedEntriesComeWithTheirReasonsPlacementAndCost() {
        JsonNode result = PortabilityFixtures.ok(app.call("POST", "/api/v1/lorebooks/" + book + "/test", token,
                "{\"text\":\"The moon rises.\",\"contextWindow\":4000}"));
        assertThat(result.get("budget").asInt()).isEqualTo(1000);
        assertThat(result.get("overflowed").asBoolean()).isFalse();
        JsonNode fired = result.get("fired");
        assertThat(fired).hasSize(2);
        assertThat(fired.get(0).get("reason").asText()).isEqualTo("constant");
        assertThat(fired.get(0).get("position").asText()).isEqualTo("at_depth");
        assertThat(fired.get(0).get("depth").asInt()).isEqualTo(2);
        assertThat(fired.get(0).get("content").asText()).isEqualTo("Always here.");
        assertThat(fired.get(1).get("reason").asText()).isEqualTo("key");
        assertThat(fired.get(1).get("matchedKey").asText()).isEqualTo("moon");
        assertThat(fired.get(1).get("comment").asText()).isEqualTo("Moon");
        assertThat(fired.get(1).get("position").asText()).isEqualTo("before_character");
        assertThat(fired.get(1).get("tokens").asInt()).isPositive();
    }

    @Test
    void badInputIsRefusedNamingTheField() {
        HttpResponse<String> empty = app.call("POST", "/api/v1/lorebooks/" + book + "/test", token, "{\"text\":\"  \"}");
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(ApiApp.json(empty).get("field").asText()).isEqualTo("text");
        HttpResponse<String> window = app.call("POST", "/api/v1/lorebooks/" + book + "/test", token,
                "{\"text\":\"moon\",\"contextWindow\":0}");
        assertThat(window.statusCode()).isEqualTo(400);
        assertThat(ApiApp.json(window).get("field").asText()).isEqualTo("contextWindow");
        HttpResponse<String> unknown = app.call("POST", "/api/v1/lorebooks/" + book + "/test", token,
                "{\"text\":\"moon\",\"mode\":\"x\"}");
        assertThat(unknown.statusCode()).isEqualTo(400);
    }
}
