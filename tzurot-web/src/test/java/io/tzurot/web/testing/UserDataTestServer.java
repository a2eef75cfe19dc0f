package io.tzurot.web.testing;

import io.tzurot.core.access.AccessServices;
import io.tzurot.core.userdata.ErasingUser;
import io.tzurot.core.userdata.ExportingUserData;
import io.tzurot.core.userdata.ReferenceCharacterFiles;
import io.tzurot.core.userdata.UserDataArchive;
import io.tzurot.core.userdata.UserDataUseCases;
import io.tzurot.messaging.events.InProcessEventBus;
import io.tzurot.storage.access.JdbiAccessRepository;
import io.tzurot.storage.conversation.JdbiConversationHistoryRepository;
import io.tzurot.storage.db.Database;
import io.tzurot.storage.db.DatabaseSettings;
import io.tzurot.storage.memory.JdbiMemoryRepository;
import io.tzurot.storage.portability.JdbiExportJobRepository;
import io.tzurot.storage.portability.JdbiUserErasure;
import io.tzurot.testkit.MutableClock;
import io.tzurot.web.ManagementFeature;
import io.tzurot.web.UserDataFeature;
import io.tzurot.web.WebConsole;
import io.tzurot.web.server.WebServer;
import java.net.URI;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.EnumSet;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/**
 * The console with the management and user-data features wired as the app wires them, over a fresh
 * in-memory H2 database; exports are built on a background thread as in the app.
 */
public final class UserDataTestServer extends HttpHarness {

    public final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    public final Database database;
    public final AccessServices access;
    public final ManagementRepos repos;
    public final JdbiMemoryRepository memories;
    public final JdbiConversationHistoryRepository history;
    private final ExecutorService exports = Executors.newSingleThreadExecutor();
    private final InProcessEventBus events = new InProcessEventBus();
    private final WebServer server;

    public UserDataTestServer() {
        database = Database.open(DatabaseSettings.inMemory("data" + UUID.randomUUID().toString().replace("-", "")));
        access = AccessServices.create(new JdbiAccessRepository(database.jdbi()), clock, TestServer.OPERATOR);
        repos = ManagementTestServer.services(database, clock);
        memories = new JdbiMemoryRepository(database);
        history = new JdbiConversationHistoryRepository(database);
        UserDataArchive archive = new UserDataArchive(new UserDataArchive.Sources(repos.users(), repos.personas(),
                repos.presets(), repos.personalities(), memories, history, repos.userPersonality(), repos.apiKeys()),
                new ReferenceCharacterFiles(), clock);
        UserDataUseCases useCases = new UserDataUseCases(
                new ExportingUserData(repos.users(), new JdbiExportJobRepository(database), archive, exports, clock),
                new ErasingUser(repos.users(), new JdbiUserErasure(database), events));
        ManagementFeature management = ManagementTestServer.feature(repos, URI.create("http://127.0.0.1:9"));
        UserDataFeature userData = new UserDataFeature(() -> Optional.of(useCases));
        var sections = EnumSet.copyOf(ManagementFeature.SECTIONS);
        sections.addAll(UserDataFeature.SECTIONS);
        WebConsole console = new WebConsole(() -> Optional.of(access), "test", sections, List.of(management, userData));
        server = WebServer.start("127.0.0.1", 0, List.of(console::register, management.pages(console::page),
                userData.pages(console::page)));
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

    public HttpResponse<byte[]> getBytes(String path, String bearer) {
        return exchange(HttpRequest.newBuilder(URI.create(base() + path)).GET(), bearer, HttpResponse.BodyHandlers.ofByteArray());
    }

    @Override
    public void close() {
        server.close();
        exports.shutdownNow();
        events.close();
        database.close();
    }
}
