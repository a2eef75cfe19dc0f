package io.tzurot.web.http;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tzurot.testkit.http.StreamingUpload;
import io.tzurot.testkit.http.StreamingUpload.Answer;
import io.tzurot.web.testing.ManagementTestServer;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Every route's body limit holds while the body streams in: chunked bodies just over and far over each limit
 * are refused with a clean 413, and a far-over body is refused long before it has all been sent.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class BodyLimitTest {

    private static final long FAR_OVER = 512L * 1024 * 1024;
    // the server refuses at its limit; what the client has written by then is the limit plus socket buffers
    // The server refuses at the limit and answers while the client is still sending; it then discards what
    // still arrives until it closes. So "answered before the whole body was sent" is the property that holds
    // whatever the machine's load (how far the client got before it noticed the answer depends on scheduling).
    private static final long SENT_BEFORE_REFUSAL_AT_MOST = FAR_OVER;
    private static final String BOUNDARY = "----tzurot-limit-boundary";
    private static final ObjectMapper JSON = new ObjectMapper();

    private ManagementTestServer server;
    private String alice;

    @BeforeAll
    void start() {
        server = new ManagementTestServer();
        alice = server.token("200000000000000077", false);
        assertThat(server.postJson("/api/v1/personalities", alice,
                "{\"slug\":\"limit-face\",\"name\":\"Limit\",\"characterInfo\":\"x\",\"personalityTraits\":\"y\"}")
                .statusCode()).isEqualTo(201);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private Answer chunked(String method, String path, Map<String, String> headers, byte[] prefix, long total) throws Exception {
        return StreamingUpload.chunked("127.0.0.1", server.server.port(), method, path, headers, prefix, total);
    }

    private Map<String, String> json() {
        return Map.of("Authorization", "Bearer " + alice, "Content-Type", "application/json");
    }

    private static void assertApi413(Answer a, String field) throws Exception {
        assertThat(a.status()).as(a.body()).isEqualTo(413);
        assertThat(a.header("Content-Type")).startsWith("application/json");
        JsonNode body = JSON.readTree(a.body());
        assertThat(body.path("error").asText()).isEqualTo("payload_too_large");
        assertThat(body.path("message").asText()).contains("at most");
        assertThat(body.has("field")).isTrue();
        assertThat(body.path("field").isNull() ? null : body.path("field").asText()).isEqualTo(field);
    }

    @Test
    void aJsonBodyJustUnderTheLimitIsReadAndChecked() throws Exception {
        byte[] prefix = "{\"label\":\"".getBytes(StandardCharsets.UTF_8);
        Answer a = chunked("POST", "/api/v1/tokens", json(), prefix, BodyLimits.JSON_BYTES);
        // the whole body arrived (it is unterminated JSON): a 400 about the JSON, not a 413
        assertThat(a.status()).as(a.body()).isEqualTo(400);
        assertThat(a.body()).contains("not valid JSON");
    }

    @Test
    void aChunkedJsonBodyOneByteOverIsRefused() throws Exception {
        assertApi413(chunked("POST", "/api/v1/tokens", json(), "{\"label\":\"".getBytes(StandardCharsets.UTF_8),
                BodyLimits.JSON_BYTES + 1), null);
    }

    @Test
    void aChunkedJsonBodyFarOverIsRefusedEarly() throws Exception {
        Answer a = chunked("POST", "/api/v1/tokens", json(), "{\"label\":\"".getBytes(StandardCharsets.UTF_8), FAR_OVER);
        assertApi413(a, null);
        assertThat(a.bytesSent()).isLessThan(SENT_BEFORE_REFUSAL_AT_MOST);
    }

    @Test
    void aDeclaredLengthOverTheLimitIsRefusedBeforeTheBody() throws Exception {
        Answer a = StreamingUpload.withLength("127.0.0.1", server.server.port(), "POST", "/api/v1/tokens", json(),
                new byte[0], FAR_OVER);
        assertApi413(a, null);
        assertThat(a.bytesSent()).isLessThan(SENT_BEFORE_REFUSAL_AT_MOST);
    }

    @Test
    void avatarUploadsJustOverAndFarOverAreRefused() throws Exception {
        Map<String, String> headers = Map.of("Authorization", "Bearer " + alice, "Content-Type", "image/png");
        byte[] png = {(byte) 0x89, 'P', 'N', 'G', 0x0D, 0x0A, 0x1A, 0x0A};
        assertApi413(chunked("PUT", "/api/v1/personalities/limit-face/avatar", headers, png, BodyLimits.AVATAR_BYTES + 1),
                "avatar");
        Answer far = chunked("PUT", "/api/v1/personalities/limit-face/avatar", headers, png, FAR_OVER);
        assertApi413(far, "avatar");
        assertThat(far.bytesSent()).isLessThan(SENT_BEFORE_REFUSAL_AT_MOST);
    }

    @Test
    void multipartFormsJustOverAndFarOverAreRefused() throws Exception {
        Map<String, String> headers = Map.of("Authorization", "Bearer " + alice, "HX-Request", "true",
                "Content-Type", "multipart/form-data; boundary=" + BOUNDARY);
        byte[] prefix = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"slug\"\r\n\r\nlimit-form\r\n--" + BOUNDARY
                + "\r\nContent-Disposition: form-data; name=\"avatar\"; filename=\"a.png\"\r\nContent-Type: image/png\r\n\r\n")
                .getBytes(StandardCharsets.UTF_8);
        // one file over the per-file limit: the file is named as what is too large, not the whole request
        for (long total : new long[] {BodyLimits.MULTIPART_BYTES + 1, FAR_OVER}) {
            Answer a = chunked("POST", "/console/characters", headers, prefix, total);
            assertThat(a.status()).as(a.body()).isEqualTo(413);
            assertThat(a.body()).contains("at most " + BodyLimits.AVATAR_BYTES + " bytes").contains("per file");
            assertThat(a.bytesSent()).isLessThan(SENT_BEFORE_REFUSAL_AT_MOST);
        }
        // parts each within that limit that together pass the request limit
        byte[] bigField = ("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"characterInfo\"\r\n\r\n"
                + "i".repeat(5 * 1024 * 1024) + "\r\n").getBytes(StandardCharsets.UTF_8);
        byte[] twoParts = java.util.Arrays.copyOf(bigField, bigField.length + prefix.length);
        System.arraycopy(prefix, 0, twoParts, bigField.length, prefix.length);
        Answer a = chunked("POST", "/console/characters", headers, twoParts, BodyLimits.MULTIPART_BYTES + 1);
        assertThat(a.status()).as(a.body()).isEqualTo(413);
        assertThat(a.body()).contains("at most " + BodyLimits.MULTIPART_BYTES + " bytes").doesNotContain("per file");
        assertThat(server.get("/api/v1/personalities/limit-form", alice).statusCode()).isEqualTo(404);
    }

    @Test
    void consoleFormsJustOverAndFarOverAreRefused() throws Exception {
        Map<String, String> headers = Map.of("Authorization", "Bearer " + alice, "HX-Request", "true",
                "Content-Type", "application/x-www-form-urlencoded");
        byte[] prefix = "label=".getBytes(StandardCharsets.UTF_8);
        for (long total : new long[] {BodyLimits.JSON_BYTES + 1, FAR_OVER}) {
            Answer a = chunked("POST", "/console/settings/tokens", headers, prefix, total);
            assertThat(a.status()).as(a.body()).isEqualTo(413);
            assertThat(a.body()).contains("at most " + BodyLimits.JSON_BYTES + " bytes");
            assertThat(a.bytesSent()).isLessThan(SENT_BEFORE_REFUSAL_AT_MOST);
        }
    }
}
