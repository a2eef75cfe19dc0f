package io.tzurot.web.moderation;

import io.tzurot.core.access.AccessServices;
import io.tzurot.core.moderation.ManagingDenials;
import io.tzurot.storage.access.JdbiAccessRepository;
import io.tzurot.storage.db.Database;
import io.tzurot.storage.db.DatabaseSettings;
import io.tzurot.storage.moderation.JdbiDenylistRepository;
import io.tzurot.testkit.MutableClock;
import io.tzurot.web.ModerationFeature;
import io.tzurot.web.WebConsole;
import io.tzurot.web.server.WebServer;
import io.tzurot.web.testing.HttpHarness;
import io.tzurot.web.testing.TestServer;
import java.net.http.HttpResponse;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The console with the moderation feature wired as the app wires it, over a fresh in-memory H2 database. */
final class DenylistTestServer extends HttpHarness {

    final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    final Database database;
    final AccessServices access;
    final JdbiDenylistRepository denylist;
    private final WebServer server;

    DenylistTestServer() {
        database = Database.open(DatabaseSettings.inMemory("deny" + UUID.randomUUID().toString().replace("-", "")));
        access = AccessServices.create(new JdbiAccessRepository(database.jdbi()), clock, TestServer.OPERATOR);
        denylist = new JdbiDenylistRepository(database.jdbi());
        ManagingDenials denials = new ManagingDenials(denylist, clock, Optional.of(TestServer.OPERATOR));
        ModerationFeature moderation = new ModerationFeature(() -> Optional.of(denials));
        WebConsole console = new WebConsole(() -> Optional.of(access), "test", ModerationFeature.SECTIONS,
                List.of(moderation));
        server = WebServer.start("127.0.0.1", 0, List.of(console::register, moderation.pages(console::page)));
    }

    @Override
    protected WebServer server() {
        return server;
    }

    String token(String discordId, boolean owner) {
        return access.issuing().issueForDiscordUser(discordId, owner, "test").secret();
    }

    HttpResponse<String> send(String method, String path, String bearer, String json) {
        return send(method, path, bearer, json == null ? null : "application/json", json);
    }

    @Override
    public void close() {
        server.close();
        database.close();
    }
}
