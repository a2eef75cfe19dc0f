package io.tzurot.testkit.shapes;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import io.javalin.http.Context;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * A shapes.inc look-alike on an ephemeral 127.0.0.1 port, serving what the importer reads:
 * {@code GET /api/shapes/username/{slug}}, {@code GET /api/memory/{id}?page&limit} (with {@code pagination.has_next}),
 * {@code GET /api/shapes/{id}/story} and {@code GET /avatars/{file}}. Every API call needs the cookie
 * {@code appSession=<the valid session>} (else 401); the server rotates it with a {@code Set-Cookie} on each
 * answer, as the real site does, and accepts each session it handed out. Tests can make the next calls fail with
 * a status to check retries and error messages.
 */
public final class FakeShapesServer implements AutoCloseable {

    /** A shape: its configuration (raw shapes.inc JSON), memories (raw items) and stories. */
    public record Shape(ObjectNode config, List<ObjectNode> memories, List<ObjectNode> stories, byte[] avatar) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, Shape> bySlug = new ConcurrentHashMap<>();
    private final Map<String, Shape> byId = new ConcurrentHashMap<>();
    private final List<String> sessions = new CopyOnWriteArrayList<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<Integer> failures = new CopyOnWriteArrayList<>();
    private final AtomicInteger rotations = new AtomicInteger();
    private final Javalin app;

    private FakeShapesServer(String session) {
        sessions.add(session);
        app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
        });
        app.get("/api/shapes/username/{slug}", ctx -> api(ctx, () -> {
            Shape s = bySlug.get(ctx.pathParam("slug"));
            return s == null ? null : s.config().toString();
        }));
        app.get("/api/memory/{id}", ctx -> api(ctx, () -> memories(ctx)));
        app.get("/api/shapes/{id}/story", ctx -> api(ctx, () -> {
            Shape s = byId.get(ctx.pathParam("id"));
            return s == null ? null : JSON.valueToTree(s.stories()).toString();
        }));
        app.get("/avatars/{file}", ctx -> {
            Shape s = byId.get(ctx.pathParam("file").replaceFirst("\\.png$", ""));
            if (s == null || s.avatar() == null) {
                ctx.status(404);
            } else {
                ctx.contentType("image/png").result(s.avatar());
            }
        });
        app.start("127.0.0.1", 0);
    }

    /** A server whose one valid session cookie value is {@code session}. */
    public static FakeShapesServer start(String session) {
        return new FakeShapesServer(session);
    }

    public String baseUrl() {
        return "http://127.0.0.1:" + app.port();
    }

    /** Serves {@code shape} under its config's {@code username} and {@code id}. */
    public FakeShapesServer add(Shape shape) {
        bySlug.put(shape.config().path("username").asText(), shape);
        byId.put(shape.config().path("id").asText(), shape);
        return this;
    }

    /** The next {@code count} API calls answer {@code status} (e.g. 503, 429) with no body. */
    public void failNext(int status, int count) {
        for (int i = 0; i < count; i++) {
            failures.add(status);
        }
    }

    /** Paths of the API calls received, in order (query included). */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    /** How many times the server rotated the session cookie. */
    public int rotations() {
        return rotations.get();
    }

    private interface Body {
        String get() throws Exception;
    }

    private void api(Context ctx, Body body) throws Exception {
        requests.add(ctx.path() + (ctx.queryString() == null ? "" : "?" + ctx.queryString()));
        String session = ctx.cookie("appSession");
        if (session == null || !sessions.contains(session)) {
            ctx.status(401).contentType("application/json").result("{\"error\":\"Unauthorized\"}");
            return;
        }
        if (!failures.isEmpty()) {
            ctx.status(failures.remove(0));
            return;
        }
        String rotated = session + "-r" + rotations.incrementAndGet();
        sessions.add(rotated);
        ctx.header("Set-Cookie", "appSession=" + rotated + "; Path=/; HttpOnly");
        String json = body.get();
        if (json == null) {
            ctx.status(404).contentType("application/json").result("{\"error\":\"Not found\"}");
        } else {
            ctx.contentType("application/json").result(json);
        }
    }

    private String memories(Context ctx) {
        Shape s = byId.get(ctx.pathParam("id"));
        if (s == null || s.memories().isEmpty()) {
            return null;
        }
        int page = Integer.parseInt(ctx.queryParamAsClass("page", String.class).getOrDefault("1"));
        int limit = Integer.parseInt(ctx.queryParamAsClass("limit", String.class).getOrDefault("20"));
        int from = Math.min((page - 1) * limit, s.memories().size());
        int to = Math.min(from + limit, s.memories().size());
        ObjectNode root = JSON.createObjectNode();
        ArrayNode items = root.putArray("items");
        s.memories().subList(from, to).forEach(items::add);
        root.putObject("pagination").put("page", page).put("has_next", to < s.memories().size());
        return root.toString();
    }

    @Override
    public void close() {
        app.stop();
    }

    /** A shape's configuration with the fields the importer maps. */
    public static ObjectNode config(String id, String username, String name) {
        ObjectNode c = JSON.createObjectNode();
        c.put("id", id).put("username", username).put("name", name);
        return c;
    }

    /** A memory item as shapes.inc sends it: text, creation time in seconds, the senders. */
    public static ObjectNode memory(String id, String shapeId, String text, long createdAtSeconds, String... senders) {
        ObjectNode m = JSON.createObjectNode();
        m.put("id", id).put("shape_id", shapeId).put("result", text).put("summary_type", "automatic");
        ArrayNode s = m.putArray("senders");
        for (String sender : senders) {
            s.add(sender);
        }
        ObjectNode meta = m.putObject("metadata");
        meta.put("created_at", createdAtSeconds).put("start_ts", createdAtSeconds - 60).put("end_ts", createdAtSeconds);
        meta.put("discord_channel_id", "").put("discord_guild_id", "");
        return m;
    }

    /** The saved-export JSON of {@code shape}, as the reference's shapes export writes it. */
    public static byte[] exportFile(Shape shape) {
        ObjectNode root = JSON.createObjectNode();
        root.put("exportedAt", "2026-01-01T00:00:00Z").put("sourceSlug", shape.config().path("username").asText());
        root.set("config", shape.config());
        root.set("memories", JSON.valueToTree(shape.memories()));
        root.set("stories", JSON.valueToTree(shape.stories()));
        root.putNull("userPersonalization");
        return root.toString().getBytes(java.nio.charset.StandardCharsets.UTF_8);
    }
}
