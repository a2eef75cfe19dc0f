package io.tzurot.web.api;

import static io.tzurot.web.api.AccessApiTest.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.web.testing.TestServer;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Bad requests get 400 naming the field and what is expected; oversize bodies 413; unknown things 404. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BadInputTest {

    private TestServer server;
    private String token;

    @BeforeAll
    void start() {
        server = new TestServer();
        token = server.token("400000000000000001", false);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void malformedJsonSaysWhere() {
        HttpResponse<String> r = server.postJson("/api/v1/tokens", token, "{\"label\": ");
        assertError(r, 400, "bad_request", null);
        assertThat(r.body()).contains("not valid JSON").contains("line 1");
    }

    @Test
    void aJsonArrayOrEmptyBodyIsNotAnObject() {
        assertThat(server.postJson("/api/v1/tokens", token, "[1]").body()).contains("got an array");
        assertError(server.postJson("/api/v1/tokens", token, ""), 400, "bad_request", null);
    }

    @Test
    void theWrongContentTypeIsRefused() {
        HttpResponse<String> r = server.send("POST", "/api/v1/tokens", token, "text/plain", "{\"label\":\"x\"}");
        assertError(r, 400, "bad_request", null);
        assertThat(r.body()).contains("application/json");
    }

    @Test
    void missingBlankOrTooLongLabelsNameTheField() {
        assertError(server.postJson("/api/v1/tokens", token, "{}"), 400, "bad_request", "label");
        assertError(server.postJson("/api/v1/tokens", token, "{\"label\":\"   \"}"), 400, "bad_request", "label");
        HttpResponse<String> tooLong = server.postJson("/api/v1/tokens", token, "{\"label\":\"" + "x".repeat(101) + "\"}");
        assertError(tooLong, 400, "bad_request", "label");
        assertThat(tooLong.body()).contains("at most 100");
    }

    @Test
    void wrongTypesAndUnknownFieldsNameTheField() {
        assertError(server.postJson("/api/v1/tokens", token, "{\"label\":5}"), 400, "bad_request", "label");
        assertError(server.postJson("/api/v1/tokens", token, "{\"label\":\"x\",\"owner\":\"yes\"}"), 400, "bad_request", "owner");
        assertError(server.postJson("/api/v1/tokens", token, "{\"label\":\"x\",\"lable\":\"y\"}"), 400, "bad_request", "lable");
        assertError(server.get("/api/v1/tokens?all=maybe", token), 400, "bad_request", "all");
    }

    @Test
    void idsMustBeUuidsAndUnknownOnesAre404() {
        assertError(server.send("DELETE", "/api/v1/tokens/not-a-uuid", token, null, null), 400, "bad_request", "id");
        assertError(server.send("DELETE", "/api/v1/tokens/123e4567-e89b-12d3-a456-426614174000", token, null, null),
                404, "not_found", null);
    }

    @Test
    void bodiesOverTheJsonLimitAre413() {
        String big = "{\"label\":\"" + "x".repeat(1024 * 1024 + 10) + "\"}";
        assertError(server.postJson("/api/v1/tokens", token, big), 413, "payload_too_large", null);
    }

    @Test
    void unknownApiRoutesAre404InTheErrorShape() {
        assertError(server.get("/api/v1/nothing-here", token), 404, "not_found", null);
    }

    @Test
    void nothingIsHalfWrittenWhenARequestFails() {
        int before = server.services.tokens().listOwn(server.services.authenticating().byBearerToken(token).orElseThrow()).size();
        server.postJson("/api/v1/tokens", token, "{\"label\":\"x\",\"owner\":true}");
        server.postJson("/api/v1/tokens", token, "{\"label\":\"" + "x".repeat(101) + "\"}");
        int after = server.services.tokens().listOwn(server.services.authenticating().byBearerToken(token).orElseThrow()).size();
        assertThat(after).isEqualTo(before);
    }
}
