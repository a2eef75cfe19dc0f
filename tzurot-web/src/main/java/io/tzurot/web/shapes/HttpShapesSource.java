package io.tzurot.web.shapes;

import com.fasterxml.jackson.databind.JsonNode;
import io.tzurot.core.failure.DomainError;
import io.tzurot.core.failure.DomainException;
import io.tzurot.core.shapes.ShapesCharacter;
import io.tzurot.core.shapes.ShapesExport;
import io.tzurot.core.shapes.ShapesMemory;
import io.tzurot.core.shapes.ShapesSource;
import java.net.URI;
import java.net.URLEncoder;
import java.net.http.HttpClient;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;

/**
 * {@link ShapesSource} over the shapes.inc HTTP API (spec api.md §B.3): the configuration
 * ({@code /api/shapes/username/{slug}}), the memories page by page ({@code /api/memory/{id}}) and the story count
 * ({@code /api/shapes/{id}/story}), each call sent with the user's cookie, spaced by {@code gap} and retried on
 * 429, 5xx and network errors. The avatar is fetched only from the shapes.inc host or its subdomains.
 */
public final class HttpShapesSource implements ShapesSource {

    /** The real site, the default of {@code TZUROT_SHAPES_BASE_URL}. */
    public static final URI DEFAULT_BASE_URL = URI.create("https://shapes.inc");
    /** Pages of memories read at most (20 each), as the reference does. */
    static final int MAX_PAGES = 500;
    static final int PAGE_SIZE = 20;

    private final String baseUrl;
    private final String baseHost;
    private final HttpClient http;
    private final Duration gap;
    private final ShapesJson json = new ShapesJson("shape");
    private final ShapesJson files = new ShapesJson("file");

    /**
     * @param baseUrl the site, e.g. {@link #DEFAULT_BASE_URL} (a fake one in tests)
     * @param gap     the pause between two calls (1 s against the real site; it asks for no more)
     */
    public HttpShapesSource(URI baseUrl, Duration gap) {
        this(baseUrl, gap, newClient());
    }

    /** With {@code http} made by {@link #newClient()} (the application builds it on first use). */
    public HttpShapesSource(URI baseUrl, Duration gap, HttpClient http) {
        String base = Objects.requireNonNull(baseUrl, "baseUrl").toString();
        this.baseUrl = base.endsWith("/") ? base.substring(0, base.length() - 1) : base;
        this.baseHost = baseUrl.getHost() == null ? "" : baseUrl.getHost().toLowerCase(java.util.Locale.ROOT);
        this.gap = Objects.requireNonNull(gap, "gap");
        this.http = Objects.requireNonNull(http, "http");
    }

    /** The client the source needs: no redirect followed (each hop's host is checked by hand). */
    public static HttpClient newClient() {
        return HttpClient.newBuilder().connectTimeout(Duration.ofSeconds(15)).followRedirects(HttpClient.Redirect.NEVER)
                .build();
    }

    @Override
    public ShapesExport fetch(String slug, String sessionCookie) {
        ShapesSession session = new ShapesSession(http, gap, sessionCookie);
        String encoded = URLEncoder.encode(slug, StandardCharsets.UTF_8);
        ShapesSession.Reply config = session.get(baseUrl + "/api/shapes/username/" + encoded);
        if (config.status() == 404) {
            throw DomainException.notFound("The shape '" + slug + "' on shapes.inc (check the username in its URL)");
        }
        ShapesCharacter character = json.character(json.object(json.parse(config.body(), "The shape's configuration"),
                "the configuration"));
        String id = URLEncoder.encode(character.shapeId(), StandardCharsets.UTF_8);
        List<ShapesMemory> memories = memories(session, id);
        int stories = stories(session, id);
        return new ShapesExport(character, memories, stories, avatar(session, character.avatarUrl()));
    }

    @Override
    public ShapesExport read(byte[] file) {
        return files.exportFile(file);
    }

    private List<ShapesMemory> memories(ShapesSession session, String id) {
        List<ShapesMemory> out = new ArrayList<>();
        for (int page = 1; page <= MAX_PAGES; page++) {
            ShapesSession.Reply reply = session.get(baseUrl + "/api/memory/" + id + "?page=" + page + "&limit=" + PAGE_SIZE);
            if (reply.status() == 404) {
                break;
            }
            JsonNode root = json.object(json.parse(reply.body(), "A page of memories"), "the memory page");
            JsonNode items = root.has("items") ? root.get("items") : root.get("memories");
            if (items != null && !items.isNull()) {
                if (!items.isArray()) {
                    throw json.bad("the memory page's items must be an array, not " + ShapesJson.kind(items) + ".");
                }
                for (int i = 0; i < items.size(); i++) {
                    out.add(json.memory(items.get(i), "page " + page + " item " + i));
                }
            }
            JsonNode pagination = root.get("pagination");
            if (pagination == null || !pagination.path("has_next").asBoolean(false) || out.size() >= ShapesJson.MAX_MEMORIES) {
                break;
            }
        }
        return out;
    }

    private int stories(ShapesSession session, String id) {
        ShapesSession.Reply reply = session.get(baseUrl + "/api/shapes/" + id + "/story");
        if (reply.status() == 404) {
            return 0;
        }
        JsonNode root = json.parse(reply.body(), "The knowledge base");
        JsonNode items = root.isArray() ? root : root.get("items");
        return items != null && items.isArray() ? items.size() : 0;
    }

    /** The avatar image, or null: a failure here never fails the import. */
    private byte[] avatar(ShapesSession session, String url) {
        if (url.isBlank()) {
            return null;
        }
        try {
            URI uri = URI.create(url);
            String host = uri.getHost() == null ? "" : uri.getHost().toLowerCase(java.util.Locale.ROOT);
            // only the site's own hosts: the URL comes from the shape's data, and must not make us fetch anything else
            if (!(host.equals(baseHost) || host.endsWith("." + baseHost))) {
                return null;
            }
            return session.image(uri);
        } catch (RuntimeException e) {
            return null;
        }
    }

    static DomainException unreachable(String why) {
        return DomainException.unavailable(DomainError.Reason.PROVIDER_UNREACHABLE,
                "shapes.inc could not be reached (" + why + "); nothing was imported. Try again later.");
    }
}
