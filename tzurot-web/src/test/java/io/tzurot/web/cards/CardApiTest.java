package io.tzurot.web.cards;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CardApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    static final String CARD = "{\"spec\":\"chara_card_v2\",\"spec_version\":\"2.0\",\"data\":{\"name\":\"Mira Ünal\","
            + "\"description\":\"A cartographer of dreams.\",\"personality\":\"patient\",\"scenario\":\"A map room.\","
            + "\"first_mes\":\"Welcome to the map room, {{user}}.\",\"mes_example\":\"\",\"creator_notes\":\"\","
            + "\"system_prompt\":\"\",\"post_history_instructions\":\"\",\"alternate_greetings\":[\"Back again?\"],"
            + "\"tags\":[\"maps\"],\"creator\":\"t\",\"character_version\":\"1\",\"extensions\":{\"x\":{\"y\":1}},"
            + "\"character_book\":{\"name\":\"Atlas\",\"extensions\":{},\"entries\":[{\"keys\":[\"atlas\"],"
            + "\"content\":\"The atlas is old.\",\"extensions\":{\"position\":4,\"depth\":2},\"enabled\":true,"
            + "\"insertion_order\":10},{\"keys\":[\"compass\"],\"content\":\"It points home.\",\"extensions\":{},"
            + "\"enabled\":true,\"insertion_order\":20}]}}}";

    private CardTestServer server;
    private String alice;
    private String bob;

    @BeforeAll
    void start() {
        server = new CardTestServer();
        alice = server.token("200000000000000001", false);
        bob = server.token("200000000000000002", false);
    }

    @AfterAll
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    private JsonNode json(HttpResponse<String> r) throws Exception {
        return JSON.readTree(r.body());
    }

    @Test
    void importExportAndImportAgain() throws Exception {
        HttpResponse<String> made = server.upload("/api/v1/personalities/import", alice, "mira.json",
                CARD.getBytes(StandardCharsets.UTF_8));
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        JsonNode body = json(made);
        assertThat(body.get("name").asText()).isEqualTo("Mira Ünal");
        assertThat(body.get("lorebookEntries").asInt()).isEqualTo(2);
        String slug = body.get("slug").asText();
        assertThat(slug).isEqualTo("mira-nal");

        HttpResponse<byte[]> png = server.getBytes("/api/v1/personalities/" + slug + "/export?format=card-png", alice);
        assertThat(png.statusCode()).isEqualTo(200);
        assertThat(png.headers().firstValue("Content-Type")).get().asString().startsWith("image/png");
        assertThat(png.headers().firstValue("Content-Disposition")).get().asString().contains(slug + ".card.png");
        HttpResponse<String> again = server.upload("/api/v1/personalities/import", alice, "mira.png", png.body());
        assertThat(again.statusCode()).as(again.body()).isEqualTo(201);
        assertThat(json(again).get("slug").asText()).isEqualTo(slug + "-2");
        assertThat(json(again).get("lorebookEntries").asInt()).isEqualTo(2);

        HttpResponse<byte[]> card = server.getBytes("/api/v1/personalities/" + slug + "/export?format=card-json", alice);
        JsonNode c = JSON.readTree(card.body());
        assertThat(c.get("spec").asText()).isEqualTo("chara_card_v2");
        assertThat(c.get("data").get("first_mes").asText()).isEqualTo("Welcome to the map room, {{user}}.");
        assertThat(c.get("data").get("extensions").get("x").get("y").asInt()).isEqualTo(1);
        assertThat(c.get("data").get("character_book").get("entries").get(0).get("keys").get(0).asText()).isEqualTo("atlas");

        for (String format : new String[] {"tzurot", "charx"}) {
            HttpResponse<byte[]> out = server.getBytes("/api/v1/personalities/" + slug + "/export?format=" + format, alice);
            assertThat(out.statusCode()).isEqualTo(200);
            assertThat(server.upload("/api/v1/personalities/import", alice, "x", out.body()).statusCode()).isEqualTo(201);
        }
        HttpResponse<String> badFormat = server.get("/api/v1/personalities/" + slug + "/export?format=docx", alice);
        assertThat(badFormat.statusCode()).isEqualTo(400);
        assertThat(json(badFormat).get("field").asText()).isEqualTo("format");
    }

    @Test
    void othersMayNotExportAndBrokenFilesSayWhy() throws Exception {
        String slug = json(server.upload("/api/v1/personalities/import", alice, "m.json",
                CARD.replace("Mira Ünal", "Secret Sam").getBytes(StandardCharsets.UTF_8))).get("slug").asText();
        assertThat(server.get("/api/v1/personalities/" + slug + "/export?format=card-json", bob).statusCode()).isEqualTo(404);
        HttpResponse<String> broken = server.upload("/api/v1/personalities/import", alice, "x.png",
                new byte[] {(byte) 0x89, 'P', 'N', 'G', '\r', '\n', 0x1a, '\n', 0, 0});
        assertThat(broken.statusCode()).isEqualTo(400);
        assertThat(json(broken).get("field").asText()).isEqualTo("file");
        assertThat(json(broken).get("message").asText()).contains("truncated");
        HttpResponse<String> wrongType = server.upload("/api/v1/personalities/import", alice, "x.json",
                CARD.replace("[\"Back again?\"]", "\"Back again?\"").getBytes(StandardCharsets.UTF_8));
        assertThat(json(wrongType).get("message").asText()).contains("data.alternate_greetings must be an array");
        HttpResponse<String> noFile = server.send("POST", "/api/v1/personalities/import", alice, "application/json", "{}");
        assertThat(noFile.statusCode()).isEqualTo(400);
    }

    @Test
    void malformedFormsSayWhatIsWrongWithTheFormAndSaveNothing() throws Exception {
        String before = server.get("/api/v1/personalities", alice).body();
        HttpResponse<String> noBoundary = server.send("POST", "/api/v1/personalities/import", alice, "multipart/form-data",
                "--x--");
        assertThat(noBoundary.statusCode()).isEqualTo(400);
        assertThat(json(noBoundary).get("field").asText()).isEqualTo("file");
        assertThat(json(noBoundary).get("message").asText()).contains("no boundary");
        HttpResponse<String> asText = server.send("POST", "/api/v1/lorebooks/import", alice, "multipart/form-data; boundary=b",
                "--b\r\nContent-Disposition: form-data; name=\"file\"\r\n\r\n{\"entries\":{}}\r\n--b--\r\n");
        assertThat(asText.statusCode()).isEqualTo(400);
        assertThat(json(asText).get("message").asText()).contains("holds text, not a file");
        assertThat(server.get("/api/v1/personalities", alice).body()).isEqualTo(before);
    }

    @Test
    void previewSavesNothing() throws Exception {
        HttpResponse<String> p = server.upload("/api/v1/personalities/import/preview", bob, "p.json",
                CARD.replace("Mira Ünal", "Preview Pia").getBytes(StandardCharsets.UTF_8));
        assertThat(p.statusCode()).as(p.body()).isEqualTo(200);
        assertThat(json(p).get("firstMessage").asText()).startsWith("Welcome");
        assertThat(json(p).get("lorebookEntries").asInt()).isEqualTo(2);
        assertThat(server.get("/api/v1/personalities", bob).body()).doesNotContain("Preview Pia");
    }

    @Test
    void lorebooksImportListExportDelete() throws Exception {
        String world = "{\"entries\":{\"0\":{\"uid\":0,\"key\":[\"moon\"],\"keysecondary\":[],\"content\":\"The moon hums.\","
                + "\"order\":100,\"position\":0,\"disable\":false}}}";
        HttpResponse<String> made = server.upload("/api/v1/lorebooks/import", bob, "Moon.json",
                world.getBytes(StandardCharsets.UTF_8), "name", "Moon lore");
        assertThat(made.statusCode()).as(made.body()).isEqualTo(201);
        String id = json(made).get("id").asText();
        assertThat(json(server.get("/api/v1/lorebooks", bob)).get("lorebooks").get(0).get("entryCount").asInt()).isEqualTo(1);
        HttpResponse<byte[]> out = server.getBytes("/api/v1/lorebooks/" + id + "/export?format=character-book", bob);
        assertThat(JSON.readTree(out.body()).get("entries").get(0).get("keys").get(0).asText()).isEqualTo("moon");
        assertThat(server.getBytes("/api/v1/lorebooks/" + id + "/export", alice).statusCode()).isEqualTo(404);

        String slug = json(server.upload("/api/v1/personalities/import", bob, "l.json",
                CARD.replace("Mira Ünal", "Luna Lore").getBytes(StandardCharsets.UTF_8))).get("slug").asText();
        String books = "/api/v1/personalities/" + slug + "/lorebooks";
        assertThat(json(server.get(books, bob)).get("lorebooks")).hasSize(1); // the card's own
        assertThat(server.send("PUT", books + "/" + id, bob, null, null).statusCode()).isEqualTo(204);
        // both attached within one millisecond: their order is not defined, their names are
        assertThat(json(server.get(books, bob)).get("lorebooks").findValuesAsText("name")).hasSize(2).contains("Moon lore");
        assertThat(server.send("PUT", books + "/" + id, alice, null, null).statusCode()).isEqualTo(404);
        assertThat(server.send("DELETE", books + "/" + id, bob, null, null).statusCode()).isEqualTo(204);
        assertThat(server.send("DELETE", books + "/" + id, bob, null, null).statusCode()).isEqualTo(404);
        assertThat(json(server.get(books, bob)).get("lorebooks")).hasSize(1);
        assertThat(server.send("DELETE", "/api/v1/lorebooks/" + id, bob, null, null).statusCode()).isEqualTo(204);
    }

    @Test
    void theOpenApiDocumentListsTheRoutes() throws Exception {
        JsonNode doc = json(server.get("/api/v1/openapi.json", null));
        JsonNode imp = doc.get("paths").get("/api/v1/personalities/import").get("post");
        assertThat(imp.get("requestBody").get("content").has("multipart/form-data")).isTrue();
        assertThat(imp.get("responses").has("201")).isTrue();
        assertThat(doc.get("paths").get("/api/v1/personalities/{slug}/export").get("get").get("responses").get("200")
                .get("content").has("image/png")).isTrue();
    }
}
