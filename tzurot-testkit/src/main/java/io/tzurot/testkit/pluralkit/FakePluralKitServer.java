package io.tzurot.testkit.pluralkit;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.Javalin;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.LongFunction;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;

/**
 * A PluralKit API look-alike on an ephemeral 127.0.0.1 port, serving {@code GET /v2/messages/{id}} as the real one
 * does: the proxied message's {@code id}, {@code original}, {@code sender} (the human's Discord id), {@code system}
 * and {@code member} for each message a test {@linkplain #proxied registered} or its {@linkplain #resolveWith resolver}
 * knows (PluralKit knows a message the moment it reposts it), 404 for any other. Tests can make
 * the next calls fail with a status (e.g. 429) to check that such a message is ignored.
 */
public final class FakePluralKitServer implements AutoCloseable {

    /** What PluralKit knows of a repost: the deleted original, the human who wrote it and the member it was sent as. */
    public record Proxy(long originalId, long senderId, String memberName, String displayName) {
    }

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Map<String, ObjectNode> messages = new ConcurrentHashMap<>();
    private final List<String> requests = new CopyOnWriteArrayList<>();
    private final List<Integer> failures = new CopyOnWriteArrayList<>();
    private volatile LongFunction<Optional<Proxy>> resolver = id -> Optional.empty();
    private final Javalin app;

    private FakePluralKitServer() {
        app = Javalin.create(config -> {
            config.showJavalinBanner = false;
            config.startupWatcherEnabled = false;
        });
        app.get("/v2/messages/{id}", ctx -> {
            String id = ctx.pathParam("id");
            requests.add(id);
            if (!failures.isEmpty()) {
                ctx.status(failures.remove(0)).contentType("application/json")
                        .result("{\"message\":\"simulated failure\",\"code\":0}");
                return;
            }
            ObjectNode found = messages.get(id);
            if (found == null && id.matches("\\d{1,19}")) {
                found = resolver.apply(Long.parseLong(id)).map(p -> json(Long.parseLong(id), p)).orElse(null);
            }
            if (found == null) {
                ctx.status(404).contentType("application/json").result("{\"message\":\"Message not found.\",\"code\":20006}");
            } else {
                ctx.contentType("application/json").result(found.toString());
            }
        });
        app.start("127.0.0.1", 0);
    }

    public static FakePluralKitServer start() {
        return new FakePluralKitServer();
    }

    /** The API base, as {@code TZUROT_PLURALKIT_BASE_URL} takes it. */
    public String baseUrl() {
        return "http://127.0.0.1:" + app.port() + "/v2";
    }

    /**
     * Registers {@code proxiedId} as PluralKit's repost of {@code originalId}, written by the Discord user
     * {@code senderId} as the member {@code memberName} shown as {@code displayName} (may be null).
     */
    public FakePluralKitServer proxied(long proxiedId, long originalId, long senderId, String memberName,
                                       String displayName) {
        messages.put(Long.toString(proxiedId), json(proxiedId, new Proxy(originalId, senderId, memberName, displayName)));
        return this;
    }

    /**
     * Answers look-ups of unregistered ids with {@code lookup} (e.g. finding the message in the Discord simulator and
     * recognising the proxy's webhook), for messages whose id is only known once posted.
     */
    public FakePluralKitServer resolveWith(LongFunction<Optional<Proxy>> lookup) {
        this.resolver = lookup;
        return this;
    }

    private static ObjectNode json(long proxiedId, Proxy p) {
        long originalId = p.originalId();
        long senderId = p.senderId();
        String memberName = p.memberName();
        String displayName = p.displayName();
        ObjectNode json = JSON.createObjectNode()
                .put("timestamp", "2026-12-06T12:00:00Z")
                .put("id", Long.toString(proxiedId))
                .put("original", Long.toString(originalId))
                .put("sender", Long.toString(senderId))
                .put("channel", "0")
                .put("guild", "0");
        json.putObject("system").put("id", "exmpl").put("name", "A System");
        ObjectNode member = json.putObject("member").put("id", "membr").put("name", memberName);
        if (displayName == null) {
            member.putNull("display_name");
        } else {
            member.put("display_name", displayName);
        }
        return json;
    }

    /** The next {@code count} look-ups answer {@code status} with an error body. */
    public FakePluralKitServer failNext(int count, int status) {
        for (int i = 0; i < count; i++) {
            failures.add(status);
        }
        return this;
    }

    /** The message ids looked up so far, in order. */
    public List<String> requests() {
        return List.copyOf(requests);
    }

    @Override
    public void close() {
        app.stop();
    }
}
