package io.tzurot.web.apikey;

import io.tzurot.testkit.logs.SecretLogScan;
import org.junit.jupiter.api.extension.ExtendWith;
import static io.tzurot.web.testing.ApiAssertions.assertError;
import static io.tzurot.web.testing.ApiAssertions.ok;
import static org.assertj.core.api.Assertions.assertThat;

import com.sun.net.httpserver.HttpServer;
import io.tzurot.core.apikey.RevealApiKey;
import io.tzurot.core.apikey.ApiKeyCipher;
import io.tzurot.core.id.DeterministicIds;
import io.tzurot.web.testing.ManagementTestServer;
import java.net.InetSocketAddress;
import java.net.URI;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;

/**
 * /api/v1/keys: a key is checked with the provider first, stored encrypted, listed as metadata, never
 * returned. Accepted keys go through the fake model server's /v1/models; refusals come from a small
 * provider stub that answers 401 to any other key (the fake's /v1/models accepts every key).
 */
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
@ExtendWith(SecretLogScan.class)
class ApiKeyApiTest {

    private static final String ALICE = "200000000000000005";
    private static final String KEY = "sk-or-v1-" + "a1b2c3d4".repeat(6);

    static {
        SecretLogScan.secret(KEY);
    }

    private ManagementTestServer server;
    private String alice;
    private String bob;

    @BeforeAll
    void start() {
        server = new ManagementTestServer();
        alice = server.token(ALICE, false);
        bob = server.token("300000000000000005", false);
    }

    @AfterAll
    void stop() {
        server.close();
    }

    @Test
    void anonymousCallersGet401() {
        assertError(server.send("GET", "/api/v1/keys", null, null), 401, "unauthenticated", null);
        assertError(server.send("PUT", "/api/v1/keys/openrouter", null, "{\"apiKey\":\"x\"}"), 401, "unauthenticated", null);
        assertError(server.send("DELETE", "/api/v1/keys/openrouter", null, null), 401, "unauthenticated", null);
    }

    @Test
    void anAcceptedKeyIsStoredEncryptedAndNeverReturned() {
        String answer = ok(server.send("PUT", "/api/v1/keys/openrouter", alice, "{\"apiKey\":\"" + KEY + "\"}"), 200).toString();
        assertThat(answer).doesNotContain(KEY).contains("openrouter");
        String listed = server.send("GET", "/api/v1/keys", alice, null).body();
        assertThat(listed).contains("openrouter").doesNotContain(KEY).doesNotContain("a1b2c3d4");
        assertThat(server.send("GET", "/api/v1/keys", bob, null).body()).doesNotContain("\"provider\":\"openrouter\"");
        RevealApiKey reveal = new RevealApiKey(server.services.apiKeys(), ApiKeyCipher.fromHex("0123456789abcdef".repeat(4)));
        assertThat(reveal.execute(DeterministicIds.user(ALICE), "openrouter")).contains(KEY);

        assertError(server.send("DELETE", "/api/v1/keys/openrouter", bob, null), 404, "not_found", null);
        ok(server.send("DELETE", "/api/v1/keys/openrouter", alice, null), 204);
        assertThat(server.send("GET", "/api/v1/keys", alice, null).body()).doesNotContain("\"provider\":\"openrouter\"");
        assertError(server.send("DELETE", "/api/v1/keys/openrouter", alice, null), 404, "not_found", null);
    }

    @Test
    void aKeyTheProviderRefusesIs400AndNothingIsStored() throws Exception {
        HttpServer provider = HttpServer.create(new InetSocketAddress("127.0.0.1", 0), 0);
        provider.createContext("/", exchange -> {
            boolean good = ("Bearer " + KEY).equals(exchange.getRequestHeaders().getFirst("Authorization"));
            exchange.sendResponseHeaders(good ? 200 : 401, -1);
            exchange.close();
        });
        provider.start();
        try (ManagementTestServer strict = new ManagementTestServer(
                URI.create("http://127.0.0.1:" + provider.getAddress().getPort() + "/api/v1"))) {
            String carol = strict.token("400000000000000005", false);
            assertError(strict.send("PUT", "/api/v1/keys/openrouter", carol, "{\"apiKey\":\"sk-wrong\"}"),
                    400, "bad_request", "apiKey");
            assertThat(strict.send("GET", "/api/v1/keys", carol, null).body()).doesNotContain("\"provider\":\"openrouter\"");
            ok(strict.send("PUT", "/api/v1/keys/openrouter", carol, "{\"apiKey\":\"" + KEY + "\"}"), 200);
        } finally {
            provider.stop(0);
        }
    }

    @Test
    void anUnreachableProviderIs502AndNothingIsStored() throws Exception {
        int closedPort;
        try (java.net.ServerSocket socket = new java.net.ServerSocket(0)) {
            closedPort = socket.getLocalPort();
        }
        try (ManagementTestServer offline = new ManagementTestServer(URI.create("http://127.0.0.1:" + closedPort + "/v1"))) {
            String dave = offline.token("500000000000000005", false);
            assertError(offline.send("PUT", "/api/v1/keys/openrouter", dave, "{\"apiKey\":\"" + KEY + "\"}"),
                    502, "provider_unavailable", null);
            assertThat(offline.send("GET", "/api/v1/keys", dave, null).body()).contains("\"keys\":[]");
        }
    }

    @Test
    void badInputNamesTheField() {
        assertError(server.send("PUT", "/api/v1/keys/openrouter", alice, "{}"), 400, "bad_request", "apiKey");
        assertError(server.send("PUT", "/api/v1/keys/openrouter", alice, "{\"apiKey\":\"" + "k".repeat(501) + "\"}"),
                400, "bad_request", "apiKey");
        assertError(server.send("PUT", "/api/v1/keys/openrouter", alice, "{\"apiKey\":\"two words\"}"),
                400, "bad_request", "apiKey");
        assertError(server.send("PUT", "/api/v1/keys/someone-else", alice, "{\"apiKey\":\"k\"}"), 400, "bad_request", "provider");
        assertError(server.send("PUT", "/api/v1/keys/openrouter", alice, "{\"apiKey\":\"k\",\"extra\":1}"),
                400, "bad_request", "extra");
    }
}
