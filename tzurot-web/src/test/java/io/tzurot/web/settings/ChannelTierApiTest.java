package io.tzurot.web.settings;

import static io.tzurot.web.testing.ApiAssertions.assertError;
import static io.tzurot.web.testing.ApiAssertions.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tzurot.web.testing.ManagementTestServer;
import io.tzurot.web.testing.TestServer;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** /api/v1/admin/channels/{channelId}/settings: the channel tier for the bot owner; everyone else is refused. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class ChannelTierApiTest {

    private static final String PATH = "/api/v1/admin/channels/600000000000000001/settings";

    private ManagementTestServer server;
    private String alice;
    private String owner;

    @BeforeAll
    void start() {
        server = new ManagementTestServer();
        alice = server.token("200000000000000005", false);
        owner = server.token(TestServer.OPERATOR, true);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private static String sourceOf(JsonNode tier, String key) {
        for (JsonNode row : tier.get("settings")) {
            if (row.get("key").asText().equals(key)) {
                return row.get("source").asText() + "=" + row.get("value");
            }
        }
        throw new AssertionError("no " + key + " in " + tier);
    }

    @Test
    void onlyTheBotOwnerReachesAChannelsTier() {
        assertError(server.send("GET", PATH, null, null), 401, "unauthenticated", null);
        assertError(server.send("GET", PATH, alice, null), 403, "forbidden", null);
        assertError(server.send("PATCH", PATH, alice, "{\"maxMessages\":3}"), 403, "forbidden", null);
        assertError(server.send("DELETE", PATH, alice, null), 403, "forbidden", null);
        assertThat(ok(server.send("GET", PATH, owner, null), 200).get("configOverrides").size()).isZero();
    }

    @Test
    void patchMergesDeleteClearsAndTheResolvedValuesNameTheChannel() {
        String path = "/api/v1/admin/channels/600000000000000002/settings";
        ok(server.send("PATCH", path, owner, "{\"maxMessages\":3}"), 200);
        JsonNode tier = ok(server.send("PATCH", path, owner, "{\"maxAge\":null,\"showModelFooter\":false}"), 200);
        assertThat(tier.get("channelId").asText()).isEqualTo("600000000000000002");
        assertThat(tier.get("configOverrides").toString())
                .isEqualTo("{\"maxMessages\":3,\"maxAge\":null,\"showModelFooter\":false}");
        assertThat(sourceOf(tier, "maxMessages")).isEqualTo("channel=3");
        assertThat(sourceOf(tier, "maxAge")).isEqualTo("channel=null");
        assertThat(sourceOf(tier, "memoryLimit")).isEqualTo("hardcoded=20");

        ok(server.send("DELETE", path, owner, null), 204);
        assertThat(ok(server.send("GET", path, owner, null), 200).get("configOverrides").size()).isZero();
    }

    @Test
    void personalSettingsAndBadIdsAreRefusedAndStoreNothing() {
        String path = "/api/v1/admin/channels/600000000000000003/settings";
        assertError(server.send("PATCH", path, owner, "{\"memoryLimit\":0}"), 400, "bad_request", "memoryLimit");
        assertError(server.send("PATCH", path, owner, "{\"maxMessages\":0}"), 400, "bad_request", "maxMessages");
        assertError(server.send("PATCH", "/api/v1/admin/channels/general/settings", owner, "{\"maxMessages\":3}"),
                400, "bad_request", "channelId");
        assertError(server.send("GET", "/api/v1/admin/channels/general/settings", owner, null), 400, "bad_request",
                "channelId");
        assertThat(ok(server.send("GET", path, owner, null), 200).get("configOverrides").size()).isZero();
    }
}
