package io.tzurot.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tzurot.testkit.fuzz.Hostile;
import io.tzurot.testkit.logs.SecretLogScan;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Hostile JSON bodies (seeded, bounded) at every {@code /api/v1} operation that takes one, read from the OpenAPI
 * document: mutations of a valid body (cut, flipped, spliced with quotes, braces, control characters, huge numbers)
 * and random text. Each answer is a status the document lists for the operation, never a 5xx the caller cannot act
 * on, and every error is {@code {error, message}} JSON without a stack trace.
 */
@ExtendWith(SecretLogScan.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class HostileJsonBodiesTest {

    private static final long SEED = 0x150BL;
    private static final int ITERATIONS_PER_OPERATION = 30;

    @TempDir
    static Path dir;

    private ApiApp app;
    private MatrixFixtures fixtures;
    private String owner;

    @BeforeAll
    void start() {
        app = new ApiApp(dir);
        owner = app.token("200000000000000055", false);
        fixtures = new MatrixFixtures(app, owner);
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void everyJsonBodyParserAnswersHostileInputAsDocumented() {
        JsonNode doc = ApiApp.json(app.call("GET", "/api/v1/openapi.json", null, null));
        Hostile hostile = new Hostile(SEED);
        int operations = 0;
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> m = methods.next();
                String ref = m.getValue().path("requestBody").path("content").path("application/json").path("schema")
                        .path("$ref").asText("");
                String method = m.getKey().toUpperCase(java.util.Locale.ROOT);
                if (ref.isEmpty() || MatrixFixtures.NOT_YET_COVERED.contains(method + " " + path.getKey())) {
                    continue;
                }
                operations++;
                Set<Integer> documented = new TreeSet<>();
                m.getValue().get("responses").fieldNames().forEachRemaining(c -> documented.add(Integer.parseInt(c)));
                int success = documented.stream().filter(s -> s < 300).findFirst().orElseThrow();
                for (int i = 0; i < ITERATIONS_PER_OPERATION; i++) {
                    MatrixFixtures.Call call = fixtures.prepare(method, path.getKey(), ref.substring(ref.lastIndexOf('/') + 1), success);
                    String body = hostile.random().nextInt(5) == 0 ? hostile.string(500) : hostile.mutate(List.of(call.body()));
                    String where = method + " " + path.getKey() + " #" + i + " (seed " + SEED + ") body " + abbreviate(body);
                    HttpResponse<String> r = app.call(method, call.path(), owner, body);
                    assertThat(documented).as(where + " answered " + r.statusCode() + ": " + abbreviate(r.body()))
                            .contains(r.statusCode());
                    assertThat(r.statusCode()).as(where + ": " + abbreviate(r.body())).isNotIn(500, 503);
                    assertThat(r.body()).as(where).doesNotContain("Exception").doesNotContain("\tat ");
                    if (r.statusCode() >= 400) {
                        JsonNode error = ApiApp.json(r);
                        assertThat(error.path("error").asText("")).as(where + ": " + r.body()).isNotBlank();
                        assertThat(error.path("message").asText("")).as(where + ": " + r.body()).isNotBlank();
                    }
                }
            }
        }
        assertThat(operations).as("operations with a JSON body").isGreaterThan(15);
    }

    private static String abbreviate(String s) {
        StringBuilder b = new StringBuilder();
        s.codePoints().limit(160).forEach(c -> {
            if (c < 0x20 || c > 0x7E) {
                b.append(String.format("\\u%04x", c));
            } else {
                b.appendCodePoint(c);
            }
        });
        return b.append(s.length() > 160 ? "…" : "").toString();
    }
}
