package io.tzurot.app.web;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import io.tzurot.testkit.logs.SecretLogScan;
import io.tzurot.testkit.model.FakeReply;
import java.net.http.HttpResponse;
import java.nio.file.Path;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.Iterator;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;
import java.util.concurrent.atomic.AtomicInteger;
import org.awaitility.Awaitility;
import org.junit.jupiter.api.AfterAll;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.TestInstance;
import org.junit.jupiter.api.extension.ExtendWith;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every {@code /api/v1} operation of the OpenAPI document (so a new route cannot be missed) called by anonymous, another
 * user, the resource's owner and the bot owner, each on fresh resources of the owner's (a private character, persona,
 * preset, token, memory, reply, lorebook; for a user's whole data, an export or the account itself of a throw-away
 * user, who is then the owner). The rules: anonymous gets 401 everywhere but the public document; the operator
 * routes ({@code /admin}) are 403 for everyone but the bot owner; what belongs to the owner is invisible to another
 * user (404) and works for the owner, and the bot owner manages every character, preset, lorebook and token, reads
 * every diagnostic record and exports or erases any account's data (but cannot choose another's private preset: 400)
 * while personas, memories, replies and one's default preset stay personal (404); routes about one's own data and
 * imports of one's own files work for every signed-in caller. Every status seen must be one the document lists for
 * the operation.
 */
@ExtendWith(SecretLogScan.class)
@TestInstance(TestInstance.Lifecycle.PER_CLASS)
class AuthorizationMatrixTest {

    enum Who { ANONYMOUS, OTHER_USER, BOT_OWNER, OWNER }

    private static final String OWNER_ID = "200000000000000001";
    private static final String OTHER_ID = "300000000000000001";

    @TempDir
    static Path dir;

    private ApiApp app;
    private MatrixFixtures fixtures;
    private Map<Who, String> tokens;

    @BeforeAll
    void start() {
        app = new ApiApp(dir);
        app.model.respondWith(request -> FakeReply.text("I remember: " + request.lastUserText()));
        tokens = new java.util.EnumMap<>(Who.class);
        tokens.put(Who.OWNER, app.token(OWNER_ID, false));
        tokens.put(Who.OTHER_USER, app.token(OTHER_ID, false));
        tokens.put(Who.BOT_OWNER, app.token(ApiApp.BOT_OWNER, true));
        fixtures = new MatrixFixtures(app, tokens.get(Who.OWNER));
    }

    @AfterAll
    void stop() {
        if (app != null) {
            app.close();
        }
    }

    /** One operation of the document, with the statuses it lists. */
    record Operation(String method, String path, boolean open, String bodySchema, Set<Integer> documented) {
        @Override
        public String toString() {
            return method + " " + path;
        }

        boolean operatorOnly() {
            return path.startsWith("/api/v1/admin/");
        }

        int success() {
            return documented.stream().filter(s -> s < 300).findFirst().orElseThrow();
        }
    }

    private List<Operation> operations() {
        JsonNode doc = ApiApp.json(app.call("GET", "/api/v1/openapi.json", null, null));
        List<Operation> ops = new ArrayList<>();
        for (Iterator<Map.Entry<String, JsonNode>> paths = doc.get("paths").fields(); paths.hasNext(); ) {
            Map.Entry<String, JsonNode> path = paths.next();
            for (Iterator<Map.Entry<String, JsonNode>> methods = path.getValue().fields(); methods.hasNext(); ) {
                Map.Entry<String, JsonNode> m = methods.next();
                JsonNode op = m.getValue();
                Set<Integer> documented = new TreeSet<>();
                op.get("responses").fieldNames().forEachRemaining(code -> documented.add(Integer.parseInt(code)));
                String schema = op.path("requestBody").path("content").path("application/json").path("schema").path("$ref")
                        .asText("");
                ops.add(new Operation(m.getKey().toUpperCase(java.util.Locale.ROOT), path.getKey(),
                        op.path("security").isEmpty(), schema.isEmpty() ? null : schema.substring(schema.lastIndexOf('/') + 1),
                        documented));
            }
        }
        // Destructive calls last, so that what they remove is not needed by later rows.
        ops.sort(Comparator.comparing((Operation o) -> o.method().equals("DELETE")).thenComparing(Operation::path));
        return ops;
    }

    /** The status the rules say {@code who} gets: a set when several are right (e.g. nothing to undo yet). */
    private Set<Integer> expected(Operation op, Who who, MatrixFixtures.Call call) {
        if (op.open()) {
            return Set.of(op.success());
        }
        if (who == Who.ANONYMOUS) {
            return Set.of(401);
        }
        if (op.operatorOnly()) {
            return who == Who.BOT_OWNER ? Set.of(op.success()) : Set.of(403);
        }
        if (call.ownersResource() && who != Who.OWNER) {
            if (who == Who.BOT_OWNER && call.owned() == MatrixFixtures.Owned.MANAGED) {
                return call.successes(); // the bot owner manages every character, preset and token
            }
            if (who == Who.BOT_OWNER && call.owned() == MatrixFixtures.Owned.CHOSEN_PRESET) {
                return Set.of(400); // he sees another's private preset but cannot make it his default or choice
            }
            return Set.of(404); // another's private things (and everyone's personal data) are invisible
        }
        return call.successes();
    }

    @Test
    void everyRouteAnswersEachCallerAsDocumented() {
        List<String> wrong = new ArrayList<>();
        StringBuilder table = new StringBuilder(String.format("%-52s %9s %10s %9s %6s%n", "operation", "anonymous",
                "other user", "bot owner", "owner"));
        AtomicInteger cells = new AtomicInteger();
        List<Operation> ops = operations();
        assertThat(ops).as("operations in the document").hasSizeGreaterThan(70);
        for (Operation op : ops) {
            StringBuilder row = new StringBuilder(String.format("%-52s", op));
            for (Who who : Who.values()) {
                MatrixFixtures.Call call = fixtures.prepare(op.method(), op.path(), op.bodySchema(), op.success());
                // the owner's column acts as whoever owns what the call touches (a throw-away user for a data route)
                HttpResponse<String> response = call.send(who == Who.OWNER ? call.ownerToken() : tokens.get(who));
                int status = response.statusCode();
                Set<Integer> expected = expected(op, who, call);
                cells.incrementAndGet();
                row.append(String.format(" %9s", status + (expected.contains(status) ? "" : "!")));
                if (!expected.contains(status)) {
                    wrong.add(op + " as " + who + ": expected " + expected + ", got " + status + " " + abbreviate(response.body()));
                }
                if (!op.documented().contains(status)) {
                    wrong.add(op + " as " + who + ": " + status + " is not among the documented " + op.documented());
                }
                if (status >= 400 && !(op.path().endsWith("/events") && status == 200)) {
                    JsonNode error = ApiApp.json(response);
                    if (!error.hasNonNull("error") || error.path("message").asText("").isBlank()) {
                        wrong.add(op + " as " + who + ": error body without error/message: " + response.body());
                    }
                }
            }
            table.append(row).append('\n');
        }
        System.out.println("Authorization matrix (" + cells + " calls; '!' marks a surprise):\n" + table);
        assertThat(wrong).as("cells that differ from the rules").isEmpty();
    }

    /**
     * The data routes beyond the matrix's single calls: another user neither previews, erases nor exports someone
     * else's account, nor reads that account's export through their own path with its id; the account is whole after
     * those attempts, and the bot owner then erases it (removing what the preview counted).
     */
    @Test
    void onlyTheUserAndTheBotOwnerReachAnAccountsData() {
        PortabilityFixtures portability = fixtures.portability();
        PortabilityFixtures.Throwaway user = portability.throwaway();
        String base = "/api/v1/users/" + user.discordId() + "/data";
        String confirm = "{\"confirmation\":\"DELETE MY DATA\"}";
        String other = tokens.get(Who.OTHER_USER);
        JsonNode before = ApiApp.json(app.call("GET", base + "/erasure", user.token(), null)).get("removes");
        assertThat(before.get("personas").asInt()).isPositive();
        assertThat(before.get("presets").asInt()).isPositive();

        String exportId = portability.completedExport(user);
        for (String[] attempt : new String[][] {{"GET", base + "/erasure", null}, {"POST", base + "/erasure", confirm},
                {"POST", base + "/exports", null}, {"GET", base + "/exports/" + exportId, null},
                {"GET", base + "/exports/" + exportId + "/file", null},
                {"GET", "/api/v1/users/" + OTHER_ID + "/data/exports/" + exportId, null},
                {"GET", "/api/v1/users/me/data/exports/" + exportId + "/file", null}}) {
            HttpResponse<String> r = app.call(attempt[0], attempt[1], other, attempt[2]);
            assertThat(r.statusCode()).as(attempt[0] + " " + attempt[1] + " by another user: " + r.body()).isEqualTo(404);
            assertThat(r.body()).as("nothing of the account shows").doesNotContain("personas").doesNotContain("status");
        }
        assertThat(portability.exists(user)).isTrue();
        assertThat(ApiApp.json(app.call("GET", base + "/erasure", user.token(), null)).get("removes")).isEqualTo(before);
        // "me" is always the caller's own account
        assertThat(ApiApp.json(app.call("GET", "/api/v1/users/me/data/erasure", other, null)).get("userId").asText())
                .isEqualTo(OTHER_ID);

        HttpResponse<String> preview = app.call("GET", base + "/erasure", tokens.get(Who.BOT_OWNER), null);
        assertThat(ApiApp.json(preview).get("removes")).isEqualTo(before);
        HttpResponse<String> erased = app.call("POST", base + "/erasure", tokens.get(Who.BOT_OWNER), confirm);
        assertThat(erased.statusCode()).as(erased.body()).isEqualTo(200);
        assertThat(ApiApp.json(erased).get("removed")).isEqualTo(before);
        assertThat(portability.exists(user)).isFalse();
        assertThat(app.call("GET", base + "/erasure", tokens.get(Who.BOT_OWNER), null).statusCode()).isEqualTo(404);
    }

    private static String abbreviate(String body) {
        return body.length() > 200 ? body.substring(0, 200) + "…" : body;
    }
}
