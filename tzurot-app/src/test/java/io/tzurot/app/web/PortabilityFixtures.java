package io.tzurot.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.ByteArrayOutputStream;
import java.net.http.HttpResponse;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.util.Set;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;

/**
 * The portability side of the matrix's fixtures: files to upload (a small V2 card with a lorebook, SillyTavern
 * world info, multipart bodies), lorebooks the owner imported, and throw-away users for the routes about a user's
 * whole data, so that an export or an erasure never touches the accounts the other cases rely on.
 */
final class PortabilityFixtures {

    static final String BOUNDARY = "----tzurot-matrix-boundary";
    static final String MULTIPART = "multipart/form-data; boundary=" + BOUNDARY;
    /** Routes whose body is a multipart form with the file in the field {@code file}. */
    static final Set<String> UPLOADS = Set.of("/api/v1/personalities/import", "/api/v1/personalities/import/preview",
            "/api/v1/lorebooks/import");

    private final ApiApp app;
    private final String owner;
    private final AtomicInteger serial;

    PortabilityFixtures(ApiApp app, String ownerToken, AtomicInteger serial) {
        this.app = app;
        this.owner = ownerToken;
        this.serial = serial;
    }

    /** A SillyTavern V2 card (JSON) with a two-entry character book, named {@code name}. */
    static String card(String name) {
        return "{\"spec\":\"chara_card_v2\",\"spec_version\":\"2.0\",\"data\":{\"name\":\"" + name + "\","
                + "\"description\":\"A keeper of old maps.\",\"personality\":\"patient\",\"scenario\":\"A map room.\","
                + "\"first_mes\":\"Welcome, {{user}}.\",\"mes_example\":\"\",\"creator_notes\":\"\",\"system_prompt\":\"\","
                + "\"post_history_instructions\":\"\",\"alternate_greetings\":[\"Back again?\"],\"tags\":[\"maps\"],"
                + "\"creator\":\"matrix\",\"character_version\":\"1\",\"extensions\":{},\"character_book\":{\"name\":\"Atlas\","
                + "\"extensions\":{},\"entries\":[{\"keys\":[\"atlas\"],\"content\":\"The atlas is old.\",\"extensions\":{},"
                + "\"enabled\":true,\"insertion_order\":10},{\"keys\":[\"compass\"],\"content\":\"It points home.\","
                + "\"extensions\":{},\"enabled\":true,\"insertion_order\":20}]}}}";
    }

    /** A SillyTavern world-info file with one entry. */
    static String worldInfo() {
        return "{\"entries\":{\"0\":{\"uid\":0,\"key\":[\"moon\"],\"keysecondary\":[],\"content\":\"The moon hums.\","
                + "\"order\":100,\"position\":0,\"disable\":false}}}";
    }

    /** A reference preset file (the body of {@code POST /api/v1/presets/import}). */
    static String presetFile(int n) {
        return "{\"name\":\"Imported " + n + "\",\"model\":\"fake/echo\",\"advancedParameters\":{\"temperature\":0.7}}";
    }

    /** A multipart body of {@link #BOUNDARY}: the file in {@code file}, then {@code fields} as name/value pairs. */
    static byte[] multipart(String fileName, String fileType, byte[] file, String... fields) {
        ByteArrayOutputStream out = new ByteArrayOutputStream();
        out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"file\"; filename=\"" + fileName
                + "\"\r\nContent-Type: " + fileType + "\r\n\r\n").getBytes(StandardCharsets.UTF_8));
        out.writeBytes(file);
        out.writeBytes("\r\n".getBytes(StandardCharsets.UTF_8));
        for (int i = 0; i + 1 < fields.length; i += 2) {
            out.writeBytes(("--" + BOUNDARY + "\r\nContent-Disposition: form-data; name=\"" + fields[i] + "\"\r\n\r\n"
                    + fields[i + 1] + "\r\n").getBytes(StandardCharsets.UTF_8));
        }
        out.writeBytes(("--" + BOUNDARY + "--\r\n").getBytes(StandardCharsets.UTF_8));
        return out.toByteArray();
    }

    /** The upload for one of {@link #UPLOADS}: a card, or the card the product itself exports as PNG for the preview. */
    byte[] upload(String template, String slug) {
        int n = serial.incrementAndGet();
        return switch (template) {
            case "/api/v1/personalities/import" -> multipart("card-" + n + ".json", "application/json",
                    card("Imported " + n).getBytes(StandardCharsets.UTF_8));
            case "/api/v1/personalities/import/preview" -> multipart(slug + ".card.png", "image/png", pngCard(slug));
            case "/api/v1/lorebooks/import" -> multipart("moon.json", "application/json",
                    worldInfo().getBytes(StandardCharsets.UTF_8), "name", "Moon " + n, "attachTo", slug);
            default -> throw new AssertionError("no upload for " + template);
        };
    }

    /** The owner's character {@code slug} as the PNG card the export route writes. */
    byte[] pngCard(String slug) {
        HttpResponse<byte[]> png = app.download("/api/v1/personalities/" + slug + "/export?format=card-png", owner);
        assertThat(png.statusCode()).as("export of " + slug).isEqualTo(200);
        return png.body();
    }

    /** A lorebook the owner imported; attached to {@code slug} when it is not null. */
    String lorebook(String attachTo) {
        byte[] body = attachTo == null
                ? multipart("moon.json", "application/json", worldInfo().getBytes(StandardCharsets.UTF_8))
                : multipart("moon.json", "application/json", worldInfo().getBytes(StandardCharsets.UTF_8), "attachTo", attachTo);
        return ok(app.callBytes("POST", "/api/v1/lorebooks/import", owner, MULTIPART, body)).get("id").asText();
    }

    /** A user made for one case, with a persona and a preset of their own, and their token. */
    record Throwaway(String discordId, String token) {
    }

    Throwaway throwaway() {
        String discordId = String.valueOf(400_000_000_000_000_000L + serial.incrementAndGet());
        String token = app.token(discordId, false);
        ok(app.call("POST", "/api/v1/personas", token, "{\"name\":\"Passing\",\"content\":\"Here for one case.\"}"));
        ok(app.call("POST", "/api/v1/presets", token, "{\"name\":\"Passing preset " + discordId + "\",\"model\":\"fake/echo\"}"));
        return new Throwaway(discordId, token);
    }

    /** An export of {@code user}'s data, waited for until completed so that its file can be fetched. */
    String completedExport(Throwaway user) {
        String base = "/api/v1/users/" + user.discordId() + "/data/exports";
        String id = ok(app.call("POST", base, user.token(), null)).get("export").get("id").asText();
        Awaitility.await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(50)).until(() ->
                ok(app.call("GET", base + "/" + id, user.token(), null)).get("export").get("status").asText()
                        .equals("completed"));
        return id;
    }

    /** The matrix's call of a route under {@code /api/v1/users/{userId}/data}, on a fresh throw-away user. */
    MatrixFixtures.Call userData(String method, String template, int success) {
        Throwaway user = throwaway();
        String path = template.replace("{userId}", user.discordId());
        if (path.contains("{id}")) {
            path = path.replace("{id}", completedExport(user));
        }
        String body = template.endsWith("/erasure") && method.equals("POST") ? "{\"confirmation\":\"delete my data\"}" : null;
        return new MatrixFixtures.Call(app, method, path, body, null, null, MatrixFixtures.Owned.MANAGED, Set.of(success),
                user.token());
    }

    /** Whether the throw-away user still has an account (their own preview of erasure answers). */
    boolean exists(Throwaway user) {
        return app.call("GET", "/api/v1/users/me/data/erasure", user.token(), null).statusCode() == 200;
    }

    static JsonNode ok(HttpResponse<String> response) {
        assertThat(response.statusCode()).as(response.request().method() + " " + response.request().uri() + ": "
                + response.body()).isBetween(200, 299);
        return response.body().isEmpty() ? ApiApp.JSON.createObjectNode() : ApiApp.json(response);
    }
}
