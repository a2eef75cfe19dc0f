package io.tzurot.web.testing;

import io.tzurot.testkit.MutableClock;
import io.tzurot.core.access.AccessServices;
import io.tzurot.storage.access.JdbiAccessRepository;
import io.tzurot.storage.db.Database;
import io.tzurot.storage.db.DatabaseSettings;
import io.tzurot.web.WebConsole;
import io.tzurot.web.server.WebServer;
import java.time.Instant;
import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** The web console on a free port over a fresh in-memory H2 database with the real access repository. */
public final class TestServer extends HttpHarness {

    /** Discord id of the operator (bot owner) in tests. */
    public static final String OPERATOR = "100000000000000001";

    public final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    public final Database database;
    public final AccessServices services;
    public final WebConsole console;
    public final WebServer server;

    public TestServer() {
        database = Database.open(DatabaseSettings.inMemory("web" + UUID.randomUUID().toString().replace("-", "")));
        services = AccessServices.create(new JdbiAccessRepository(database.jdbi()), clock, OPERATOR);
        console = new WebConsole(() -> Optional.of(services), "test");
        server = WebServer.start("127.0.0.1", 0, List.of(console::register));
    }

    @Override
    protected WebServer server() {
        return server;
    }

    /** A bearer token for this Discord user, made the way the command line makes it. */
    public String token(String discordId, boolean owner) {
        return services.issuing().issueForDiscordUser(discordId, owner, "test").secret();
    }

    @Override
    public void close() {
        server.close();
        database.close();
    }
}
