package io.tzurot.web.http;

import static io.tzurot.web.testing.ApiAssertions.assertError;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tzurot.testkit.http.StreamingUpload;
import io.tzurot.testkit.http.StreamingUpload.Answer;
import io.tzurot.web.testing.TestServer;
import java.net.http.HttpResponse;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The probe's low findings: caching of secrets, the page policy, Jetty's own errors, duplicate keys. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HardeningTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private TestServer server;
    private String token;

    @BeforeAll
    void start() {
        server = new TestServer();
        token = server.token("400000000000000099", false);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private Answer raw(String path, Map<String, String> headers) throws Exception {
        return StreamingUpload.withLength("127.0.0.1", server.server.port(), "GET", path, headers, new byte[0], 0);
    }

    private static void assertJsonError(Answer a, int status, String error) throws Exception {
        assertThat(a.status()).as(a.body()).isEqualTo(status);
        assertThat(a.header("Content-Type")).startsWith("application/json");
        JsonNode body = JSON.readTree(a.body());
        assertThat(body.path("error").asText()).isEqualTo(error);
        assertThat(body.path("message").asText()).isNotBlank();
        assertThat(body.has("field")).isTrue();
        assertThat(a.body()).doesNotContain("<html", "<h2>", "jetty");
    }

    @Test
    void aNewTokensSecretIsNeverCached() {
        HttpResponse<String> created = server.postJson("/api/v1/tokens", token, "{\"label\":\"no cache\"}");
        assertThat(created.statusCode()).isEqualTo(201);
        assertThat(created.headers().firstValue("Cache-Control")).contains("no-store");
        // and nothing else under the API is stored by caches either
        assertThat(server.get("/api/v1/me", token).headers().firstValue("Cache-Control")).contains("no-store");
    }

    @Test
    void everyResponseCarriesTheFullPagePolicy() {
        for (HttpResponse<String> r : java.util.List.of(server.get("/console", null), server.get("/api/v1/me", token),
                server.get("/console/assets/console.css", null))) {
            String csp = r.headers().firstValue("Content-Security-Policy").orElse("");
            assertThat(csp).contains("default-src 'self'", "script-src 'self'", "object-src 'none'", "base-uri 'none'",
                    "frame-ancestors 'none'").doesNotContain("unsafe-inline", "unsafe-eval");
            assertThat(r.headers().firstValue("X-Frame-Options")).contains("DENY");
        }
    }

    @Test
    void consolePagesHaveNoInlineScriptOrHandler() {
        String page = server.get("/console", token).body();
        assertThat(page).doesNotContainPattern("<script(?![^>]*\\bsrc=)").doesNotContainPattern("\\son[a-z]+=")
                .doesNotContain("hx-on");
        assertThat(server.get("/console/assets/console.js", null).statusCode()).isEqualTo(200);
    }

    @Test
    void jettysOwnRefusalsUnderTheApiAreJson() throws Exception {
        assertJsonError(raw("/api/v1/me?x=" + "a".repeat(20_000), Map.of()), 414, "uri_too_long");
        assertJsonError(raw("/api/v1/me", Map.of("X-Big", "b".repeat(20_000))), 431, "headers_too_large");
        assertJsonError(raw("/api/v1/%zz", Map.of()), 400, "bad_request");
    }

    @Test
    void duplicateJsonKeysAreRefusedNamingTheField() {
        HttpResponse<String> r = server.postJson("/api/v1/tokens", token, "{\"label\":\"first\",\"label\":\"second\"}");
        assertError(r, 400, "bad_request", "label");
        assertThat(r.body()).contains("more than once");
        HttpResponse<String> nested = server.postJson("/api/v1/tokens", token, "{\"label\":\"x\",\"owner\":false,\"owner\":true}");
        assertError(nested, 400, "bad_request", "owner");
    }
}
