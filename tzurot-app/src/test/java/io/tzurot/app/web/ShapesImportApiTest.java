package io.tzurot.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tzurot.testkit.logs.SecretLogScan;
import io.tzurot.testkit.shapes.FakeShapesServer;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * {@code POST /api/v1/personalities/import-shapes} through the whole product against the fake shapes.inc: fields
 * mapped, memories stored with their dates and found by recall, the cookie never logged or kept, and every failure
 * (refused cookie, malformed cookie, missing shape, shapes.inc down, malformed export file) a clear 4xx/502 that
 * leaves no character behind.
 */
@ExtendWith(SecretLogScan.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ShapesImportApiTest {

    private static final String PATH = "/api/v1/personalities/import-shapes";
    private static final String SHAPE_ID = "5b3c1a52-1111-4000-8000-00000000abcd";
    private static final String SENDER = "0f6c7e12-2222-4000-8000-000000000042";

    @TempDir
    static Path dir;

    private ApiApp app;
    private String alice;

    @BeforeAll
    void start() {
        app = new ApiApp(dir);
        alice = app.token("400000000000000001", false);
        ObjectNode config = FakeShapesServer.config(SHAPE_ID, "lilith-shape", "Lilith");
        config.put("user_prompt", "Lilith keeps a lighthouse on a cold coast.").put("personality_traits", "wry, patient")
                .put("personality_tone", "dry").put("personality_age", "").put("jailbreak", "You are Lilith. Stay in character.")
                .put("error_message", "The lamp flickers.").putObject("shape_settings").put("appearance", "grey coat");
        ObjectNode deleted = FakeShapesServer.memory("m3", SHAPE_ID, "A memory the user deleted.", 1_690_000_000L);
        deleted.put("deleted", true);
        app.shapes.add(new FakeShapesServer.Shape(config, List.of(
                FakeShapesServer.memory("m1", SHAPE_ID, "The user told Lilith their cat is named Pickle.", 1_600_000_000L,
                        SENDER),
                FakeShapesServer.memory("m2", SHAPE_ID, "They argued about whether lighthouses are lonely.",
                        1_650_000_000L, SENDER),
                deleted,
                FakeShapesServer.memory("m4", SHAPE_ID, "", 1_660_000_000L)), List.of(), null));
        // more than one page of memories, so paging is followed
        List<ObjectNode> many = new java.util.ArrayList<>();
        for (int i = 0; i < 45; i++) {
            many.add(FakeShapesServer.memory("p" + i, "6b3c", "Paged memory number " + i + ".", 1_600_000_000L + i));
        }
        app.shapes.add(new FakeShapesServer.Shape(FakeShapesServer.config("6b3c", "paged", "Paged"), many, List.of(),
                null));
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void aLiveImportMapsTheCharacterAndItsDatedMemoriesWhichRecallFinds() throws Exception {
        HttpResponse<String> r = app.call("POST", PATH, alice, live("lilith-shape", ApiApp.SHAPES_SESSION));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode body = ApiApp.JSON.readTree(r.body());
        String slug = body.get("slug").asText();
        assertThat(slug).startsWith("lilith-shape");
        assertThat(body.get("name").asText()).isEqualTo("Lilith");
        assertThat(body.get("memoriesImported").asInt()).isEqualTo(2);
        assertThat(body.get("memoriesSkipped").asInt()).isEqualTo(2); // the deleted one and the empty one
        assertThat(r.body()).doesNotContain(ApiApp.SHAPES_SESSION);

        JsonNode character = ApiApp.JSON.readTree(app.call("GET", "/api/v1/personalities/" + slug, alice, null).body())
                .path("personality");
        assertThat(character.path("characterInfo").asText()).isEqualTo("Lilith keeps a lighthouse on a cold coast.");
        assertThat(character.path("personalityTraits").asText()).isEqualTo("wry, patient");
        assertThat(character.path("tone").asText()).isEqualTo("dry");
        assertThat(character.path("appearance").asText()).isEqualTo("grey coat");
        assertThat(character.path("errorMessage").asText()).isEqualTo("The lamp flickers.");
        assertThat(character.path("isPublic").asBoolean(true)).isFalse();
        assertThat(strings("SELECT sp.content FROM personalities p JOIN system_prompts sp ON sp.id = p.system_prompt_id"
                + " WHERE p.slug = :s", slug)).containsExactly("You are Lilith. Stay in character.");

        JsonNode hits = ApiApp.JSON.readTree(app.call("POST", "/api/v1/memories/search", alice,
                "{\"query\":\"what is the name of my cat\",\"personality\":\"" + slug + "\",\"limit\":1}").body()).path("hits");
        assertThat(hits).hasSize(1);
        assertThat(hits.get(0).path("content").asText()).isEqualTo("The user told Lilith their cat is named Pickle.");
        assertThat(Instant.parse(hits.get(0).path("createdAt").asText())).isEqualTo(Instant.ofEpochSecond(1_600_000_000L));
        assertThat(strings("SELECT m.content FROM memories m JOIN personalities p ON p.id = m.personality_id"
                + " WHERE p.slug = :s AND m.source_system = 'shapes-inc' AND m.legacy_shapes_user_id IS NOT NULL", slug))
                .hasSize(2);
        assertThat(app.shapes.rotations()).as("the site rotated the cookie; the import followed").isPositive();
        assertThat(strings("SELECT id FROM user_credentials WHERE :s = :s", "x")).as("the cookie is not stored").isEmpty();
    }

    @Test
    void everyPageOfMemoriesIsRead() throws Exception {
        HttpResponse<String> r = app.call("POST", PATH, alice, live("paged", ApiApp.SHAPES_SESSION));
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        assertThat(ApiApp.JSON.readTree(r.body()).get("memoriesImported").asInt()).isEqualTo(45);
        assertThat(app.shapes.requests()).contains("/api/memory/6b3c?page=3&limit=20")
                .doesNotContain("/api/memory/6b3c?page=4&limit=20");
    }

    @Test
    void aRefusedCookieIsAClear400AndNothingIsWritten() throws Exception {
        int before = characters();
        HttpResponse<String> r = app.call("POST", PATH, alice, live("lilith-shape", "expired-session-value"));
        assertThat(r.statusCode()).isEqualTo(400);
        JsonNode error = ApiApp.JSON.readTree(r.body());
        assertThat(error.path("field").asText()).isEqualTo("sessionCookie");
        assertThat(error.path("message").asText()).contains("did not accept your session cookie").contains("401")
                .doesNotContain("expired-session-value");
        assertThat(characters()).isEqualTo(before);
        assertThat(strings("SELECT error_message FROM import_jobs WHERE source_slug = :s AND status = 'failed'",
                "lilith-shape")).anyMatch(m -> m.contains("did not accept"));
    }

    @Test
    void aMalformedCookieIsRefusedBeforeShapesIncIsAsked() throws Exception {
        int calls = app.shapes.requests().size();
        HttpResponse<String> r = app.call("POST", PATH, alice,
                "{\"username\":\"lilith-shape\",\"sessionCookie\":\"session=just-some-text\"}");
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(ApiApp.JSON.readTree(r.body()).path("field").asText()).isEqualTo("sessionCookie");
        assertThat(app.shapes.requests()).hasSize(calls);
    }

    @Test
    void aMissingShapeIs404() throws Exception {
        HttpResponse<String> r = app.call("POST", PATH, alice, live("no-such-shape", ApiApp.SHAPES_SESSION));
        assertThat(r.statusCode()).isEqualTo(404);
        assertThat(ApiApp.JSON.readTree(r.body()).path("message").asText()).contains("'no-such-shape' on shapes.inc");
    }

    @Test
    void aSiteThatStaysDownIs502AndNothingIsWrittenWhileOneHiccupIsRetried() throws Exception {
        int before = characters();
        app.shapes.failNext(503, 3);
        HttpResponse<String> down = app.call("POST", PATH, alice, live("lilith-shape", ApiApp.SHAPES_SESSION));
        assertThat(down.statusCode()).isEqualTo(502);
        assertThat(ApiApp.JSON.readTree(down.body()).path("message").asText()).contains("shapes.inc could not be reached");
        assertThat(characters()).isEqualTo(before);

        app.shapes.failNext(503, 1);
        assertThat(app.call("POST", PATH, alice, live("lilith-shape", ApiApp.SHAPES_SESSION)).statusCode()).isEqualTo(201);
    }

    @Test
    void aSavedExportImportsTheSameWay() throws Exception {
        ObjectNode config = FakeShapesServer.config("7e00", "from-file", "File Shape");
        config.put("user_prompt", "Saved from shapes.inc.");
        byte[] file = FakeShapesServer.exportFile(new FakeShapesServer.Shape(config, List.of(
                FakeShapesServer.memory("f1", "7e00", "We planned a trip to Lisbon.", 1_610_000_000L)), List.of(
                ApiApp.JSON.createObjectNode().put("title", "Lore").put("content", "x")), null));
        HttpResponse<String> r = upload(file);
        assertThat(r.statusCode()).as(r.body()).isEqualTo(201);
        JsonNode body = ApiApp.JSON.readTree(r.body());
        assertThat(body.get("name").asText()).isEqualTo("File Shape");
        assertThat(body.get("memoriesImported").asInt()).isEqualTo(1);
        assertThat(body.get("storiesCount").asInt()).isEqualTo(1);
    }

    @Test
    void aMalformedExportFileNamesTheProblemAndWritesNothing() throws Exception {
        int before = characters();
        String wrongType = "{\"config\":{\"id\":\"9\",\"username\":\"broken\"},\"memories\":\"not a list\"}";
        HttpResponse<String> r = upload(wrongType.getBytes(StandardCharsets.UTF_8));
        assertThat(r.statusCode()).isEqualTo(400);
        assertThat(ApiApp.JSON.readTree(r.body()).path("message").asText()).contains("memories must be an array");
        String undated = "{\"config\":{\"id\":\"9\",\"username\":\"broken\"},\"memories\":[{\"result\":\"hi\"}]}";
        assertThat(ApiApp.JSON.readTree(upload(undated.getBytes(StandardCharsets.UTF_8)).body()).path("message").asText())
                .contains("memories[0] has no date");
        assertThat(upload("not json at all".getBytes(StandardCharsets.UTF_8)).statusCode()).isEqualTo(400);
        assertThat(ApiApp.JSON.readTree(upload("{\"memories\":[]}".getBytes(StandardCharsets.UTF_8)).body())
                .path("message").asText()).contains("config is missing");
        assertThat(characters()).isEqualTo(before);
    }

    private int characters() {
        return strings("SELECT id FROM personalities WHERE :s = :s", "x").size();
    }

    private List<String> strings(String sql, String param) {
        List<String> rows = app.running.database().jdbi().withHandle(h -> h.createQuery(sql).bind("s", param)
                .mapTo(String.class).list());
        return rows;
    }

    private static String live(String username, String session) {
        return "{\"username\":\"" + username + "\",\"sessionCookie\":\"appSession=" + session + "\"}";
    }

    private HttpResponse<String> upload(byte[] file) {
        String boundary = "----shapes" + System.nanoTime();
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + boundary + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"export.json\"\r\n"
                + "Content-Type: application/json\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(file);
        out.writeBytes(("\r\n--" + boundary + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return app.callBytes("POST", PATH, alice, "multipart/form-data; boundary=" + boundary, out.toByteArray());
    }
}
