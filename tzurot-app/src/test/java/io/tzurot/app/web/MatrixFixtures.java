package io.tzurot.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.net.http.HttpResponse;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;

/**
 * Fresh resources of one user (the owner), made through the API, for each call of the authorization matrix: the
 * path's parameters and the body's references are filled with them, and the call says whether it touches something
 * of the owner's (which others must not see).
 */
final class MatrixFixtures {

    private final ApiApp app;
    private final String owner;
    private final AtomicInteger serial = new AtomicInteger();
    private final PortabilityFixtures portability;
    private String replyId;

    MatrixFixtures(ApiApp app, String ownerToken) {
        this.app = app;
        this.owner = ownerToken;
        this.portability = new PortabilityFixtures(app, ownerToken, serial);
    }

    PortabilityFixtures portability() {
        return portability;
    }

    /** What of the owner's a call touches. The bot owner manages characters, presets and tokens; the rest is personal. */
    enum Owned { NOTHING, MANAGED, PERSONAL, CHOSEN_PRESET }

    /**
     * A call ready to send as anyone: a JSON {@code body}, or {@code bytes} of {@code contentType}. {@code ownerToken}
     * is the token of whoever owns what it touches (the matrix's owner, or a throw-away user of its own).
     */
    record Call(ApiApp app, String method, String path, String body, byte[] bytes, String contentType, Owned owned,
                Set<Integer> successes, String ownerToken) {
        HttpResponse<String> send(String token) {
            return bytes != null ? app.callBytes(method, path, token, contentType, bytes) : app.call(method, path, token, body);
        }

        boolean ownersResource() {
            return owned != Owned.NOTHING;
        }
    }

    Call prepare(String method, String template, String schema, int success) {
        if (template.startsWith("/api/v1/users/{userId}/data")) {
            return portability.userData(method, template, success); // on a throw-away user: erasure is for real
        }
        Owned owned = Owned.NOTHING;
        String slug = null;
        String path = template;
        if (path.contains("{slug}") || needsPersonality(schema) || needsPersonalityQuery(method, template)) {
            slug = personality();
            owned = Owned.MANAGED;
        }
        path = path.replace("{slug}", slug == null ? "" : slug);
        if (path.contains("{alias}")) {
            String alias = "alias" + serial.incrementAndGet();
            ok(app.call("POST", "/api/v1/personalities/" + slug + "/aliases", owner, "{\"alias\":\"" + alias + "\"}"));
            path = path.replace("{alias}", alias);
        }
        if (path.contains("{replyId}")) {
            // regenerate, swipe and delete change the reply: each call gets a fresh one
            boolean changes = template.endsWith("/regenerate") || template.endsWith("/swipe")
                    || (method.equals("DELETE") && template.equals("/api/v1/replies/{replyId}"));
            path = path.replace("{replyId}", changes ? chat(personality()) : reply());
            // the bot owner inspects any reply's diagnostic record (the operator's tool); the reply itself stays personal
            owned = template.startsWith("/api/v1/diagnostics/") ? Owned.MANAGED : Owned.PERSONAL;
        }
        if (path.contains("{id}")) {
            boolean lorebook = template.startsWith("/api/v1/lorebooks/") || template.contains("/lorebooks/{id}");
            String id = template.startsWith("/api/v1/personas/") ? persona()
                    : template.startsWith("/api/v1/presets/") ? preset()
                    : template.startsWith("/api/v1/tokens/") ? tokenId()
                    : template.startsWith("/api/v1/memories/") ? memory()
                    : template.startsWith("/api/v1/facts/") ? fact()
                    // a book to detach must be attached first
                    : lorebook ? portability.lorebook(method.equals("DELETE") && slug != null ? slug : null)
                    : null;
            assertThat(id).as("a fixture for {id} of " + template).isNotNull();
            path = path.replace("{id}", id);
            // the bot owner manages every lorebook as he does every character
            boolean managed = template.startsWith("/api/v1/presets/") || template.startsWith("/api/v1/tokens/") || lorebook;
            // making a preset one's default is choosing it; removing the default concerns only one's own default
            owned = template.equals("/api/v1/presets/{id}/default")
                    ? (method.equals("PUT") ? Owned.CHOSEN_PRESET : Owned.PERSONAL)
                    : managed ? Owned.MANAGED : Owned.PERSONAL;
            if (template.equals("/api/v1/presets/{id}/default") && method.equals("DELETE")) {
                ok(app.call("PUT", path, owner, null)); // the owner's default, so that removing it can succeed
            }
        }
        if (path.contains("{provider}")) {
            // each caller's own key: a DELETE without one stored is still 204 (idempotent), and never touches another's
            path = path.replace("{provider}", "openrouter");
        }
        if (path.contains("{discordId}")) {
            // a denial of a fresh user, added by the bot owner (the denylist is operator only)
            String denied = "61000000000000" + String.format("%04d", serial.incrementAndGet());
            ok(app.call("POST", "/api/v1/admin/denylist", botOwner(), "{\"target\":\"" + denied
                    + "\",\"mode\":\"mute\"}"));
            path = path.replace("{type}", "user").replace("{discordId}", denied);
        }
        if (path.contains("{guildId}")) {
            path = path.replace("{guildId}", "710000000000000001"); // a server's speaking choice (operator only)
        }
        if (path.contains("{channelId}")) {
            path = path.replace("{channelId}", "700000000000000001"); // a Discord channel's settings tier (operator only)
        }
        if (path.contains("{bookId}")) {
            // one of the owner's books; to detach one it is attached first (to the owner's persona, or by the operator)
            String book = portability.lorebook(null);
            path = path.replace("{bookId}", book);
            if (method.equals("DELETE")) {
                ok(app.call("PUT", path, template.startsWith("/api/v1/admin/") ? botOwner() : owner, null));
            }
        }
        if (needsPersonalityQuery(method, template)) {
            path += "?personality=" + slug;
        }
        String body = schema == null ? null : body(schema, slug);
        if ("PersonaChoice".equals(schema)) {
            owned = Owned.PERSONAL;
        } else if ("PresetChoice".equals(schema)) {
            owned = Owned.CHOSEN_PRESET;
        }
        byte[] bytes = null;
        String contentType = null;
        if (PortabilityFixtures.UPLOADS.contains(template)) {
            if (template.equals("/api/v1/lorebooks/import")) {
                slug = personality(); // attached on import to a character the caller must be allowed to edit
                owned = Owned.MANAGED;
            } else if (template.endsWith("/preview")) {
                slug = personality(); // whose PNG card is previewed
            }
            bytes = portability.upload(template, slug);
            contentType = PortabilityFixtures.MULTIPART;
        }
        if (template.endsWith("/avatar")) {
            contentType = "image/png";
            bytes = png();
            if (method.equals("DELETE")) {
                ok(app.callBytes("PUT", path, owner, "image/png", bytes)); // an avatar to remove
                bytes = null;
            }
        }
        Set<Integer> successes = template.equals("/api/v1/history/undo") ? Set.of(success, 409) : Set.of(success);
        assertThat(path).as(template).doesNotContain("{");
        return new Call(app, method, path, body, bytes, contentType, owned, successes, owner);
    }

    private static byte[] png() {
        try {
            java.awt.image.BufferedImage image = new java.awt.image.BufferedImage(8, 8, java.awt.image.BufferedImage.TYPE_INT_RGB);
            java.io.ByteArrayOutputStream out = new java.io.ByteArrayOutputStream();
            javax.imageio.ImageIO.write(image, "png", out);
            return out.toByteArray();
        } catch (java.io.IOException e) {
            throw new java.io.UncheckedIOException(e);
        }
    }

    private static boolean needsPersonality(String schema) {
        return schema != null && Set.of("Chat", "HistoryTarget", "MemorySearch", "SetFocus", "StartIncognito", "ForgetMemories")
                .contains(schema);
    }

    private static boolean needsPersonalityQuery(String method, String template) {
        return method.equals("GET") && template.equals("/api/v1/history")
                || method.equals("DELETE") && template.equals("/api/v1/memories")
                || method.equals("GET") && template.equals("/api/v1/settings/resolved")
                || method.equals("GET") && template.equals("/api/v1/focus")
                || method.equals("DELETE") && template.equals("/api/v1/incognito");
    }

    private String body(String schema, String slug) {
        int n = serial.incrementAndGet();
        return switch (schema) {
            case "SettingsTier" -> "{\"maxMessages\":20}";
            case "RateLimitsPatch" -> "{\"replyBurst\":" + (10 + n % 50) + "}";
            case "SpeakingRequest" -> "{\"mode\":\"denylist\",\"channels\":[\"72000000000000" + String.format("%04d", n)
                    + "\"]}";
            case "GhostRequest" -> "{\"ghost\":" + (n % 2 == 0) + "}";
            case "ChannelStreamingRequest" -> "{\"enabled\":" + (n % 2 == 0) + "}";
            case "DenialRequest" -> "{\"target\":\"<@62000000000000" + String.format("%04d", n)
                    + ">\",\"mode\":\"mute\",\"duration\":\"1h\"}";
            case "Chat" -> "{\"personality\":\"" + slug + "\",\"message\":\"hello number " + n + "\"}";
            case "SwipeChoice" -> "{\"index\":0}";
            case "HistoryTarget" -> "{\"personality\":\"" + slug + "\"}";
            case "SetFocus" -> "{\"personality\":\"" + slug + "\",\"enabled\":true}";
            case "StartIncognito" -> "{\"personality\":\"" + slug + "\",\"duration\":\"30m\"}";
            case "ForgetMemories" -> "{\"personality\":\"" + slug + "\",\"timeframe\":\"5m\"}";
            case "SetApiKey" -> "{\"apiKey\":\"sk-or-v1-matrix-key-" + n + "-0123456789\"}";
            case "Timezone" -> "{\"timezone\":\"Europe/London\"}";
            case "MemorySearch" -> "{\"query\":\"hello\",\"personality\":\"" + slug + "\"}";
            case "EditMemory" -> "{\"content\":\"edited memory " + n + "\"}";
            case "SetAuthorsNote" -> "{\"content\":\"{{char}} keeps it brief " + n + ".\",\"depth\":2,\"role\":\"system\","
                    + "\"frequency\":1}";
            case "SetUserPrompt" -> "{\"content\":\"Call me captain " + n + ".\"}";
            case "EditFact" -> "{\"content\":\"corrected fact " + n + "\",\"locked\":true}";
            case "CreatePersonality" -> "{\"name\":\"Made " + n + "\",\"slug\":\"made-" + n
                    + "\",\"characterInfo\":\"A test.\",\"personalityTraits\":\"calm\"}";
            case "UpdatePersonality" -> "{\"characterInfo\":\"Changed " + n + ".\"}";
            case "Alias" -> "{\"alias\":\"other" + n + "\"}";
            case "PersonaChoice" -> "{\"personaId\":\"" + persona() + "\"}";
            case "PresetChoice" -> "{\"presetId\":\"" + preset() + "\"}";
            case "CreatePersona" -> "{\"name\":\"Persona " + n + "\",\"content\":\"Likes tea.\"}";
            case "UpdatePersona" -> "{\"content\":\"Likes coffee " + n + ".\"}";
            case "CreatePreset" -> "{\"name\":\"Preset " + n + "\",\"model\":\"fake/echo\"}";
            case "UpdatePreset" -> "{\"description\":\"changed " + n + "\"}";
            case "CreateToken" -> "{\"label\":\"matrix " + n + "\"}";
            case "SetDiagnosticsSharing" -> "{\"shareHiddenFields\":true}";
            case "ShapesImport" -> "{\"username\":\"" + ApiApp.SHAPE + "\",\"sessionCookie\":\"appSession="
                    + ApiApp.SHAPES_SESSION + "\"}";
            case "PresetFile" -> PortabilityFixtures.presetFile(n);
            case "LoreTest" -> "{\"text\":\"What rises over the sea " + n + "?\"}";
            // the bot owner's clean-up of rows a year old: nothing this run wrote is that old
            case "AdminCleanup" -> "{\"days\":365,\"target\":\"usage\"}";
            default -> throw new AssertionError("no sample body for schema " + schema + ": add one to MatrixFixtures");
        };
    }

    private String botOwnerToken;

    private String botOwner() {
        if (botOwnerToken == null) {
            botOwnerToken = app.token(ApiApp.BOT_OWNER, true);
        }
        return botOwnerToken;
    }

    private String personality() {
        int n = serial.incrementAndGet();
        JsonNode made = ok(app.call("POST", "/api/v1/personalities", owner, "{\"name\":\"Private " + n + "\",\"slug\":\"private-"
                + n + "\",\"characterInfo\":\"Kept private.\",\"personalityTraits\":\"quiet\",\"isPublic\":false}"));
        return made.get("personality").get("slug").asText();
    }

    private String persona() {
        int n = serial.incrementAndGet();
        return ok(app.call("POST", "/api/v1/personas", owner, "{\"name\":\"Mine " + n + "\",\"content\":\"Private notes.\"}"))
                .get("persona").get("id").asText();
    }

    private String preset() {
        int n = serial.incrementAndGet();
        return ok(app.call("POST", "/api/v1/presets", owner, "{\"name\":\"Mine " + n + "\",\"model\":\"fake/echo\"}"))
                .get("preset").get("id").asText();
    }

    private String tokenId() {
        return ok(app.call("POST", "/api/v1/tokens", owner, "{\"label\":\"fixture " + serial.incrementAndGet() + "\"}"))
                .get("token").get("id").asText();
    }

    /** The owner's reply to a message to a private character (made once; reading does not change it). */
    private String reply() {
        if (replyId == null) {
            replyId = chat(personality());
        }
        return replyId;
    }

    private String chat(String slug) {
        String id = ok(app.call("POST", "/api/v1/chat", owner, "{\"personality\":\"" + slug
                + "\",\"message\":\"Please remember that I like tea number " + serial.incrementAndGet() + ".\"}"))
                .get("replyId").asText();
        JsonNode done = ok(app.call("GET", "/api/v1/replies/" + id + "?wait=60", owner, null));
        assertThat(done.get("status").asText()).as(done.toString()).isEqualTo("done");
        // the diagnostic record is written as the reply finishes; the matrix reads it
        Awaitility.await().atMost(Duration.ofSeconds(30)).pollInterval(Duration.ofMillis(100))
                .until(() -> app.call("GET", "/api/v1/diagnostics/" + id, owner, null).statusCode() == 200);
        return id;
    }

    /** A fresh memory of the owner's (a chat, then its memory once the background embedding stored it). */
    private String memory() {
        String slug = personality();
        chat(slug);
        JsonNode[] found = new JsonNode[1];
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(100)).until(() -> {
            JsonNode list = ok(app.call("GET", "/api/v1/memories?personality=" + slug, owner, null));
            JsonNode items = list.has("items") ? list.get("items") : list.path("memories");
            if (items.isArray() && items.size() > 0) {
                found[0] = items.get(0);
                return true;
            }
            return false;
        });
        return found[0].get("id").asText();
    }

    /** A fresh memory fact of the owner's, stored as an extraction would (extraction is off in the matrix's app). */
    private String fact() {
        String slug = personality();
        java.util.UUID persona = java.util.UUID.fromString(persona());
        var jdbi = app.running.database().jdbi();
        java.util.UUID personality = jdbi.withHandle(h -> h.createQuery("SELECT id FROM personalities WHERE slug = :slug")
                .bind("slug", slug).mapTo(java.util.UUID.class).one());
        var facts = app.running.repositories().facts(); // the running app's, so its caches hear of the write
        String text = "likes tea number " + serial.incrementAndGet();
        facts.apply(persona, personality, java.util.List.of(new io.tzurot.core.facts.FactChange.Add(text, 0.8)),
                "exchange:matrix", java.time.Instant.now());
        return facts.inScope(persona, io.tzurot.core.memory.PersonalityScope.only(personality), 100).stream()
                .filter(f -> f.content().equals(text)).findFirst().orElseThrow().id().toString();
    }

    private static JsonNode ok(HttpResponse<String> response) {
        return PortabilityFixtures.ok(response);
    }
}
