package io.tzurot.web.api;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tzurot.web.testing.TestServer;
import java.net.http.HttpResponse;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Nested;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/** The permission matrix of /api/v1/me and the token routes: user A, user B, the owner and anonymous callers. */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AccessApiTest {

    private static final ObjectMapper JSON = new ObjectMapper();
    private static final String ALICE = "200000000000000001";
    private static final String BOB = "300000000000000001";

    private TestServer server;
    private String alice;
    private String bob;
    private String owner;

    @BeforeAll
    void start() {
        server = new TestServer();
        alice = server.token(ALICE, false);
        bob = server.token(BOB, false);
        owner = server.token(TestServer.OPERATOR, true);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (java.io.IOException e) {
            throw new AssertionError("not JSON: " + response.body(), e);
        }
    }

    static void assertError(HttpResponse<String> response, int status, String error, String field) {
        assertThat(response.statusCode()).as(response.body()).isEqualTo(status);
        assertThat(response.headers().firstValue("Content-Type").orElse("")).startsWith("application/json");
        JsonNode body = json(response);
        assertThat(body.get("error").asText()).isEqualTo(error);
        assertThat(body.get("message").asText()).isNotBlank().doesNotContain("Exception").doesNotContain("\tat ");
        if (field == null) {
            assertThat(body.get("field").isNull()).isTrue();
        } else {
            assertThat(body.get("field").asText()).isEqualTo(field);
        }
    }

    private String createToken(String bearer, String label) {
        HttpResponse<String> created = server.postJson("/api/v1/tokens", bearer, "{\"label\":\"" + label + "\"}");
        assertThat(created.statusCode()).as(created.body()).isEqualTo(201);
        return json(created).get("token").get("id").asText();
    }

    @Nested
    class Anonymous {
        @Test
        void everyUserRouteAnswers401WithTheErrorShape() {
            assertError(server.get("/api/v1/me", null), 401, "unauthenticated", null);
            assertError(server.get("/api/v1/tokens", null), 401, "unauthenticated", null);
            assertError(server.postJson("/api/v1/tokens", null, "{\"label\":\"x\"}"), 401, "unauthenticated", null);
            assertError(server.send("DELETE", "/api/v1/tokens/123e4567-e89b-12d3-a456-426614174000", null, null, null),
                    401, "unauthenticated", null);
        }

        @Test
        void anUnknownOrMalformedBearerTokenIs401() {
            assertError(server.get("/api/v1/me", "tzk_" + "A".repeat(43)), 401, "unauthenticated", null);
            assertError(server.get("/api/v1/me", "not-a-token"), 401, "unauthenticated", null);
            assertError(server.send("GET", "/api/v1/me", null, null, null, "Authorization", "Basic abc"), 401, "unauthenticated", null);
        }

        @Test
        void theOpenApiDocumentIsPublic() {
            assertThat(server.get("/api/v1/openapi.json", null).statusCode()).isEqualTo(200);
        }
    }

    @Nested
    class Users {
        @Test
        void meTellsWhoTheTokenActsAs() {
            JsonNode me = json(server.get("/api/v1/me", alice));
            assertThat(me.get("discordId").asText()).isEqualTo(ALICE);
            assertThat(me.get("owner").asBoolean()).isFalse();
            assertThat(me.get("userId").asText()).isEqualTo(io.tzurot.core.id.DeterministicIds.user(ALICE).toString());
            assertThat(json(server.get("/api/v1/me", owner)).get("owner").asBoolean()).isTrue();
        }

        @Test
        void aCreatedTokenWorksAndIsListedOnlyForItsUserWithoutItsSecret() {
            HttpResponse<String> created = server.postJson("/api/v1/tokens", alice, "{\"label\":\"backup script\"}");
            assertThat(created.statusCode()).isEqualTo(201);
            String secret = json(created).get("secret").asText();
            String id = json(created).get("token").get("id").asText();
            assertThat(secret).startsWith("tzk_");
            assertThat(json(server.get("/api/v1/me", secret)).get("discordId").asText()).isEqualTo(ALICE);

            HttpResponse<String> aliceList = server.get("/api/v1/tokens", alice);
            assertThat(aliceList.body()).contains(id).contains("backup script").doesNotContain(secret);
            assertThat(server.get("/api/v1/tokens", bob).body()).doesNotContain(id);
        }

        @Test
        void anotherUsersTokenCannotBeRevokedAndLooksUnknown() {
            String id = createToken(alice, "alice only");
            assertError(server.send("DELETE", "/api/v1/tokens/" + id, bob, null, null), 404, "not_found", null);
            assertThat(server.get("/api/v1/tokens", alice).body()).contains(id);
        }

        @Test
        void revokingOwnTokenStopsItAtOnce() {
            HttpResponse<String> created = server.postJson("/api/v1/tokens", bob, "{\"label\":\"short lived\"}");
            String secret = json(created).get("secret").asText();
            String id = json(created).get("token").get("id").asText();
            assertThat(server.send("DELETE", "/api/v1/tokens/" + id, secret, null, null).statusCode()).isEqualTo(204);
            assertError(server.get("/api/v1/me", secret), 401, "unauthenticated", null);
            assertError(server.send("DELETE", "/api/v1/tokens/" + id, bob, null, null), 404, "not_found", null);
        }

        @Test
        void onlyTheOwnerMayCreateOwnerTokensOrListEveryone() {
            assertError(server.postJson("/api/v1/tokens", alice, "{\"label\":\"admin\",\"owner\":true}"), 403, "forbidden", null);
            assertError(server.get("/api/v1/tokens?all=true", alice), 403, "forbidden", null);
        }
    }

    @Nested
    class Owner {
        @Test
        void createsOwnerTokensListsEveryoneAndRevokesAnyToken() {
            HttpResponse<String> created = server.postJson("/api/v1/tokens", owner, "{\"label\":\"ops\",\"owner\":true}");
            assertThat(created.statusCode()).isEqualTo(201);
            assertThat(json(server.get("/api/v1/me", json(created).get("secret").asText())).get("owner").asBoolean()).isTrue();

            String bobsToken = createToken(bob, "bob's to revoke");
            JsonNode all = json(server.get("/api/v1/tokens?all=true", owner));
            assertThat(all.get("tokens").findValuesAsText("discordId")).contains(ALICE, BOB, TestServer.OPERATOR);
            assertThat(server.send("DELETE", "/api/v1/tokens/" + bobsToken, owner, null, null).statusCode()).isEqualTo(204);
            assertThat(server.get("/api/v1/tokens", bob).body()).doesNotContain(bobsToken);
        }
    }
}
