package io.tzurot.web.settings;

import static io.tzurot.web.testing.ApiAssertions.ok;
import static org.assertj.core.api.Assertions.assertThat;

import io.tzurot.web.testing.ManagementTestServer;
import io.tzurot.web.testing.TestServer;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** Console → Settings over HTTP: time zone, provider keys and the effective settings fragment. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SettingsConsoleTest {

    private static final String KEY = "sk-or-v1-console-" + "9".repeat(20);
    private final HttpClient http = HttpClient.newHttpClient();
    private ManagementTestServer server;
    private String alice;

    @BeforeAll
    void start() {
        server = new ManagementTestServer();
        alice = server.token("200000000000000007", false);
        String owner = server.token(TestServer.OPERATOR, true);
        ok(server.send("POST", "/api/v1/personalities", owner, "{\"name\":\"Guide\",\"slug\":\"guide\","
                + "\"characterInfo\":\"x\",\"personalityTraits\":\"y\",\"isPublic\":true}"), 201);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private HttpResponse<String> htmx(String method, String path, String form) throws Exception {
        HttpRequest request = HttpRequest.newBuilder(URI.create(server.base() + path))
                .header("Authorization", "Bearer " + alice).header("HX-Request", "true")
                .header("Content-Type", "application/x-www-form-urlencoded")
                .method(method, form == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(form))
                .build();
        return http.send(request, HttpResponse.BodyHandlers.ofString());
    }

    private static String enc(String s) {
        return URLEncoder.encode(s, StandardCharsets.UTF_8);
    }

    @Test
    void theTimezoneIsSavedOrTheMistakeShown() throws Exception {
        assertThat(htmx("POST", "/console/settings/timezone", "timezone=" + enc("Asia/Tokyo")).body()).contains("saved");
        assertThat(server.send("GET", "/console/settings/preferences", alice, null).body()).contains("value=\"Asia/Tokyo\"");
        HttpResponse<String> wrong = htmx("POST", "/console/settings/timezone", "timezone=" + enc("Nowhere/Land"));
        assertThat(wrong.statusCode()).isEqualTo(400);
        assertThat(wrong.body()).contains("unknown time zone");
    }

    @Test
    void aKeyIsCheckedSavedListedWithoutItselfAndDeleted() throws Exception {
        HttpResponse<String> saved = htmx("POST", "/console/settings/keys", "provider=openrouter&apiKey=" + enc(KEY));
        assertThat(saved.statusCode()).as(saved.body()).isEqualTo(200);
        assertThat(saved.body()).contains("openrouter").doesNotContain(KEY);
        assertThat(server.send("GET", "/console/settings/preferences", alice, null).body())
                .contains("data-provider=\"openrouter\"").doesNotContain(KEY);
        HttpResponse<String> deleted = htmx("DELETE", "/console/settings/keys/openrouter", null);
        assertThat(deleted.body()).contains("No keys stored");
        assertThat(htmx("DELETE", "/console/settings/keys/openrouter", null).statusCode()).isEqualTo(404);
    }

    @Test
    void theEffectiveSettingsShowTheirTiers() throws Exception {
        ok(server.send("PATCH", "/api/v1/settings/personalities/guide", alice, "{\"maxImages\":4}"), 200);
        String fragment = server.send("GET", "/console/settings/cascade?personality=guide", alice, null).body();
        assertThat(fragment).contains("maxImages").contains("user-personality").contains("model").contains("built-in");
        assertThat(server.send("GET", "/console/settings/cascade?personality=nobody-here", alice, null).statusCode())
                .isEqualTo(404);
    }
}
