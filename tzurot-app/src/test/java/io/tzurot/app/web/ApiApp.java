package io.tzurot.app.web;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tzurot.app.config.ConfigSources;
import io.tzurot.app.config.TzurotConfig;
import io.tzurot.app.launch.Launcher;
import io.tzurot.app.launch.RunningTzurot;
import io.tzurot.core.access.AccessServices;
import io.tzurot.storage.access.JdbiAccessRepository;
import io.tzurot.testkit.logs.SecretLogScan;
import io.tzurot.testkit.model.FakeModelServer;
import io.tzurot.testkit.shapes.FakeShapesServer;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.PrintStream;
import java.io.UncheckedIOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The whole product in-process (embedded profile, every role but Discord) with a fake model provider, for suites
 * that go through every {@code /api/v1} route: users get bearer tokens made the way the command line makes them.
 */
final class ApiApp implements AutoCloseable {

    static final String BOT_OWNER = "900000000000000009";
    static final String LLM_KEY = "sk-api-app-operator-key";
    static final ObjectMapper JSON = new ObjectMapper();

    /** The session cookie value the fake shapes.inc accepts (the log scan looks for it). */
    static final String SHAPES_SESSION = "matrix-shapes-session-0123456789";
    /** A shape on the fake shapes.inc, with two memories, that every caller may import. */
    static final String SHAPE = "matrix-shape";

    final FakeModelServer model = FakeModelServer.start();
    final FakeShapesServer shapes = FakeShapesServer.start(SHAPES_SESSION).add(new FakeShapesServer.Shape(
            FakeShapesServer.config("7d1f7a52-0000-4000-8000-000000000001", SHAPE, "Matrix Shape"), List.of(
                    FakeShapesServer.memory("m1", "s", "We talked about tea.", 1_700_000_000L),
                    FakeShapesServer.memory("m2", "s", "We talked about ships.", 1_700_100_000L)), List.of(), null));
    final RunningTzurot running;
    private final HttpClient http = HttpClient.newBuilder().followRedirects(HttpClient.Redirect.NEVER).build();
    private final AccessServices access;

    ApiApp(Path dir) {
        Map<String, String> env = new HashMap<>();
        env.put("TZUROT_DATA_DIR", dir.resolve("data").toString());
        env.put("TZUROT_HTTP_PORT", "0");
        env.put("TZUROT_LLM_BASE_URL", model.baseUrl());
        env.put("TZUROT_LLM_API_KEY", LLM_KEY);
        env.put("BOT_OWNER_ID", BOT_OWNER);
        env.put("TZUROT_SHAPES_BASE_URL", shapes.baseUrl());
        SecretLogScan.secret(LLM_KEY);
        SecretLogScan.secret(SHAPES_SESSION);
        TzurotConfig config = TzurotConfig.from(ConfigSources.load(env, dir));
        running = new Launcher(new PrintStream(new ByteArrayOutputStream(), true, StandardCharsets.UTF_8)).start(config);
        access = AccessServices.create(new JdbiAccessRepository(running.database().jdbi()), Clock.systemUTC(), BOT_OWNER);
    }

    /** A bearer token for this Discord user (registered with the log scan). */
    String token(String discordId, boolean owner) {
        String token = access.issuing().issueForDiscordUser(discordId, owner, "matrix").secret();
        SecretLogScan.secret(token);
        return token;
    }

    /** One call; {@code token} null for anonymous, {@code json} null for no body. */
    HttpResponse<String> call(String method, String path, String token, String json) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + running.httpPort().orElseThrow() + path))
                .timeout(Duration.ofSeconds(30))
                .method(method, json == null ? HttpRequest.BodyPublishers.noBody() : HttpRequest.BodyPublishers.ofString(json));
        if (json != null) {
            b.header("Content-Type", "application/json");
        }
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b);
    }

    /** A console form sent as htmx sends it (the HX-Request header, form-encoded fields). */
    HttpResponse<String> htmx(String method, String path, String token, String form) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + running.httpPort().orElseThrow() + path))
                .timeout(Duration.ofSeconds(30)).method(method, form == null ? HttpRequest.BodyPublishers.noBody()
                        : HttpRequest.BodyPublishers.ofString(form))
                .header("Content-Type", "application/x-www-form-urlencoded").header("HX-Request", "true")
                .header("Authorization", "Bearer " + token);
        return send(b);
    }

    /** The raw bytes variant (avatars). */
    HttpResponse<String> callBytes(String method, String path, String token, String contentType, byte[] body) {
        HttpRequest.Builder b = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + running.httpPort().orElseThrow() + path))
                .timeout(Duration.ofSeconds(30)).method(method, HttpRequest.BodyPublishers.ofByteArray(body))
                .header("Content-Type", contentType);
        if (token != null) {
            b.header("Authorization", "Bearer " + token);
        }
        return send(b);
    }

    /** A GET whose answer is a file (a PNG card, a ZIP). */
    HttpResponse<byte[]> download(String path, String token) {
        HttpRequest request = HttpRequest.newBuilder(URI.create("http://127.0.0.1:" + running.httpPort().orElseThrow() + path))
                .timeout(Duration.ofSeconds(30)).header("Authorization", "Bearer " + token).GET().build();
        try {
            return http.send(request, HttpResponse.BodyHandlers.ofByteArray());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }

    /** The body as JSON (a failure names the call). */
    static JsonNode json(HttpResponse<String> response) {
        try {
            return JSON.readTree(response.body());
        } catch (IOException e) {
            throw new AssertionError(response.request().method() + " " + response.request().uri() + " answered "
                    + response.statusCode() + " with a body that is not JSON: " + response.body(), e);
        }
    }

    @Override
    public void close() {
        if (running != null) {
            running.close();
        }
        model.close();
        shapes.close();
    }

    private HttpResponse<String> send(HttpRequest.Builder request) {
        try {
            return http.send(request.build(), HttpResponse.BodyHandlers.ofString());
        } catch (IOException e) {
            throw new UncheckedIOException(e);
        } catch (InterruptedException e) {
            Thread.currentThread().interrupt();
            throw new IllegalStateException(e);
        }
    }
}
