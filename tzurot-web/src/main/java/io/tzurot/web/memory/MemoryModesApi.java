package io.tzurot.web.memory;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.tzurot.core.access.Actor;
import io.tzurot.core.memory.GoingIncognito;
import io.tzurot.core.memory.IncognitoDuration;
import io.tzurot.core.memory.IncognitoSession;
import io.tzurot.core.personality.Personality;
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
import java.util.function.Supplier;

/**
 * Incognito sessions and focus mode over HTTP (spec api.md §A.8 {@code /user/memory/incognito|focus}), as
 * {@code /api/v1/incognito} and {@code /api/v1/focus}: the caller's own, with characters they may see (a slug, name
 * or id; {@code all} for incognito covers every character). The rules are core's ({@link MemoryModes}).
 */
public final class MemoryModesApi {

    private static final int MAX_REF = 255;
    private static final String ALL = "all";

    private final Supplier<Optional<MemoryModes>> modes;

    public MemoryModesApi(Supplier<Optional<MemoryModes>> modes) {
        this.modes = modes;
    }

    public void register(RouteRegistry routes) {
        define(routes);
        routes.add(new ApiRoute(HandlerType.GET, "/api/v1/incognito", "memories",
                "Your incognito sessions (replies are given, no memories saved)", RouteAuth.USER, null, 200,
                "IncognitoSessions", List.of()), this::sessions);
        routes.add(new ApiRoute(HandlerType.POST, "/api/v1/incognito", "memories",
                "Start an incognito session with a character or all: duration 30m, 1h, 4h or forever", RouteAuth.USER,
                "StartIncognito", 201, "IncognitoSession", List.of(400, 404)), this::enable);
        routes.add(new ApiRoute(HandlerType.DELETE, "/api/v1/incognito", "memories",
                "End the incognito session with a character (?personality=), or every session (?personality=all)",
                RouteAuth.USER, null, 200, "IncognitoEnded", List.of(400, 404)), this::disable);
        routes.add(new ApiRoute(HandlerType.POST, "/api/v1/incognito/forget", "memories",
                "Delete the memories saved with a character (or all) in the last 5m, 15m or 1h; locked ones stay",
                RouteAuth.USER, "ForgetMemories", 200, "Purged", List.of(400, 404)), this::forget);
        routes.add(new ApiRoute(HandlerType.GET, "/api/v1/focus", "memories",
                "Whether focus mode (no memory recall) is on with a character: ?personality=", RouteAuth.USER, null, 200,
                "Focus", List.of(400, 404)), this::focus);
        routes.add(new ApiRoute(HandlerType.PUT, "/api/v1/focus", "memories",
                "Turn focus mode on or off with a character (memories are still saved)", RouteAuth.USER, "SetFocus",
                200, "Focus", List.of(400, 404)), this::setFocus);
    }

    private MemoryModes modes() {
        return modes.get().orElseThrow(ApiException::starting);
    }

    private void sessions(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        ctx.json(Map.of("sessions", modes().incognito().status(actor).stream().map(MemoryModesApi::session).toList()));
    }

    private void enable(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        JsonBody body = Inputs.jsonBody(ctx).allowOnly(Set.of("personality", "duration"));
        Optional<Personality> personality = characterOrAll(actor, body.requiredString("personality", MAX_REF));
        IncognitoSession session = modes().incognito().enable(actor, personality, body.requiredString("duration", 10));
        ctx.status(201).json(session(session));
    }

    private void disable(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        Optional<Personality> personality = characterOrAll(actor,
                Inputs.requiredString("personality", ctx.queryParam("personality"), MAX_REF));
        GoingIncognito.Disabled ended = modes().incognito().disable(actor, personality);
        ctx.json(Map.of("ended", ended.ended(), "stillCoveredByAll", ended.stillCoveredByAll()));
    }

    private void forget(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        JsonBody body = Inputs.jsonBody(ctx).allowOnly(Set.of("personality", "timeframe"));
        Optional<Personality> personality = characterOrAll(actor, body.requiredString("personality", MAX_REF));
        ctx.json(Map.of("deleted", modes().incognito().forget(actor, personality, body.requiredString("timeframe", 10))));
    }

    private void focus(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        Personality p = character(actor, Inputs.requiredString("personality", ctx.queryParam("personality"), MAX_REF));
        ctx.json(focus(p, modes().focus().enabled(actor, p, null)));
    }

    private void setFocus(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        JsonBody body = Inputs.jsonBody(ctx).allowOnly(Set.of("personality", "enabled"));
        if (!body.has("enabled") || body.isNull("enabled")) {
            throw ApiException.badRequest("enabled", "'enabled' is required: true or false.");
        }
        Personality p = character(actor, body.requiredString("personality", MAX_REF));
        ctx.json(focus(p, modes().focus().set(actor, p, body.optionalBoolean("enabled", false))));
    }

    private Optional<Personality> characterOrAll(Actor actor, String ref) {
        return ref.strip().equalsIgnoreCase(ALL) ? Optional.empty() : Optional.of(character(actor, ref));
    }

    private Personality character(Actor actor, String ref) {
        return modes().personalities().lookup(actor, ref)
                .orElseThrow(() -> ApiException.notFound("Personality '" + ref.strip() + "'"));
    }

    private static Map<String, Object> focus(Personality p, boolean enabled) {
        return Map.of("personality", p.slug(), "enabled", enabled);
    }

    private static Map<String, Object> session(IncognitoSession s) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("personalityId", s.personalityId().map(Object::toString).orElse(ALL));
        json.put("duration", s.duration().code());
        json.put("enabledAt", s.enabledAt().toString());
        json.put("expiresAt", s.expiresAt().map(Object::toString).orElse(null));
        return json;
    }

    private static void define(RouteRegistry routes) {
        var s = routes.schemas();
        s.define("IncognitoSession", Schemas.object(List.of("personalityId", "duration", "enabledAt"), Map.of(
                "personalityId", Schemas.string("The character's id, or all"),
                "duration", Schemas.string("One of " + IncognitoDuration.choices()),
                "enabledAt", Schemas.format("date-time", "When it started"),
                "expiresAt", Schemas.nullable(Schemas.format("date-time", "When it ends; null = until turned off")))));
        s.define("IncognitoSessions", Schemas.object(List.of("sessions"), Map.of(
                "sessions", Schemas.arrayOf(Schemas.ref("IncognitoSession")))));
        s.define("StartIncognito", Schemas.object(List.of("personality", "duration"), Map.of(
                "personality", Schemas.string("A character (slug, name or id), or all", MAX_REF),
                "duration", Schemas.string("One of " + IncognitoDuration.choices()))));
        s.define("IncognitoEnded", Schemas.object(List.of("ended", "stillCoveredByAll"), Map.of(
                "ended", Map.of("type", "integer", "description", "How many sessions ended"),
                "stillCoveredByAll", Schemas.bool("Whether a session for all characters still covers the character"))));
        s.define("ForgetMemories", Schemas.object(List.of("personality", "timeframe"), Map.of(
                "personality", Schemas.string("A character (slug, name or id), or all", MAX_REF),
                "timeframe", Schemas.string("5m, 15m or 1h"))));
        s.define("Focus", Schemas.object(List.of("personality", "enabled"), Map.of(
                "personality", Schemas.string("The character's slug"),
                "enabled", Schemas.bool("Whether memories are left out of replies"))));
        s.define("SetFocus", Schemas.object(List.of("personality", "enabled"), Map.of(
                "personality", Schemas.string("A character (slug, name or id)", MAX_REF),
                "enabled", Schemas.bool("On or off"))));
    }
}
