package io.tzurot.web.moderation;

import static io.tzurot.web.testing.ApiAssertions.assertError;
import static io.tzurot.web.testing.ApiAssertions.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tzurot.core.moderation.DenylistType;
import io.tzurot.web.testing.TestServer;
import java.time.Duration;
import java.util.List;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.DynamicTest;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestFactory;
import org.junit.jupiter.api.TestInstance;

/** /api/v1/admin/denylist: every route for the bot owner; anyone else is refused; bad input stores nothing. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class DenylistApiTest {

    private static final String BASE = "/api/v1/admin/denylist";

    private DenylistTestServer server;
    private String alice;
    private String owner;

    @BeforeAll
    void start() {
        server = new DenylistTestServer();
        alice = server.token("200000000000000005", false);
        owner = server.token(TestServer.OPERATOR, true);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private record Route(String method, String path, String body, int ownerStatus) {
    }

    /** Each route × (nobody, a user, the bot owner): 401, 403, and the owner's success. */
    @TestFactory
    List<DynamicTest> everyRouteForEveryCaller() {
        List<Route> routes = List.of(
                new Route("POST", BASE, "{\"target\":\"<@300000000000000001>\",\"mode\":\"mute\",\"duration\":\"1d\"}", 201),
                new Route("GET", BASE, null, 200),
                new Route("GET", BASE + "?type=user", null, 200),
                new Route("GET", BASE + "/user/300000000000000001", null, 200),
                new Route("DELETE", BASE + "/user/300000000000000001", null, 200));
        return routes.stream().map(r -> DynamicTest.dynamicTest(r.method() + " " + r.path(), () -> {
            assertError(server.send(r.method(), r.path(), null, r.body()), 401, "unauthenticated", null);
            assertError(server.send(r.method(), r.path(), alice, r.body()), 403, "forbidden", null);
            ok(server.send(r.method(), r.path(), owner, r.body()), r.ownerStatus());
        })).toList();
    }

    @Test
    void addViewListAndLiftAChannelDenialThatLapsesOnTheClock() {
        JsonNode added = ok(server.send("POST", BASE, owner, "{\"target\":\"400000000000000001\",\"type\":\"channel\","
                + "\"mode\":\"block\",\"duration\":\"1h\",\"reason\":\"raid\"}"), 201);
        assertThat(added.get("type").asText()).isEqualTo("channel");
        assertThat(added.get("scope").asText()).isEqualTo("bot");
        assertThat(added.get("mode").asText()).isEqualTo("block");
        assertThat(added.get("reason").asText()).isEqualTo("raid");
        assertThat(added.get("expiresAt").asText()).isEqualTo(server.clock.instant().plus(Duration.ofHours(1)).toString());

        String one = BASE + "/channel/400000000000000001";
        assertThat(ok(server.send("GET", one, owner, null), 200).get("entries")).hasSize(1);
        assertThat(ok(server.send("GET", BASE + "?type=channel", owner, null), 200).get("entries")).hasSize(1);
        assertThat(ok(server.send("GET", BASE + "?type=guild", owner, null), 200).get("entries")).isEmpty();

        server.clock.advance(Duration.ofHours(1));
        assertThat(ok(server.send("GET", one, owner, null), 200).get("entries")).isEmpty();
        assertError(server.send("DELETE", one, owner, null), 404, "not_found", null);

        ok(server.send("POST", BASE, owner, "{\"target\":\"400000000000000002\",\"type\":\"guild\",\"mode\":\"mute\"}"), 201);
        JsonNode lifted = ok(server.send("DELETE", BASE + "/guild/400000000000000002", owner, null), 200);
        assertThat(lifted.get("entries").get(0).get("expiresAt").isNull()).isTrue();
        assertThat(server.denylist.findActive(DenylistType.GUILD, "400000000000000002", server.clock.instant())).isEmpty();
    }

    @Test
    void badInputNamesTheFieldAndStoresNothing() {
        assertError(server.send("POST", BASE, owner, "{\"target\":\"alice\",\"mode\":\"block\"}"), 400, "bad_request", "target");
        assertError(server.send("POST", BASE, owner, "{\"target\":\"500000000000000001\",\"mode\":\"ban\"}"), 400,
                "bad_request", "mode");
        assertError(server.send("POST", BASE, owner, "{\"target\":\"500000000000000001\",\"mode\":\"block\","
                + "\"duration\":\"2h\"}"), 400, "bad_request", "duration");
        assertError(server.send("POST", BASE, owner, "{\"target\":\"500000000000000001\",\"type\":\"role\","
                + "\"mode\":\"block\"}"), 400, "bad_request", "type");
        assertError(server.send("POST", BASE, owner, "{\"target\":\"500000000000000001\",\"mode\":\"block\","
                + "\"until\":\"soon\"}"), 400, "bad_request", "until");
        assertError(server.send("POST", BASE, owner, "{\"target\":\"" + TestServer.OPERATOR + "\",\"mode\":\"block\"}"),
                400, "bad_request", "target");
        assertError(server.send("GET", BASE + "?type=role", owner, null), 400, "bad_request", "type");
        assertError(server.send("GET", BASE + "/user/abc", owner, null), 400, "bad_request", "target");
        assertThat(server.denylist.findActive(DenylistType.USER, "500000000000000001", server.clock.instant())).isEmpty();
    }
}
