package io.tzurot.web.userdata;

import static io.tzurot.web.testing.ApiAssertions.assertError;
import static io.tzurot.web.testing.ApiAssertions.json;
import static io.tzurot.web.testing.ApiAssertions.ok;
import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tzurot.core.apikey.EncryptedSecret;
import io.tzurot.core.conversation.HistoryMessage;
import io.tzurot.core.conversation.HistoryRole;
import io.tzurot.core.memory.NewMemory;
import io.tzurot.core.user.User;
import io.tzurot.web.testing.TestServer;
import io.tzurot.web.testing.UserDataTestServer;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import java.util.zip.ZipEntry;
import java.util.zip.ZipInputStream;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** /api/v1/users/{userId}/data: the whole-data ZIP export job and account erasure, with who may do which. */
class UserDataApiTest {

    private static final String ALICE = "200000000000000061";
    private static final String BOB = "300000000000000061";
    private static final String SECRET_HEX = "c0ffee00c0ffee00c0ffee00";

    private UserDataTestServer server;
    private String alice;
    private String bob;
    private String owner;

    @BeforeEach
    void start() {
        server = new UserDataTestServer();
        alice = server.token(ALICE, false);
        bob = server.token(BOB, false);
        owner = server.token(TestServer.OPERATOR, true);
    }

    @AfterEach
    void stop() {
        if (server != null) {
            server.close();
        }
    }

    /** Alice's character, preset, persona, key, a memory and a message; returns her character's slug. */
    private String aliceHasData() {
        ok(server.send("POST", "/api/v1/personalities", alice, "{\"name\":\"Ödön\",\"slug\":\"odon\","
                + "\"characterInfo\":\"A lighthouse keeper.\",\"personalityTraits\":\"patient\"}"), 201);
        ok(server.send("POST", "/api/v1/presets", alice, "{\"name\":\"Calm\",\"model\":\"v/m\","
                + "\"advancedParameters\":{\"temperature\":0.4}}"), 201);
        UUID persona = UUID.fromString(ok(server.send("POST", "/api/v1/personas", alice,
                "{\"name\":\"Al\",\"content\":\"About me\"}"), 201).at("/persona/id").asText());
        User a = server.repos.users().findByDiscordId(ALICE).orElseThrow();
        UUID odon = server.repos.personalities().lookup("odon", new io.tzurot.core.personality.Viewer(a.id(), false))
                .orElseThrow().id();
        server.repos.apiKeys().save(a.id(), "openrouter", new EncryptedSecret("0".repeat(32), SECRET_HEX, "1".repeat(32)));
        float[] v = new float[NewMemory.DIMENSIONS];
        v[3] = 1f;
        server.memories.insert(NewMemory.live(persona, odon, "{user}: the lamp\n{assistant}: it turns", v, null, "42",
                null, Instant.parse("2026-02-01T09:00:00Z")));
        server.history.append(HistoryMessage.create("42", null, odon, persona, HistoryRole.USER, "Is the lamp lit?", 4,
                List.of(), "{}", Instant.parse("2026-02-01T09:00:00Z")));
        return "odon";
    }

    private JsonNode awaitDone(String bearer, String user, String id) {
        JsonNode[] last = new JsonNode[1];
        await().atMost(Duration.ofSeconds(30)).until(() -> {
            last[0] = ok(server.send("GET", "/api/v1/users/" + user + "/data/exports/" + id, bearer, null), 200)
                    .get("export");
            return !last[0].get("status").asText().matches("pending|in_progress");
        });
        return last[0];
    }

    private static Map<String, String> unzip(byte[] zip) throws IOException {
        Map<String, String> files = new LinkedHashMap<>();
        try (ZipInputStream in = new ZipInputStream(new ByteArrayInputStream(zip), StandardCharsets.UTF_8)) {
            for (ZipEntry e = in.getNextEntry(); e != null; e = in.getNextEntry()) {
                files.put(e.getName(), new String(in.readAllBytes(), StandardCharsets.UTF_8));
            }
        }
        return files;
    }

    @Test
    void exportRunsInTheBackgroundAndGivesAZipOfEverythingWithoutSecrets() throws Exception {
        aliceHasData();
        JsonNode started = ok(server.send("POST", "/api/v1/users/me/data/exports", alice, null), 202).get("export");
        String id = started.get("id").asText();
        JsonNode done = awaitDone(alice, "me", id);
        assertThat(done.get("status").asText()).isEqualTo("completed");
        assertThat(done.get("progress").asInt()).isEqualTo(100);
        assertThat(done.at("/contents/memories").asInt()).isEqualTo(1);
        assertThat(done.get("downloadPath").asText()).isEqualTo("/api/v1/users/me/data/exports/" + id + "/file");

        HttpResponse<byte[]> file = server.getBytes(done.get("downloadPath").asText(), alice);
        assertThat(file.statusCode()).isEqualTo(200);
        assertThat(file.headers().firstValue("Content-Type").orElse("")).startsWith("application/zip");
        Map<String, String> files = unzip(file.body());
        assertThat(files.keySet()).contains("README.txt", "user.json", "settings.json", "personas.json",
                "presets/calm.json", "characters/odon/odon.json", "memories.json", "history.json", "api-keys.json");
        ObjectMapper json = new ObjectMapper();
        assertThat(json.readTree(files.get("characters/odon/odon.json")).get("name").asText()).isEqualTo("Ödön");
        assertThat(json.readTree(files.get("presets/calm.json")).at("/advancedParameters/temperature").asDouble())
                .isEqualTo(0.4);
        JsonNode memory = json.readTree(files.get("memories.json")).get(0);
        assertThat(memory.get("content").asText()).contains("the lamp");
        assertThat(memory.get("createdAt").asText()).isEqualTo("2026-02-01T09:00:00Z");
        assertThat(memory.get("personalitySlug").asText()).isEqualTo("odon");
        assertThat(json.readTree(files.get("history.json")).get(0).get("content").asText()).isEqualTo("Is the lamp lit?");
        assertThat(json.readTree(files.get("user.json")).get("discordId").asText()).isEqualTo(ALICE);
        JsonNode key = json.readTree(files.get("api-keys.json")).get(0);
        assertThat(key.get("provider").asText()).isEqualTo("openrouter");
        assertThat(String.join("\n", files.values())).doesNotContain(SECRET_HEX);

        // one at a time is enforced only while running; a finished export can be started again
        ok(server.send("POST", "/api/v1/users/me/data/exports", alice, null), 202);
    }

    @Test
    void onlyTheUserAndTheBotOwnerReachAnAccount() {
        aliceHasData();
        String id = ok(server.send("POST", "/api/v1/users/me/data/exports", alice, null), 202).at("/export/id").asText();
        awaitDone(alice, "me", id);
        assertError(server.send("GET", "/api/v1/users/" + ALICE + "/data/exports/" + id, bob, null), 404, "not_found", null);
        assertError(server.send("GET", "/api/v1/users/me/data/exports/" + id, bob, null), 404, "not_found", null);
        assertThat(server.getBytes("/api/v1/users/" + ALICE + "/data/exports/" + id + "/file", bob).statusCode())
                .isEqualTo(404);
        assertError(server.send("POST", "/api/v1/users/" + ALICE + "/data/exports", bob, null), 404, "not_found", null);
        assertError(server.send("POST", "/api/v1/users/" + ALICE + "/data/erasure", bob,
                "{\"confirmation\":\"DELETE MY DATA\"}"), 404, "not_found", null);
        assertThat(server.getBytes("/api/v1/users/" + ALICE + "/data/exports/" + id + "/file", owner).statusCode())
                .isEqualTo(200);
        assertError(server.send("GET", "/api/v1/users/not-an-id/data/erasure", alice, null), 400, "bad_request", "userId");
        assertError(server.send("GET", "/api/v1/users/me/data/exports/nope", alice, null), 400, "bad_request", "id");
        assertError(server.send("POST", "/api/v1/users/me/data/exports", null, null), 401, "unauthenticated", null);
    }

    @Test
    void erasureNeedsTheTypedPhraseThenRemovesTheAccount() {
        aliceHasData();
        JsonNode preview = ok(server.send("GET", "/api/v1/users/me/data/erasure", alice, null), 200);
        assertThat(preview.get("confirmation").asText()).isEqualTo("DELETE MY DATA");
        assertThat(preview.at("/removes/characters").asInt()).isEqualTo(1);
        assertThat(preview.at("/removes/memories").asInt()).isEqualTo(1);

        assertError(server.send("POST", "/api/v1/users/me/data/erasure", alice, "{\"confirmation\":\"delete\"}"), 400,
                "bad_request", "confirmation");
        assertError(server.send("POST", "/api/v1/users/me/data/erasure", alice, "{}"), 400, "bad_request", "confirmation");
        assertThat(server.repos.users().findByDiscordId(ALICE)).isPresent();

        JsonNode erased = ok(server.send("POST", "/api/v1/users/me/data/erasure", alice,
                "{\"confirmation\":\"delete my data\"}"), 200);
        assertThat(erased.get("userId").asText()).isEqualTo(ALICE);
        assertThat(erased.at("/removed/presets").asInt()).isEqualTo(1);
        assertThat(server.repos.users().findByDiscordId(ALICE)).isEmpty();
        // her token went with her account
        assertError(server.send("GET", "/api/v1/presets", alice, null), 401, "unauthenticated", null);
        // the bot owner may erase anyone
        ok(server.send("GET", "/api/v1/presets", bob, null), 200);
        ok(server.send("POST", "/api/v1/users/" + BOB + "/data/erasure", owner, "{\"confirmation\":\"DELETE MY DATA\"}"), 200);
        assertThat(server.repos.users().findByDiscordId(BOB)).isEmpty();
        assertThat(json(server.send("GET", "/api/v1/users/" + BOB + "/data/erasure", owner, null)).get("error").asText())
                .isEqualTo("not_found");
    }
}
