package io.tzurot.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tzurot.testkit.fuzz.Hostile;
import io.tzurot.testkit.logs.SecretLogScan;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.util.ArrayList;
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
 * and random text; and hostile multipart requests at every upload route. Each answer is a status the document lists
 * for the operation, never a 5xx the caller cannot act on, and every error is {@code {error, message}} JSON without a
 * stack trace.
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
                if (ref.isEmpty()) {
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
                    // as whoever owns what the call touches (for an erasure, a throw-away user of its own)
                    HttpResponse<String> r = app.call(method, call.path(), call.ownerToken(), body);
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
        assertThat(operations).as("operations with a JSON body").isGreaterThan(17);
    }

    /**
     * Every upload route (the operations the document gives a multipart body, and the preset import, whose file may
     * also come as the field {@code file}) with hostile multipart requests ({@link HostileUploads}): each answer is a
     * status the document lists and never a 5xx; a refusal is {@code {error, message}} JSON and leaves the caller's
     * characters, lorebooks and presets as they were, and an upload that is stored is stored whole.
     */
    @Test
    void everyUploadAnswersHostileMultipartAsDocumentedAndSavesNothingHalfWay() {
        JsonNode doc = ApiApp.json(app.call("GET", "/api/v1/openapi.json", null, null));
        List<String> uploads = new ArrayList<>();
        doc.get("paths").fields().forEachRemaining(p -> p.getValue().fields().forEachRemaining(m -> {
            if (m.getValue().path("requestBody").path("content").has("multipart/form-data")) {
                uploads.add(p.getKey());
            }
        }));
        assertThat(uploads).as("multipart operations of the document").containsExactlyInAnyOrder(
                "/api/v1/personalities/import", "/api/v1/personalities/import/preview", "/api/v1/lorebooks/import");
        uploads.add("/api/v1/presets/import");
        String slug = PortabilityFixtures.ok(app.call("POST", "/api/v1/personalities", owner, "{\"name\":\"Target\","
                + "\"slug\":\"fuzz-target\",\"characterInfo\":\"Books go here.\",\"personalityTraits\":\"calm\"}"))
                .get("personality").get("slug").asText();
        Hostile hostile = new Hostile(SEED + 1);
        int requests = 0;
        Map<String, Integer> answers = new java.util.TreeMap<>();
        for (String path : uploads) {
            Set<Integer> documented = new TreeSet<>();
            doc.get("paths").get(path).get("post").get("responses").fieldNames()
                    .forEachRemaining(c -> documented.add(Integer.parseInt(c)));
            List<HostileUploads.Case> cases = switch (path) {
                case "/api/v1/lorebooks/import" -> HostileUploads.of(hostile, MULTIPART_MUTATIONS, "moon.json",
                        bytes(PortabilityFixtures.worldInfo()), "attachTo", slug);
                case "/api/v1/presets/import" -> HostileUploads.of(hostile, MULTIPART_MUTATIONS, "preset.json",
                        bytes(PortabilityFixtures.presetFile(0)));
                default -> HostileUploads.of(hostile, MULTIPART_MUTATIONS, "card.json", bytes(PortabilityFixtures.card("Fuzzed")));
            };
            for (HostileUploads.Case c : cases) {
                requests++;
                String where = "POST " + path + " with " + c.name() + " (seed " + (SEED + 1) + ")";
                Counts before = counts();
                HttpResponse<String> r = app.callBytes("POST", path, owner, c.contentType(), c.body());
                assertThat(documented).as(where + " answered " + r.statusCode() + ": " + abbreviate(r.body()))
                        .contains(r.statusCode());
                assertThat(r.statusCode()).as(where + ": " + abbreviate(r.body())).isLessThan(500);
                assertThat(r.body()).as(where).doesNotContain("Exception").doesNotContain("\tat ");
                if (c.mustFail()) {
                    assertThat(r.statusCode()).as(where + ": " + abbreviate(r.body())).isBetween(400, 499);
                }
                Counts after = counts();
                answers.merge(path + " " + r.statusCode(), 1, Integer::sum);
                if (r.statusCode() >= 400) {
                    JsonNode error = ApiApp.json(r);
                    assertThat(error.path("error").asText("")).as(where + ": " + r.body()).isNotBlank();
                    assertThat(error.path("message").asText("")).as(where + ": " + r.body()).isNotBlank();
                    assertThat(after).as(where + " was refused, yet something was saved").isEqualTo(before);
                } else {
                    assertThat(after).as(where + " answered " + r.statusCode() + ": " + abbreviate(r.body()))
                            .isEqualTo(before.plus(stored(path, ApiApp.json(r))));
                }
            }
        }
        System.out.println("Hostile multipart: " + requests + " requests at " + uploads.size() + " upload routes; answers "
                + answers);
    }

    private static final int MULTIPART_MUTATIONS = 20;

    /** The caller's characters, lorebooks and presets. */
    record Counts(int characters, int lorebooks, int presets) {
        Counts plus(Counts d) {
            return new Counts(characters + d.characters, lorebooks + d.lorebooks, presets + d.presets);
        }
    }

    private Counts counts() {
        return new Counts(PortabilityFixtures.ok(app.call("GET", "/api/v1/personalities", owner, null)).get("personalities").size(),
                PortabilityFixtures.ok(app.call("GET", "/api/v1/lorebooks", owner, null)).get("lorebooks").size(),
                PortabilityFixtures.ok(app.call("GET", "/api/v1/presets", owner, null)).get("presets").size());
    }

    /** What a successful upload to {@code path} adds, read from its answer. */
    private static Counts stored(String path, JsonNode answer) {
        return switch (path) {
            case "/api/v1/personalities/import" -> new Counts(1, answer.get("lorebookEntries").asInt() > 0 ? 1 : 0, 0);
            case "/api/v1/lorebooks/import" -> new Counts(0, 1, 0);
            case "/api/v1/presets/import" -> new Counts(0, 0, 1);
            default -> new Counts(0, 0, 0); // a preview saves nothing
        };
    }

    private static byte[] bytes(String s) {
        return s.getBytes(java.nio.charset.StandardCharsets.UTF_8);
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
