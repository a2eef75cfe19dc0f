package io.tzurot.web.lore;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.tzurot.core.access.Actor;
import io.tzurot.core.lorebook.AttachingLorebooks;
import io.tzurot.core.lorebook.activation.LoreUseCases;
import io.tzurot.core.lorebook.LorebookSummary;
import io.tzurot.core.lorebook.activation.FiredEntry;
import io.tzurot.core.lorebook.activation.LoreActivation;
import io.tzurot.core.lorebook.activation.LorePosition;
import io.tzurot.core.lorebook.activation.TestingLorebook;
import io.tzurot.web.auth.Access;
import io.tzurot.web.http.ApiException;
import io.tzurot.web.http.Inputs;
import io.tzurot.web.http.JsonBody;
import io.tzurot.web.openapi.ApiRoute;
import io.tzurot.web.openapi.RouteAuth;
import io.tzurot.web.openapi.RouteRegistry;
import io.tzurot.web.openapi.Schemas;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Lorebooks attached to a persona ({@code /api/v1/personas/{id}/lorebooks}), to a Discord channel and to everything
 * (operator routes under {@code /api/v1/admin}), and the keyword test ({@code POST /api/v1/lorebooks/{id}/test}).
 * The rules are {@link AttachingLorebooks}'s and {@link TestingLorebook}'s.
 */
public final class LoreApi {

    private static final String TAG = "lorebooks";
    private static final String PERSONA = "/api/v1/personas/{id}/lorebooks";
    private static final String CHANNEL = "/api/v1/admin/channels/{channelId}/lorebooks";
    private static final String GLOBAL = "/api/v1/admin/lorebooks/global";

    private final Supplier<Optional<LoreUseCases>> useCases;

    public LoreApi(Supplier<Optional<LoreUseCases>> useCases) {
        this.useCases = useCases;
    }

    /** Registers the routes; {@code LorebookList} is the card routes' schema. */
    public void register(RouteRegistry routes) {
        defineSchemas(routes.schemas());
        add(routes, HandlerType.GET, PERSONA, RouteAuth.USER, "The lorebooks attached to one of the caller's personas",
                null, 200, "LorebookList", List.of(404), this::onPersona);
        add(routes, HandlerType.PUT, PERSONA + "/{bookId}", RouteAuth.USER, "Attach one of the caller's lorebooks to"
                + " one of the caller's personas (its entries fire whenever the persona talks)", null, 204, null,
                List.of(404), this::attachToPersona);
        add(routes, HandlerType.DELETE, PERSONA + "/{bookId}", RouteAuth.USER, "Detach a lorebook from one of the"
                + " caller's personas", null, 204, null, List.of(404), this::detachFromPersona);
        add(routes, HandlerType.GET, CHANNEL, RouteAuth.OWNER, "The lorebooks attached to a Discord channel", null, 200,
                "LorebookList", List.of(400), this::onChannel);
        add(routes, HandlerType.PUT, CHANNEL + "/{bookId}", RouteAuth.OWNER, "Attach a lorebook to a Discord channel"
                + " (its entries fire for everyone there)", null, 204, null, List.of(400, 404), this::attachToChannel);
        add(routes, HandlerType.DELETE, CHANNEL + "/{bookId}", RouteAuth.OWNER, "Detach a lorebook from a Discord"
                + " channel", null, 204, null, List.of(400, 404), this::detachFromChannel);
        add(routes, HandlerType.GET, GLOBAL, RouteAuth.OWNER, "The lorebooks attached to every reply", null, 200,
                "LorebookList", List.of(), this::global);
        add(routes, HandlerType.PUT, GLOBAL + "/{bookId}", RouteAuth.OWNER, "Attach a lorebook to every reply", null,
                204, null, List.of(404), this::attachGlobally);
        add(routes, HandlerType.DELETE, GLOBAL + "/{bookId}", RouteAuth.OWNER, "Detach a lorebook from every reply",
                null, 204, null, List.of(404), this::detachGlobally);
        add(routes, HandlerType.POST, "/api/v1/lorebooks/{id}/test", RouteAuth.USER, "Which entries of one of the"
                + " caller's lorebooks fire on a text, and why (a dry run: no timed effects, every probability roll"
                + " passes)", "LoreTest", 200, "LoreTestResult", List.of(400, 404, 413), this::test);
    }

    private static void add(RouteRegistry routes, HandlerType method, String path, RouteAuth auth, String summary,
                            String request, int status, String response, List<Integer> errors,
                            io.javalin.http.Handler handler) {
        routes.add(new ApiRoute(method, path, TAG, summary, auth, request, status, response, errors), handler);
    }

    private static void defineSchemas(Schemas s) {
        s.define("LoreTest", Schemas.object(List.of("text"), Map.of(
                "text", Schemas.string("The text to scan, as the newest message of a chat", TestingLorebook.MAX_TEXT),
                "contextWindow", Map.of("type", "integer", "minimum", 1, "maximum", TestingLorebook.MAX_WINDOW,
                        "description", "The model's context window in tokens (the lore budget is 25 % of it);"
                                + " default " + TestingLorebook.DEFAULT_WINDOW))));
        Map<String, Object> fired = new LinkedHashMap<>();
        fired.put("entryId", Schemas.nullable(Schemas.string("The entry's id")));
        fired.put("comment", Schemas.string("The entry's comment or name"));
        fired.put("reason", Schemas.string("Why it fired: key, constant, sticky or decorator"));
        fired.put("matchedKey", Schemas.nullable(Schemas.string("The primary key that matched")));
        fired.put("position", Schemas.string("Where it goes: before_character, after_character, at_depth, ..."));
        fired.put("depth", Schemas.nullable(Map.of("type", "integer", "description", "Messages from the end (at_depth)")));
        fired.put("role", Schemas.nullable(Schemas.string("system, user or assistant (at_depth)")));
        fired.put("tokens", Map.of("type", "integer", "description", "Tokens its content takes"));
        fired.put("pass", Map.of("type", "integer", "description", "0 = the text itself, higher = recursion"));
        fired.put("content", Schemas.string("The text that would be inserted, decorators removed"));
        s.define("LoreTestEntry", Schemas.object(List.of("comment", "reason", "position", "tokens", "pass", "content"),
                fired));
        s.define("LoreTestResult", Schemas.object(List.of("fired", "budget", "tokensUsed", "overflowed"), Map.of(
                "fired", Schemas.arrayOf(Schemas.ref("LoreTestEntry")),
                "budget", Map.of("type", "integer", "description", "The lore token budget"),
                "tokensUsed", Map.of("type", "integer", "description", "Tokens the fired entries take"),
                "overflowed", Schemas.bool("Whether an entry did not fit the budget (it and those after were left out)"))));
    }

    private LoreUseCases uc() {
        return useCases.get().orElseThrow(ApiException::starting);
    }

    private void onPersona(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        ctx.json(list(uc().attaching().onPersona(actor, uuid(ctx, "id", "Persona"))));
    }

    private void attachToPersona(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        uc().attaching().attachToPersona(actor, book(ctx), uuid(ctx, "id", "Persona"));
        ctx.status(204);
    }

    private void detachFromPersona(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        uc().attaching().detachFromPersona(actor, book(ctx), uuid(ctx, "id", "Persona"));
        ctx.status(204);
    }

    private void onChannel(Context ctx) {
        Actor owner = Access.requireOwner(ctx);
        ctx.json(list(uc().attaching().onChannelAsOperator(owner, ctx.pathParam("channelId"))));
    }

    private void attachToChannel(Context ctx) {
        Actor owner = Access.requireOwner(ctx);
        uc().attaching().attachToChannelAsOperator(owner, ctx.pathParam("channelId"), book(ctx));
        ctx.status(204);
    }

    private void detachFromChannel(Context ctx) {
        Actor owner = Access.requireOwner(ctx);
        uc().attaching().detachFromChannelAsOperator(owner, ctx.pathParam("channelId"), book(ctx));
        ctx.status(204);
    }

    private void global(Context ctx) {
        Access.requireOwner(ctx);
        ctx.json(list(uc().attaching().global()));
    }

    private void attachGlobally(Context ctx) {
        Actor owner = Access.requireOwner(ctx);
        uc().attaching().attachGlobally(owner, book(ctx));
        ctx.status(204);
    }

    private void detachGlobally(Context ctx) {
        Actor owner = Access.requireOwner(ctx);
        uc().attaching().detachGlobally(owner, book(ctx));
        ctx.status(204);
    }

    private void test(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        JsonBody body = Inputs.jsonBody(ctx).allowOnly(Set.of("text", "contextWindow"));
        String text = body.requiredString("text", TestingLorebook.MAX_TEXT);
        Integer window = body.has("contextWindow") && !body.isNull("contextWindow")
                ? (int) body.requiredInteger("contextWindow", 1, TestingLorebook.MAX_WINDOW) : null;
        ctx.json(result(uc().testing().test(actor, uuid(ctx, "id", "Lorebook"), text, window)));
    }

    /** The panel's answer: every fired entry with its reason, placement and cost, and the budget. */
    public static Map<String, Object> result(LoreActivation a) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("fired", a.fired().stream().map(LoreApi::entry).toList());
        out.put("budget", a.budget());
        out.put("tokensUsed", a.tokensUsed());
        out.put("overflowed", a.overflowed());
        return out;
    }

    private static Map<String, Object> entry(FiredEntry f) {
        Map<String, Object> out = new LinkedHashMap<>();
        boolean atDepth = f.position() == LorePosition.AT_DEPTH;
        out.put("entryId", f.entryId());
        out.put("comment", f.label());
        out.put("reason", f.reason().name().toLowerCase(java.util.Locale.ROOT));
        out.put("matchedKey", f.matchedKey());
        out.put("position", f.position().wireName());
        out.put("depth", atDepth ? f.depth() : null);
        out.put("role", atDepth ? f.role().name().toLowerCase(java.util.Locale.ROOT) : null);
        out.put("tokens", f.tokens());
        out.put("pass", f.pass());
        out.put("content", f.content());
        return out;
    }

    private static Map<String, Object> list(List<LorebookSummary> books) {
        return Map.of("lorebooks", books.stream().map(b -> Map.of("id", b.id(), "name", b.name(),
                "entryCount", b.entryCount())).toList());
    }

    private static UUID book(Context ctx) {
        return uuid(ctx, "bookId", "Lorebook");
    }

    private static UUID uuid(Context ctx, String param, String what) {
        try {
            return UUID.fromString(ctx.pathParam(param));
        } catch (IllegalArgumentException e) {
            throw ApiException.notFound(what + " '" + ctx.pathParam(param) + "'");
        }
    }
}
