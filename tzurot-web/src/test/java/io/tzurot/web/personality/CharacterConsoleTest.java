package io.tzurot.web.personality;

import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.web.testing.ManagementTestServer;
import java.io.ByteArrayOutputStream;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.util.Map;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The console's character form over HTTP: multipart with the avatar, htmx-only changes, nothing written on a bad file. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class CharacterConsoleTest {

    private static final String BOUNDARY = "----tzurot-test-boundary";
    private final HttpClient http = HttpClient.newHttpClient();
    private ManagementTestServer server;
    private String alice;
    private String bob;

    @BeforeAll
    void start() {
        server = new ManagementTestServer();
        alice = server.token("200000000000000006", false);
        bob = server.token("300000000000000006", false);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private HttpResponse<String> post(String path, String bearer, Map<String, String> fields, byte[] avatar, boolean htmx)
            throws Exception {
        ByteArrayOutputStream body = new ByteArrayOutputStream();
        for (Map.Entry<String, String> f : fields.entrySet()) {
            body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + f.getKey() + "\"\r\n\r\n"
                    + f.getValue() + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        if (avatar != null) {
            body.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"avatar\"; filename=\"a.png\"\r\n"
                    + "Content-Type: image/png\r\n\r\n").getBytes(StandardCharsets.UTF_8));
            body.writeBytes(avatar);
            body.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        }
        body.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(server.base() + path))
                .header("Content-Type", "multipart/form-data; boundary=" + BOUNDARY)
                .header("Authorization", "Bearer " + bearer)
                .POST(HttpRequest.BodyPublishers.ofByteArray(body.toByteArray()));
        if (htmx) {
            b.header("HX-Request", "true");
        }
        return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
    }

    private static Map<String, String> fields(String slug) {
        return Map.of("slug", slug, "name", "Form " + slug, "characterInfo", "From the form.", "personalityTraits", "Tidy");
    }

    @Test
    void theFormCreatesTheCharacterWithItsAvatar() throws Exception {
        HttpResponse<String> created = post("/console/characters", alice, fields("form-made"), PersonalityApiTest.png(600, 300), true);
        assertThat(created.statusCode()).as(created.body()).isEqualTo(200);
        assertThat(created.headers().firstValue("HX-Redirect")).contains("/console/characters");
        assertThat(server.getBytes("/avatars/form-made.png", alice).statusCode()).isEqualTo(200);
        assertThat(server.send("GET", "/console/characters", alice, null).body()).contains("form-made").contains("Form form-made");
        assertThat(server.send("GET", "/console/characters/form-made", alice, null).body()).contains("Save changes");
    }

    @Test
    void changesWithoutHtmxAreRefused() throws Exception {
        assertThat(post("/console/characters", alice, fields("no-htmx"), null, false).statusCode()).isEqualTo(403);
        assertThat(server.send("GET", "/api/v1/personalities/no-htmx", alice, null).statusCode()).isEqualTo(404);
    }

    @Test
    void aBadAvatarLeavesNoCharacterBehind() throws Exception {
        HttpResponse<String> refused = post("/console/characters", alice, fields("bad-avatar"), "not an image".getBytes(), true);
        assertThat(refused.statusCode()).isEqualTo(400);
        assertThat(refused.headers().firstValue("HX-Retarget")).contains("#console-alert");
        assertThat(refused.body()).contains("PNG, JPEG, WebP or GIF");
        assertThat(server.send("GET", "/api/v1/personalities/bad-avatar", alice, null).statusCode()).isEqualTo(404);
    }

    @Test
    void anotherUsersCharacterCannotBeEditedFromTheConsole() throws Exception {
        post("/console/characters", alice, fields("alice-form"), null, true);
        assertThat(post("/console/characters/alice-form", bob, fields("alice-form"), null, true).statusCode()).isEqualTo(404);
        assertThat(server.send("GET", "/console/characters/alice-form", bob, null).statusCode()).isEqualTo(404);
    }

    @Test
    void everyManagementPageRendersForASignedInUserAndAsksAnonymousToSignIn() {
        for (String page : new String[] {"/console/characters", "/console/characters/new", "/console/personas",
                "/console/presets", "/console/settings/preferences", "/console/settings/cascade"}) {
            HttpResponse<String> shown = server.send("GET", page, alice, null);
            assertThat(shown.statusCode()).as(page + ": " + shown.body()).isEqualTo(200);
            assertThat(shown.headers().firstValue("Content-Type").orElse("")).startsWith("text/html");
            assertThat(server.send("GET", page, null, null).statusCode()).as(page).isEqualTo(401);
        }
        String nav = server.send("GET", "/console/personas", alice, null).body();
        assertThat(nav).contains("href=\"/console/characters\"").contains("href=\"/console/presets\"")
                .contains("href=\"/console/settings/tokens\"").contains(">Chat<").contains(">Memories<").contains(">Inspect<");
    }
}
