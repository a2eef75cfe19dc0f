package io.tzurot.web.testing;

import io.tzurot.testkit.MutableClock;
import io.tzurot.core.access.AccessServices;
import io.tzurot.core.apikey.ApiKeyCipher;
import io.tzurot.core.manage.ManagementUseCases;
import io.tzurot.core.preset.BuiltInPreset;
import io.tzurot.storage.access.JdbiAccessRepository;
import io.tzurot.storage.apikey.JdbiApiKeyRepository;
import io.tzurot.storage.channel.JdbiChannelSettingsRepository;
import io.tzurot.storage.db.Database;
import io.tzurot.storage.db.DatabaseSettings;
import io.tzurot.storage.persona.JdbiPersonaRepository;
import io.tzurot.storage.personality.JdbiPersonalityRepository;
import io.tzurot.storage.personality.JdbiSystemPromptRepository;
import io.tzurot.storage.preset.JdbiPresetRepository;
import io.tzurot.storage.settings.JdbiAdminSettingsRepository;
import io.tzurot.storage.settings.JdbiUserPersonalityConfigRepository;
import io.tzurot.storage.user.JdbiUserRepository;
import io.tzurot.testkit.model.FakeModelServer;
import io.tzurot.web.ManagementFeature;
import io.tzurot.web.WebConsole;
import io.tzurot.web.apikey.HttpProviderKeyValidator;
import io.tzurot.web.server.WebServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/**
 * The web console with {@link ManagementFeature} wired as the app wires it, over a fresh in-memory H2
 * database with the real repositories, checking provider keys against a {@link FakeModelServer}.
 */
public final class ManagementTestServer extends HttpHarness {

    public final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    public final Database database;
    public final AccessServices access;
    public final ManagementRepos services;
    public final FakeModelServer models;
    public final WebConsole console;
    public final WebServer server;

    public ManagementTestServer() {
        this(null);
    }

    /** @param keyCheckBase where provider keys are checked; null for the fake model server */
    public ManagementTestServer(URI keyCheckBase) {
        database = Database.open(DatabaseSettings.inMemory("mgmt" + UUID.randomUUID().toString().replace("-", "")));
        access = AccessServices.create(new JdbiAccessRepository(database.jdbi()), clock, TestServer.OPERATOR);
        services = services(database, clock);
        models = FakeModelServer.start();
        ManagementFeature feature = feature(services, keyCheckBase == null ? URI.create(models.baseUrl()) : keyCheckBase);
        console = new WebConsole(() -> Optional.of(access), "test", ManagementFeature.SECTIONS, List.of(feature));
        server = WebServer.start("127.0.0.1", 0, List.of(console::register, feature.pages(console::page)));
    }

    /** The management repositories over {@code database}, as the app opens them. */
    public static ManagementRepos services(Database database, java.time.Clock clock) {
        var jdbi = database.jdbi();
        return new ManagementRepos(new JdbiPersonalityRepository(jdbi, clock), new JdbiSystemPromptRepository(jdbi, clock),
                new JdbiPersonaRepository(jdbi, clock), new JdbiPresetRepository(jdbi, clock),
                new JdbiUserRepository(jdbi, clock), new JdbiUserPersonalityConfigRepository(jdbi, clock),
                new JdbiAdminSettingsRepository(jdbi, clock), new JdbiApiKeyRepository(jdbi, clock),
                new JdbiChannelSettingsRepository(jdbi, clock));
    }

    /** The use cases as the app builds them, checking provider keys at {@code keyCheckBase}. */
    public static ManagementUseCases useCases(ManagementRepos repos, URI keyCheckBase) {
        return ManagementUseCases.of(new ManagementUseCases.Ports(repos.personalities(), Optional.of(repos.systemPrompts()),
                        repos.personas(), repos.presets(), repos.users(), repos.userPersonality(), repos.adminSettings(),
                        repos.apiKeys(), repos.channels(), BuiltInPreset.DEFAULT,
                        // the web serves no scene commands: the built-in limits do
                        io.tzurot.core.channel.SceneSettingsRepository.fixed(io.tzurot.core.channel.SceneLimits.DEFAULTS)),
                Optional.of(ApiKeyCipher.fromHex("0123456789abcdef".repeat(4))),
                new HttpProviderKeyValidator("openrouter", keyCheckBase));
    }

    /** The feature as the app wires it, checking provider keys at {@code keyCheckBase}. */
    public static ManagementFeature feature(ManagementRepos repos, URI keyCheckBase) {
        ManagementUseCases useCases = useCases(repos, keyCheckBase);
        return new ManagementFeature(() -> Optional.of(useCases));
    }

    @Override
    protected WebServer server() {
        return server;
    }

    public String token(String discordId, boolean owner) {
        return access.issuing().issueForDiscordUser(discordId, owner, "test").secret();
    }

    /** A JSON call (no body: {@code json} null). */
    public HttpResponse<String> send(String method, String path, String bearer, String json) {
        return send(method, path, bearer, json == null ? null : "application/json", json);
    }

    public HttpResponse<String> putBytes(String path, String bearer, byte[] body) {
        return exchange(HttpRequest.newBuilder(URI.create(base() + path)).PUT(HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", "application/octet-stream"), bearer, HttpResponse.BodyHandlers.ofString());
    }

    public HttpResponse<byte[]> getBytes(String path, String bearer) {
        return exchange(HttpRequest.newBuilder(URI.create(base() + path)).GET(), bearer, HttpResponse.BodyHandlers.ofByteArray());
    }

    @Override
    public void close() {
        server.close();
        models.close();
        database.close();
    }
}
