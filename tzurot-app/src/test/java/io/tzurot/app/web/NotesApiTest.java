package io.tzurot.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tzurot.core.notes.NoteLimits;
import io.tzurot.testkit.logs.SecretLogScan;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/** Author's notes and user prompts over HTTP: set, show, change one field, clear; bad values name their field. */
@ExtendWith(SecretLogScan.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class NotesApiTest {

    @TempDir
    static Path dir;

    private ApiApp app;
    private String owner;
    private String other;
    private String boss;

    @BeforeAll
    void start() {
        app = new ApiApp(dir);
        owner = app.token("200000000000000081", false);
        other = app.token("200000000000000082", false);
        boss = app.token(ApiApp.BOT_OWNER, true);
        PortabilityFixtures.ok(app.call("POST", "/api/v1/personalities", owner, "{\"name\":\"Nell\",\"slug\":\"nell\","
                + "\"characterInfo\":\"A sailor.\",\"personalityTraits\":\"brisk\",\"isPublic\":true}"));
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    private static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(200);
        return ApiApp.json(response);
    }

    @Test
    void aCharactersNoteIsSetChangedFieldByFieldAndCleared() {
        String path = "/api/v1/authors-notes/characters/nell";
        assertThat(ok(app.call("GET", path, owner, null)).get("note").isNull()).isTrue();
        JsonNode set = ok(app.call("PUT", path, owner, "{\"content\":\"{{char}} swears like a sailor.\"}")).get("note");
        assertThat(set.get("scope").asText()).isEqualTo("character");
        assertThat(set.get("personality").asText()).isEqualTo("nell");
        assertThat(set.get("depth").asInt()).isEqualTo(4);
        assertThat(set.get("role").asText()).isEqualTo("system");
        assertThat(set.get("frequency").asInt()).isEqualTo(1);
        assertThat(set.get("tokens").asInt()).isPositive();
        JsonNode changed = ok(app.call("PUT", path, owner, "{\"depth\":0,\"frequency\":3}")).get("note");
        assertThat(changed.get("content").asText()).isEqualTo("{{char}} swears like a sailor.");
        assertThat(changed.get("depth").asInt()).isZero();
        assertThat(changed.get("frequency").asInt()).isEqualTo(3);
        // a public character is not everyone's to annotate
        assertThat(app.call("PUT", path, other, "{\"content\":\"mine\"}").statusCode()).isEqualTo(403);
        assertThat(app.call("DELETE", path, owner, null).statusCode()).isEqualTo(204);
        assertThat(ok(app.call("GET", path, owner, null)).get("note").isNull()).isTrue();
        assertThat(app.call("DELETE", path, owner, null).statusCode()).isEqualTo(204);
    }

    @Test
    void ownNotesAreEachUsersAndChannelNotesTheBotOwners() {
        ok(app.call("PUT", "/api/v1/authors-notes/me/nell", other, "{\"content\":\"Be gentle with me.\",\"role\":\"user\"}"));
        assertThat(ok(app.call("GET", "/api/v1/authors-notes/me/nell", other, null)).get("note").get("role").asText())
                .isEqualTo("user");
        assertThat(ok(app.call("GET", "/api/v1/authors-notes/me/nell", owner, null)).get("note").isNull()).isTrue();
        assertThat(ok(app.call("GET", "/api/v1/authors-notes/me", other, null)).get("note").isNull()).isTrue();

        String channel = "/api/v1/admin/channels/700000000000000042/authors-note";
        assertThat(app.call("PUT", channel, owner, "{\"content\":\"x\"}").statusCode()).isEqualTo(403);
        JsonNode note = ok(app.call("PUT", channel, boss, "{\"content\":\"Storm tonight.\",\"role\":\"assistant\"}"))
                .get("note");
        assertThat(note.get("scope").asText()).isEqualTo("channel");
        assertThat(app.call("GET", "/api/v1/admin/channels/not-a-channel/authors-note", boss, null).statusCode())
                .isEqualTo(400);
    }

    @Test
    void badValuesNameTheirFieldAndNothingIsSaved() {
        String path = "/api/v1/authors-notes/me";
        assertThat(field(app.call("PUT", path, owner, "{\"depth\":2}"))).isEqualTo("content"); // a new note needs text
        assertThat(field(app.call("PUT", path, owner, "{\"content\":\"ok\",\"depth\":1001}"))).isEqualTo("depth");
        assertThat(field(app.call("PUT", path, owner, "{\"content\":\"ok\",\"depth\":\"deep\"}"))).isEqualTo("depth");
        assertThat(field(app.call("PUT", path, owner, "{\"content\":\"ok\",\"role\":\"narrator\"}"))).isEqualTo("role");
        assertThat(field(app.call("PUT", path, owner, "{\"content\":\"ok\",\"frequency\":-1}"))).isEqualTo("frequency");
        assertThat(field(app.call("PUT", path, owner, "{\"content\":\"ok\",\"colour\":\"red\"}"))).isNotNull();
        assertThat(ok(app.call("GET", path, owner, null)).get("note").isNull()).isTrue();
    }

    @Test
    void userPromptsForAllAndOneCharacterWithATokenLimit() {
        JsonNode all = ok(app.call("PUT", "/api/v1/user-prompts/all", owner, "{\"content\":\"Keep it short.\"}"))
                .get("prompt");
        assertThat(all.get("personality").isNull()).isTrue();
        ok(app.call("PUT", "/api/v1/user-prompts/characters/nell", owner, "{\"content\":\"Call me captain.\"}"));
        JsonNode list = ok(app.call("GET", "/api/v1/user-prompts", owner, null)).get("prompts");
        assertThat(list).hasSize(2);
        assertThat(list.get(0).get("personality").isNull()).isTrue();
        assertThat(list.get(1).get("personality").asText()).isEqualTo("nell");
        assertThat(ok(app.call("GET", "/api/v1/user-prompts", other, null)).get("prompts")).isEmpty();

        String tooLong = "lorem ipsum dolor ".repeat(NoteLimits.MAX_USER_PROMPT_TOKENS);
        HttpResponse<String> refused = app.call("PUT", "/api/v1/user-prompts/all", owner,
                "{\"content\":\"" + tooLong.substring(0, Math.min(tooLong.length(), NoteLimits.MAX_CHARS - 10)) + "\"}");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(ApiApp.json(refused).get("field").asText()).isEqualTo("content");
        assertThat(ApiApp.json(refused).get("message").asText()).contains("tokens").contains("nothing was saved");
        assertThat(ok(app.call("GET", "/api/v1/user-prompts/all", owner, null)).get("prompt").get("content").asText())
                .isEqualTo("Keep it short.");
        assertThat(app.call("DELETE", "/api/v1/user-prompts/all", owner, null).statusCode()).isEqualTo(204);
        assertThat(ok(app.call("GET", "/api/v1/user-prompts/all", owner, null)).get("prompt").isNull()).isTrue();
    }

    @Test
    void theConsolePageSavesAndClearsTheNoteAndPromptForEveryCharacter() {
        String me = app.token("200000000000000083", false);
        HttpResponse<String> empty = app.call("GET", "/console/notes", me, null);
        assertThat(empty.statusCode()).isEqualTo(200);
        assertThat(empty.body()).contains("hx-put=\"/console/notes/note\"").doesNotContain("Clear note");
        HttpResponse<String> saved = app.htmx("PUT", "/console/notes/note", me,
                "content=Keep+%7B%7Bchar%7D%7D+calm.&depth=2&role=assistant&frequency=3");
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(saved.headers().firstValue("HX-Redirect")).contains("/console/notes");
        JsonNode note = ok(app.call("GET", "/api/v1/authors-notes/me", me, null)).get("note");
        assertThat(note.get("content").asText()).isEqualTo("Keep {{char}} calm.");
        assertThat(note.get("depth").asInt()).isEqualTo(2);
        assertThat(note.get("role").asText()).isEqualTo("assistant");
        assertThat(note.get("frequency").asInt()).isEqualTo(3);
        HttpResponse<String> refused = app.htmx("PUT", "/console/notes/note", me, "content=x&role=narrator");
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("HX-Retarget")).contains("#console-alert");
        assertThat(app.htmx("PUT", "/console/notes/prompt", me, "content=Short+answers+please.").statusCode())
                .isEqualTo(200);
        String page = app.call("GET", "/console/notes", me, null).body();
        assertThat(page).contains("Keep {{char}} calm.").contains("Short answers please.").contains("Clear note")
                .contains("<option value=\"assistant\" selected");
        assertThat(app.htmx("DELETE", "/console/notes/note", me, null).statusCode()).isEqualTo(200);
        assertThat(ok(app.call("GET", "/api/v1/authors-notes/me", me, null)).get("note").isNull()).isTrue();
        assertThat(app.htmx("PUT", "/console/notes/note", me, "content=x").statusCode()).isEqualTo(200);
        assertThat(app.call("PUT", "/console/notes/note", me, "{}").statusCode()).isNotEqualTo(200); // htmx only
    }

    private static String field(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(400);
        return ApiApp.json(response).path("field").asText(null);
    }
}
