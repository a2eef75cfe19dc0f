package io.tzurot.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.io.TempDir;

/**
 * The bot owner configures the per-user rate limits through {@code /api/v1/admin/rate-limits} on the whole app: a
 * change is stored and read back, a bad value is refused naming the limit and changes nothing, a reset restores the
 * defaults, and a user is refused.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class RateLimitsApiTest {

    private static final String PATH = "/api/v1/admin/rate-limits";

    @TempDir
    static Path dir;

    private ApiApp app;
    private String owner;
    private String user;

    @BeforeAll
    void start() {
        app = new ApiApp(dir);
        owner = app.token(ApiApp.BOT_OWNER, true);
        user = app.token("300000000000000001", false);
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    @Test
    void theBotOwnerChangesAndResetsTheLimitsAndBadValuesChangeNothing() {
        JsonNode defaults = ApiApp.json(app.call("GET", PATH, owner, null));
        assertThat(defaults.get("replyBurst").asInt()).isEqualTo(10);
        assertThat(defaults.get("repliesInFlight").asInt()).isEqualTo(50);

        HttpResponse<String> changed = app.call("PATCH", PATH, owner, "{\"replyBurst\":25,\"repliesInFlight\":8}");
        assertThat(changed.statusCode()).isEqualTo(200);
        assertThat(ApiApp.json(app.call("GET", PATH, owner, null)).get("replyBurst").asInt()).isEqualTo(25);

        HttpResponse<String> zero = app.call("PATCH", PATH, owner, "{\"replyBurst\":0,\"repliesInFlight\":9}");
        assertThat(zero.statusCode()).isEqualTo(400);
        assertThat(ApiApp.json(zero).get("field").asText()).isEqualTo("replyBurst");
        HttpResponse<String> unknown = app.call("PATCH", PATH, owner, "{\"repliesPerHour\":5}");
        assertThat(unknown.statusCode()).isEqualTo(400);
        JsonNode after = ApiApp.json(app.call("GET", PATH, owner, null));
        assertThat(after.get("replyBurst").asInt()).isEqualTo(25);
        assertThat(after.get("repliesInFlight").asInt()).as("nothing of a refused change is kept").isEqualTo(8);

        assertThat(ApiApp.json(app.call("DELETE", PATH, owner, null))).isEqualTo(defaults);
        assertThat(ApiApp.json(app.call("GET", PATH, owner, null))).isEqualTo(defaults);
    }

    @Test
    void aUserMayNeitherReadNorChangeThem() {
        assertThat(app.call("GET", PATH, user, null).statusCode()).isEqualTo(403);
        assertThat(app.call("PATCH", PATH, user, "{\"replyBurst\":1}").statusCode()).isEqualTo(403);
        assertThat(app.call("DELETE", PATH, user, null).statusCode()).isEqualTo(403);
        assertThat(app.call("GET", PATH, null, null).statusCode()).isEqualTo(401);
    }
}
