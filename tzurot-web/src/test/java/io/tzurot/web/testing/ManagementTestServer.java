package io.tzurot.web.testing;

import io.tzurot.core.access.AccessServices;
import io.tzurot.core.apikey.ApiKeyCipher;
import io.tzurot.core.preset.BuiltInPreset;
import io.tzurot.storage.access.JdbiAccessRepository;
import io.tzurot.storage.apikey.JdbiApiKeyRepository;
import io.tzurot.storage.db.Database;
import io.tzurot.storage.db.DatabaseSettings;
import io.tzurot.storage.persona.JdbiPersonaRepository;
import io.tzurot.storage.personality.JdbiPersonalityRepository;
import io.tzurot.storage.preset.JdbiPresetRepository;
import io.tzurot.storage.settings.JdbiAdminSettingsRepository;
import io.tzurot.storage.settings.JdbiUserPersonalityConfigRepository;
import io.tzurot.storage.user.JdbiUserRepository;
import io.tzurot.testkit.model.FakeModelServer;
import io.tzurot.web.ManagementFeature;
import io.tzurot.web.ManagementServices;
import io.tzurot.web.WebConsole;
import io.tzurot.web.apikey.HttpProviderKeyValidator;
import io.tzurot.web.server.WebServer;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The web console with {@link ManagementFeature} wired as the app wires it, over a fresh in-memory H2
 * database with the real repositories, checking provider keys against a {@link FakeModelServer}.
 */
public final class ManagementTestServer implements AutoCloseable {

    public final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    public final Database database;
    public final AccessServices access;
    public final ManagementServices services;
    public final FakeModelServer models;
    public final WebConsole console;
    public final WebServer server;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    public ManagementTestServer() {
        this(null);
    }

    /** @param keyCheckBase where provider keys are checked; null for the fake model server */
    public ManagementTestServer(URI keyCheckBase) {
        database = Database.open(DatabaseSettings.inMemory("mgmt" + UUID.randomUUID().toString().replace("-", "")));
        var jdbi = database.jdbi();
        access = AccessServices.create(new JdbiAccessRepository(jdbi), clock, TestServer.OPERATOR);
        services = ManagementServices.of(new JdbiPersonalityRepository(jdbi, clock), new JdbiPersonaRepository(jdbi, clock),
                new JdbiPresetRepository(jdbi, clock), new JdbiUserRepository(jdbi, clock),
                new JdbiUserPersonalityConfigRepository(jdbi, clock), new JdbiAdminSettingsRepository(jdbi, clock),
                new JdbiApiKeyRepository(jdbi, clock), BuiltInPreset.DEFAULT);
        models = FakeModelServer.start();
        URI base = keyCheckBase == null ? URI.create(models.baseUrl()) : keyCheckBase;
        ManagementFeature feature = new ManagementFeature(() -> Optional.of(services),
                Optional.of(ApiKeyCipher.fromHex("0123456789abcdef".repeat(4))),
                new HttpProviderKeyValidator("openrouter", base));
        console = new WebConsole(() -> Optional.of(access), "test", ManagementFeature.SECTIONS, List.of(feature));
        server = WebServer.start("127.0.0.1", 0, List.of(console::register, feature.pages(console)));
    }

    public String base() {
        return "http://127.0.0.1:" + server.port();
    }

    public String token(String discordId, boolean owner) {
        return access.issuing().issueForDiscordUser(discordId, owner, "test").secret();
    }

    public HttpResponse<String> send(String method, String path, String bearer, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path));
        b.method(method, json == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(json, StandardCharsets.UTF_8));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return exchange(b, HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<String> putBytes(String path, String bearer, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path))
                .PUT(HttpRequest.BodyPublishers.ofByteArray(body)).header("Content-Type", "application/octet-stream");
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return exchange(b, HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<byte[]> getBytes(String path, String bearer) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path)).GET();
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        return exchange(b, HttpResponse.BodyHandlers.ofByteArray());
    }

    private <T> HttpResponse<T> exchange(HttpRequest.Builder b, HttpResponse.BodyHandler<T> handler) {
        try {
            return http.send(b.build(), handler);
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    @Override
    public void close() {
        server.close();
        models.close();
        database.close();
    }
}
