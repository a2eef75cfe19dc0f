package io.tzurot.web.personality;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.testkit.fuzz.Hostile;
import io.tzurot.web.testing.ManagementTestServer;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * Hostile multipart bodies (seeded, bounded) at the console's character form: broken boundaries, cut parts, odd
 * headers and random bytes get a 4xx with a message, or create the character when still well-formed; never a 5xx, a
 * stack trace, or a character half-written (one that exists without the fields the form requires).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class MultipartFuzzTest {

    private static final long SEED = 0x3B17L;
    private static final int ITERATIONS = 300;
    private static final String BOUNDARY = "----tzurot-fuzz-boundary";

    private final HttpClient http = HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(5)).build();
    private ManagementTestServer server;
    private String alice;

    @BeforeAll
    void start() {
        server = new ManagementTestServer();
        alice = server.token("200000000000000077", false);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private static byte[] form(int n) throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (String[] f : new String[][] {{"slug", "fz-" + n}, {"name", "Fuzz " + n}, {"characterInfo", "From fuzz."},
                {"personalityTraits", "odd"}}) {
            body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + f[0] + "\"\r\n\r\n" + f[1]
                    + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"avatar\"; filename=\"a.png\"\r\n"
                + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        body.writeBytes(PersonalityApiTest.png(20, 20));
        body.writeBytes(("\r\n--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return body.toByteArray();
    }

    @Test
    void hostileMultipartBodiesAreRefusedWithAMessageOrStoredWhole() throws Exception {
        Hostile hostile = new Hostile(SEED);
        for (int i = 0; i < ITERATIONS; i++) {
            byte[] body = hostile.random().nextInt(6) == 0 ? hostile.string(3000).getBytes(StandardCharsets.UTF_8)
                    : hostile.mutate(form(i));
            String contentType = hostile.random().nextInt(8) == 0 ? "multipart/form-data; boundary=" + hostile.string(80)
                    : "multipart/form-data; boundary=" + BOUNDARY;
            String where = "#" + i + " (seed " + SEED + ")";
            HttpRequest.Builder b;
            try {
                b = HttpRequest.newBuilder(URI.create(server.base() + "/console/characters")).timeout(Duration.ofSeconds(30))
                        .header("Content-Type", contentType);
            } catch (IllegalArgumentException e) {
                continue; // a header value the client itself refuses to send
            }
            HttpResponse<String> r = http.send(b.header("Authorization", "Bearer " + alice).header("HX-Request", "true")
                    .POST(HttpRequest.BodyPublishers.ofByteArray(body)).build(), HttpResponse.BodyHandlers.ofString());
            assertThat(r.statusCode()).as(where + ": " + r.body()).isBetween(200, 499);
            assertThat(r.body()).as(where).doesNotContain("Exception").doesNotContain("\tat ");
            if (r.statusCode() >= 400) {
                assertThat(r.body()).as(where).isNotBlank();
            }
            HttpResponse<String> made = server.send("GET", "/api/v1/personalities/fz-" + i, alice, null);
            if (made.statusCode() == 200) {
                assertThat(made.body()).as(where + ": a character stored without its fields").contains("\"name\"");
            }
        }
    }
}
