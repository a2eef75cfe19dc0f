package io.tzurot.testkit.discord;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tzurot.testkit.discord.json.Json;
import io.tzurot.testkit.discord.state.Permissions;
import io.tzurot.testkit.discord.state.SimGuild;
import io.tzurot.testkit.discord.state.SimTextChannel;
import io.tzurot.testkit.discord.state.SimThreadChannel;
import io.tzurot.testkit.discord.state.SimUser;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** The REST side on its own, over plain HTTP: authentication, Discord's errors, permissions and webhooks. */
class RestApiTest {

    private final HttpClient http = HttpClient.newHttpClient();
    private DiscordSimulator simulator;
    private SimGuild guild;
    private SimTextChannel general;
    private SimUser alice;

    @BeforeEach
    void start() {
        simulator = DiscordSimulator.start();
        guild = simulator.world().createGuild("Rest Guild");
        general = simulator.world().createTextChannel(guild, "general");
        alice = simulator.world().createUser("alice");
        simulator.world().addMember(guild, alice);
    }

    @AfterEach
    void stop() {
        simulator.close();
    }

    @Test
    void theBotTokenIsRequiredAndChecked() throws Exception {
        assertThat(send("GET", "users/@me", null, "Bot " + simulator.botToken()).statusCode()).isEqualTo(200);
        HttpResponse<String> wrong = send("GET", "users/@me", null, "Bot not-the-token");
        assertThat(wrong.statusCode()).isEqualTo(401);
        assertThat(send("GET", "users/@me", null, null).statusCode()).isEqualTo(401);
        JsonNode me = Json.parse(send("GET", "users/@me", null, auth()).body());
        assertThat(me.path("id").asText()).isEqualTo(Json.id(simulator.botUser().id()));
        assertThat(me.path("bot").asBoolean()).isTrue();
    }

    @Test
    void unknownRoutesAndEntitiesAnswerWithDiscordErrors() throws Exception {
        assertThat(send("GET", "oauth2/applications/@me", null, auth()).statusCode()).isEqualTo(404);
        HttpResponse<String> unknownChannel = send("POST", "channels/42/messages", "{\"content\":\"x\"}", auth());
        assertThat(unknownChannel.statusCode()).isEqualTo(404);
        assertThat(Json.parse(unknownChannel.body()).path("code").asInt()).isEqualTo(10003);
        HttpResponse<String> notSnowflake = send("GET", "channels/abc", null, auth());
        assertThat(notSnowflake.statusCode()).isEqualTo(400);
    }

    @Test
    void messagesAreValidatedAndPermissionChecked() throws Exception {
        HttpResponse<String> empty = send("POST", messages(general), "{\"content\":\"\"}", auth());
        assertThat(empty.statusCode()).isEqualTo(400);
        assertThat(Json.parse(empty.body()).path("code").asInt()).isEqualTo(50006);
        HttpResponse<String> tooLong = send("POST", messages(general),
                "{\"content\":\"" + "x".repeat(2001) + "\"}", auth());
        assertThat(tooLong.statusCode()).isEqualTo(400);

        simulator.world().setMemberOverwrite(general, simulator.botUser(), 0, Permissions.SEND_MESSAGES);
        HttpResponse<String> denied = send("POST", messages(general), "{\"content\":\"hi\"}", auth());
        assertThat(denied.statusCode()).isEqualTo(403);
        assertThat(Json.parse(denied.body()).path("code").asInt()).isEqualTo(50013);
        assertThat(simulator.botPosts()).isEmpty();
    }

    @Test
    void historyIsNewestFirstAndHonoursLimitAndBefore() throws Exception {
        long first = simulator.users().post(alice, general, "one").id();
        long second = simulator.users().post(alice, general, "two").id();
        simulator.users().post(alice, general, "three");

        JsonNode page = Json.parse(send("GET", messages(general) + "?limit=2", null, auth()).body());
        assertThat(page).extracting(m -> m.path("content").asText()).containsExactly("three", "two");
        JsonNode older = Json.parse(send("GET", messages(general) + "?before=" + second, null, auth()).body());
        assertThat(older).extracting(m -> m.path("id").asText()).containsExactly(Json.id(first));
    }

    @Test
    void webhooksValidateNamesTokensAndThreads() throws Exception {
        HttpResponse<String> reserved = send("POST", "channels/" + general.id() + "/webhooks",
                "{\"name\":\"Discord Bot\"}", auth());
        assertThat(reserved.statusCode()).isEqualTo(400);
        JsonNode webhook = Json.parse(send("POST", "channels/" + general.id() + "/webhooks",
                "{\"name\":\"Personas\"}", auth()).body());
        String path = "webhooks/" + webhook.path("id").asText() + "/" + webhook.path("token").asText();

        assertThat(send("POST", "webhooks/" + webhook.path("id").asText() + "/wrong-token",
                "{\"content\":\"x\"}", null).statusCode()).isEqualTo(401);
        assertThat(send("POST", path, "{\"content\":\"no wait\"}", null).statusCode()).isEqualTo(204);
        JsonNode waited = Json.parse(send("POST", path + "?wait=true",
                "{\"content\":\"waited\",\"username\":\"Lilith\",\"avatar_url\":\"https://a.example/l.png\"}",
                null).body());
        assertThat(waited.path("webhook_id").asText()).isEqualTo(webhook.path("id").asText());
        assertThat(waited.path("author").path("username").asText()).isEqualTo("Lilith");
        assertThat(waited.path("application_id").asText()).isEqualTo(Json.id(simulator.botUser().id()));
        assertThat(send("POST", path, "{\"content\":\"x\",\"username\":\"clyde\"}", null).statusCode())
                .isEqualTo(400);

        SimTextChannel other = simulator.world().createTextChannel(guild, "other");
        SimThreadChannel foreignThread = simulator.world().createThread(other, "elsewhere", alice);
        HttpResponse<String> wrongThread = send("POST", path + "?thread_id=" + foreignThread.id(),
                "{\"content\":\"x\"}", null);
        assertThat(wrongThread.statusCode()).isEqualTo(404);
        SimThreadChannel archived = simulator.world().setArchived(
                simulator.world().createThread(general, "done", alice), true);
        HttpResponse<String> intoArchived = send("POST", path + "?thread_id=" + archived.id(),
                "{\"content\":\"x\"}", null);
        assertThat(intoArchived.statusCode()).isEqualTo(400);
        assertThat(Json.parse(intoArchived.body()).path("code").asInt()).isEqualTo(50083);
        assertThat(simulator.botPosts()).extracting(p -> p.content()).containsExactly("no wait", "waited");
    }

    private String messages(SimTextChannel channel) {
        return "channels/" + channel.id() + "/messages";
    }

    private String auth() {
        return "Bot " + simulator.botToken();
    }

    private HttpResponse<String> send(String method, String path, String json, String authorization)
            throws IOException, InterruptedException {
        HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(simulator.restBaseUrl() + path))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(json))
                .header("Content-Type", "application/json");
        if (authorization != null) {
            request.header("Authorization", authorization);
        }
        return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
    }
}
