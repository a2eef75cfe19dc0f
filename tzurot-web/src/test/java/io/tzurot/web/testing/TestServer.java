package io.tzurot.web.testing;

import io.tzurot.core.access.AccessServices;
import io.tzurot.storage.access.JdbiAccessRepository;
import io.tzurot.storage.db.Database;
import io.tzurot.storage.db.DatabaseSettings;
import io.tzurot.web.WebConsole;
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

/** The web console on a free port over a fresh in-memory H2 database with the real access repository. */
public final class TestServer implements AutoCloseable {

    /** Discord id of the operator (bot owner) in tests. */
    public static final String OPERATOR = "100000000000000001";

    public final MutableClock clock = new MutableClock(Instant.parse("2026-03-01T10:00:00Z"));
    public final Database database;
    public final AccessServices services;
    public final WebConsole console;
    public final WebServer server;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();

    public TestServer() {
        database = Database.open(DatabaseSettings.inMemory("web" + UUID.randomUUID().toString().replace("-", "")));
        services = AccessServices.create(new JdbiAccessRepository(database.jdbi()), clock, OPERATOR);
        console = new WebConsole(() -> Optional.of(services), "test");
        server = WebServer.start("127.0.0.1", 0, List.of(console::register));
    }

    public String base() {
        return "http://127.0.0.1:" + server.port();
    }

    /** A bearer token for this Discord user, made the way the command line makes it. */
    public String token(String discordId, boolean owner) {
        return services.issuing().issueForDiscordUser(discordId, owner, "test").secret();
    }

    public HttpResponse<String> send(String method, String path, String bearer, String contentType, String body,
                                     String... headers) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create(base() + path));
        b.method(method, body == null ? HttpRequest.BodyPublishers.noBody()
                : HttpRequest.BodyPublishers.ofString(body, StandardCharsets.UTF_8));
        if (bearer != null) {
            b.header("Authorization", "Bearer " + bearer);
        }
        if (contentType != null) {
            b.header("Content-Type", contentType);
        }
        if (headers.length > 0) {
            b.headers(headers);
        }
        try {
            return http.send(b.build(), HttpResponse.BodyHandlers.ofString());
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    public HttpResponse<String> get(String path, String bearer) {
        return send("GET", path, bearer, null, null);
    }

    public HttpResponse<String> postJson(String path, String bearer, String json) {
        return send("POST", path, bearer, "application/json", json);
    }

    @Override
    public void close() {
        server.close();
        database.close();
    }
}
