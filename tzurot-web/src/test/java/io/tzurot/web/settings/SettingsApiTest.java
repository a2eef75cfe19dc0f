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

/** /api/v1/settings, /api/v1/admin/settings and the time zone: tiers, the resolved cascade, permissions, bad input. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class SettingsApiTest {

    private ManagementTestServer server;
    private String alice;
    private String bob;
    private String owner;

    @BeforeAll
    void start() {
        server = new ManagementTestServer();
        alice = server.token("200000000000000004", false);
        bob = server.token("300000000000000004", false);
        owner = server.token(TestServer.OPERATOR, true);
        ok(server.send("POST", "/api/v1/personalities", owner, "{\"name\":\"Guide\",\"slug\":\"guide\","
                + "\"characterInfo\":\"x\",\"personalityTraits\":\"y\",\"isPublic\":true}"), 201);
        ok(server.send("POST", "/api/v1/personalities", owner, "{\"name\":\"Hidden\",\"slug\":\"hidden\","
                + "\"characterInfo\":\"x\",\"personalityTraits\":\"y\"}"), 201);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    private static String sourceOf(JsonNode resolved, String key) {
        for (JsonNode row : resolved.get("settings")) {
            if (row.get("key").asText().equals(key)) {
                return row.get("source").asText() + "=" + row.get("value");
            }
        }
        throw new AssertionError("no " + key + " in " + resolved);
    }

    @Test
    void anonymousCallersGet401AndOnlyTheOwnerReachesTheAdminTier() {
        assertError(server.send("GET", "/api/v1/settings", null, null), 401, "unauthenticated", null);
        assertError(server.send("GET", "/api/v1/settings/resolved", null, null), 401, "unauthenticated", null);
        assertError(server.send("PATCH", "/api/v1/me", null, "{\"timezone\":\"UTC\"}"), 401, "unauthenticated", null);
        assertError(server.send("GET", "/api/v1/admin/settings", null, null), 401, "unauthenticated", null);
        assertError(server.send("GET", "/api/v1/admin/settings", alice, null), 403, "forbidden", null);
        assertError(server.send("PATCH", "/api/v1/admin/settings", alice, "{\"maxImages\":2}"), 403, "forbidden", null);
    }

    @Test
    void eachValueReportsTheTierItCameFrom() {
        JsonNode resolved = ok(server.send("GET", "/api/v1/settings/resolved?personality=guide", alice, null), 200);
        assertThat(sourceOf(resolved, "maxMessages")).isEqualTo("hardcoded=50");
        ok(server.send("PATCH", "/api/v1/admin/settings", owner, "{\"maxMessages\":40,\"maxImages\":3}"), 200);
        ok(server.send("PATCH", "/api/v1/settings", alice, "{\"maxMessages\":30}"), 200);
        ok(server.send("PATCH", "/api/v1/settings/personalities/guide", alice, "{\"maxAge\":null}"), 200);
        resolved = ok(server.send("GET", "/api/v1/settings/resolved?personality=guide", alice, null), 200);
        assertThat(sourceOf(resolved, "maxMessages")).isEqualTo("user-default=30");
        assertThat(sourceOf(resolved, "maxImages")).isEqualTo("admin=3");
        assertThat(sourceOf(resolved, "maxAge")).isEqualTo("user-personality=null");
        assertThat(resolved.get("model").toString()).contains("\"key\":\"model\"");
        // bob's tiers are his own
        assertThat(sourceOf(ok(server.send("GET", "/api/v1/settings/resolved?personality=guide", bob, null), 200),
                "maxMessages")).isEqualTo("admin=40");
        ok(server.send("PATCH", "/api/v1/admin/settings", owner, "{\"maxMessages\":null,\"maxImages\":null}"), 200);
    }

    @Test
    void patchMergesAndDeleteClearsOnlyTheNamedTier() {
        ok(server.send("PATCH", "/api/v1/settings", bob, "{\"memoryLimit\":5}"), 200);
        JsonNode merged = ok(server.send("PATCH", "/api/v1/settings", bob, "{\"focusModeEnabled\":true}"), 200);
        assertThat(merged.get("memoryLimit").asInt()).isEqualTo(5);
        assertThat(merged.get("focusModeEnabled").asBoolean()).isTrue();
        ok(server.send("PATCH", "/api/v1/settings/personalities/guide", bob, "{\"maxImages\":1}"), 200);
        ok(server.send("DELETE", "/api/v1/settings", bob, null), 204);
        JsonNode tiers = ok(server.send("GET", "/api/v1/settings", bob, null), 200);
        assertThat(tiers.get("userDefault").size()).isZero();
        assertThat(tiers.get("personalities").toString()).contains("guide").contains("\"maxImages\":1");
        ok(server.send("DELETE", "/api/v1/settings/personalities/guide", bob, null), 204);
        assertThat(ok(server.send("GET", "/api/v1/settings", bob, null), 200).get("personalities").size()).isZero();
    }

    @Test
    void theTimezoneIsValidated() {
        assertThat(ok(server.send("PATCH", "/api/v1/me", alice, "{\"timezone\":\"Europe/Paris\"}"), 200)
                .get("timezone").asText()).isEqualTo("Europe/Paris");
        assertThat(ok(server.send("GET", "/api/v1/settings", alice, null), 200).get("timezone").asText()).isEqualTo("Europe/Paris");
        assertError(server.send("PATCH", "/api/v1/me", alice, "{\"timezone\":\"Mars/Olympus\"}"), 400, "bad_request", "timezone");
        assertError(server.send("PATCH", "/api/v1/me", alice, "{}"), 400, "bad_request", "timezone");
        assertThat(ok(server.send("GET", "/api/v1/settings", alice, null), 200).get("timezone").asText()).isEqualTo("Europe/Paris");
    }

    @Test
    void badTiersNameTheFieldAndStoreNothing() {
        assertError(server.send("PATCH", "/api/v1/settings", alice, "{\"maxMessages\":0}"), 400, "bad_request", "maxMessages");
        assertError(server.send("PATCH", "/api/v1/settings", alice, "{\"memoryScoreThreshold\":2}"),
                400, "bad_request", "memoryScoreThreshold");
        assertError(server.send("PATCH", "/api/v1/settings", alice, "{\"maxImages\":2,\"colour\":\"red\"}"),
                400, "bad_request", "colour");
        assertError(server.send("PATCH", "/api/v1/settings", alice, "{}"), 400, "bad_request", null);
        assertError(server.send("PATCH", "/api/v1/settings", alice, "[1]"), 400, "bad_request", null);
        assertThat(ok(server.send("GET", "/api/v1/settings", alice, null), 200).get("userDefault").has("maxImages")).isFalse();
        assertError(server.send("PATCH", "/api/v1/settings/personalities/hidden", alice, "{\"maxImages\":2}"),
                404, "not_found", null);
        assertError(server.send("GET", "/api/v1/settings/resolved?personality=nobody-here", alice, null), 404, "not_found", null);
    }
}
