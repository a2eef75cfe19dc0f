package io.tzurot.web.admin;

import static io.tzurot.web.testing.ApiAssertions.assertError;
import static io.tzurot.web.testing.ApiAssertions.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tzurot.core.admin.FleetHeartbeats;
import io.tzurot.core.admin.Heartbeat;
import io.tzurot.core.usage.UsageLog;
import io.tzurot.core.user.DiscordUserProfile;
import io.tzurot.core.user.User;
import io.tzurot.storage.user.JdbiUserRepository;
import io.tzurot.web.testing.TestServer;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.OptionalLong;
import java.util.UUID;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * /api/v1/admin/usage|health|metrics|cleanup: the exact usage contract (totals by user, character and model;
 * a bad period is 400 naming the field), and the permission matrix of every admin route: anonymous 401, any
 * user but the bot owner 403, the bot owner 200.
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AdminApiTest {

    private AdminTestServer server;
    private String owner;
    private String alice;
    private User ann;

    @BeforeAll
    void start() {
        server = new AdminTestServer();
        owner = server.token(TestServer.OPERATOR, true);
        alice = server.token("200000000000000005", false);
        JdbiUserRepository users = new JdbiUserRepository(server.database.jdbi(), Clock.systemUTC());
        ann = users.getOrCreate(new DiscordUserProfile("200000000000000006", "ann", null, null, false), false);
        UUID character = UUID.randomUUID();
        server.database.jdbi().useHandle(h -> h.createUpdate("INSERT INTO personalities (id, name, slug, owner_id,"
                + " character_info, personality_traits) VALUES (:id, 'Echo', 'echo', :owner, 'i', 't')")
                .bind("id", character).bind("owner", ann.id()).execute());
        Instant now = Instant.now();
        server.usage.record(UsageLog.forReply("r1", ann.id(), character, "openrouter", "model/a", 100, 10, true, 5,
                now.minus(Duration.ofHours(2))));
        server.usage.record(UsageLog.forReply("r2", ann.id(), character, "openrouter", "model/b", 50, 5, false, 5,
                now.minus(Duration.ofDays(3))));
        server.usage.record(UsageLog.forReply("r3", ann.id(), character, "openrouter", "model/b", 1, 1, false, 5,
                now.minus(Duration.ofDays(20))));
        new FleetHeartbeats(server.keys).beat(new Heartbeat("worker-host-42", "worker", "1.2.3",
                now.minusSeconds(90), now, OptionalLong.of(4)));
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void usageTotalsByUserCharacterAndModelForEachPeriod() {
        JsonNode day = ok(server.send("GET", "/api/v1/admin/usage?period=24h", owner, null), 200);
        assertThat(day.get("period").asText()).isEqualTo("24h");
        assertThat(day.get("total").toString()).isEqualTo(
                "{\"requests\":1,\"tokensIn\":100,\"tokensOut\":10,\"guestRequests\":1}");
        assertThat(day.get("byUser").toString()).isEqualTo("[{\"userId\":\"" + ann.id() + "\",\"discordId\":"
                + "\"200000000000000006\",\"requests\":1,\"tokensIn\":100,\"tokensOut\":10}]");
        assertThat(day.get("byCharacter").get(0).get("slug").asText()).isEqualTo("echo");
        assertThat(day.get("byModel").toString()).isEqualTo(
                "[{\"model\":\"model/a\",\"requests\":1,\"tokensIn\":100,\"tokensOut\":10}]");
        JsonNode week = ok(server.send("GET", "/api/v1/admin/usage?period=7d", owner, null), 200);
        assertThat(week.get("total").get("requests").asInt()).isEqualTo(2);
        assertThat(week.get("byModel").get(0).get("model").asText()).isEqualTo("model/a");
        JsonNode month = ok(server.send("GET", "/api/v1/admin/usage?period=30d", owner, null), 200);
        assertThat(month.get("total").get("requests").asInt()).isEqualTo(3);
        assertThat(month.get("byModel").get(1).get("requests").asInt()).isEqualTo(2);
        assertThat(ok(server.send("GET", "/api/v1/admin/usage", owner, null), 200).get("period").asText())
                .isEqualTo("7d");
    }

    @Test
    void aBadPeriodIs400NamingTheFieldAndTheChoices() {
        for (String bad : List.of("1h", "7D", "week", "24h%20x")) {
            var response = server.send("GET", "/api/v1/admin/usage?period=" + bad, owner, null);
            assertError(response, 400, "bad_request", "period");
            assertThat(response.body()).contains("expected one of 24h, 7d, 30d");
        }
    }

    @Test
    void healthMetricsAndCleanup() {
        JsonNode health = ok(server.send("GET", "/api/v1/admin/health", owner, null), 200);
        assertThat(health.get("processes").get(0).get("processId").asText()).isEqualTo("worker-host-42");
        assertThat(health.get("processes").get(0).get("queueLag").asInt()).isEqualTo(4);
        assertThat(health.get("processes").get(0).get("uptimeSeconds").asInt()).isEqualTo(90);
        assertThat(ok(server.send("GET", "/api/v1/admin/metrics", owner, null), 200).toString())
                .contains("tzurot.replies{outcome=replied}");
        JsonNode cleaned = ok(server.send("POST", "/api/v1/admin/cleanup", owner,
                "{\"days\":365,\"target\":\"usage\"}"), 200);
        assertThat(cleaned.get("deleted").toString()).isEqualTo("{\"usage\":0}");
        assertError(server.send("POST", "/api/v1/admin/cleanup", owner, "{\"days\":0}"), 400, "bad_request", "days");
        assertError(server.send("POST", "/api/v1/admin/cleanup", owner, "{\"target\":\"users\"}"), 400,
                "bad_request", "target");
        assertError(server.send("POST", "/api/v1/admin/cleanup", owner, "{\"colour\":1}"), 400, "bad_request",
                "colour");
    }

    @Test
    void everyAdminRouteIsForTheBotOwnerOnly() {
        record Route(String method, String path, String body) {
        }
        for (Route r : List.of(new Route("GET", "/api/v1/admin/usage?period=24h", null),
                new Route("GET", "/api/v1/admin/usage?period=nonsense", null),
                new Route("GET", "/api/v1/admin/health", null), new Route("GET", "/api/v1/admin/metrics", null),
                new Route("POST", "/api/v1/admin/cleanup", "{\"days\":1,\"target\":\"all\"}"),
                new Route("POST", "/api/v1/admin/cleanup", "{\"days\":0}"))) {
            assertError(server.send(r.method(), r.path(), null, r.body()), 401, "unauthenticated", null);
            assertError(server.send(r.method(), r.path(), alice, r.body()), 403, "forbidden", null);
        }
        assertThat(server.send("GET", "/console/admin", alice, null).statusCode()).isEqualTo(403);
        assertThat(server.send("GET", "/console/admin", owner, null).statusCode()).isEqualTo(200);
        // usage rows are untouched by the refused clean-ups
        assertThat(ok(server.send("GET", "/api/v1/admin/usage?period=30d", owner, null), 200).get("total")
                .get("requests").asInt()).isEqualTo(3);
    }
}
