package io.tzurot.web.history;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.tzurot.core.access.Actor;
import io.tzurot.core.conversation.HistoryMessage;
import io.tzurot.core.conversation.RecentHistoryQuery;
import io.tzurot.core.history.ManagingHistory;
import io.tzurot.core.persona.Persona;
import io.tzurot.core.persona.PersonaHistoryConfig;
import io.tzurot.core.personality.Personality;
import io.tzurot.web.auth.Access;
import io.tzurot.web.chat.ConversationServices;
import io.tzurot.web.chat.Lookups;
import io.tzurot.web.http.ApiException;
import io.tzurot.web.http.Inputs;
import io.tzurot.web.http.JsonBody;
import io.tzurot.web.openapi.ApiRoute;
import io.tzurot.web.openapi.RouteAuth;
import io.tzurot.web.openapi.RouteRegistry;
import io.tzurot.web.openapi.Schemas;
import java.time.Instant;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;
import java.util.stream.Collectors;

/**
 * Short-term history with one character: view it, clear it (a non-destructive epoch: older messages stop
 * reaching the character) and undo the last clear (spec/datamodel.md §1.1).
 */
public final class HistoryApi {

    public static final int DEFAULT_LIMIT = 50;
    public static final int MAX_LIMIT = 200;

    private final Supplier<Optional<ConversationServices>> services;

    public HistoryApi(Supplier<Optional<ConversationServices>> services) {
        this.services = services;
    }

    public void register(RouteRegistry routes) {
        Schemas s = routes.schemas();
        s.define("HistoryMessage", Schemas.object(List.of("id", "role", "content", "createdAt"), Map.of(
                "id", Schemas.format("uuid", "Message id"),
                "role", Map.of("type", "string", "enum", List.of("user", "assistant", "system"), "description", "Who wrote it"),
                "content", Schemas.string("The message"),
                "personaId", Schemas.format("uuid", "The persona of the user it belongs to"),
                "createdAt", Schemas.format("date-time", "When it was written"))));
        s.define("HistoryEpoch", Schemas.object(List.of("personality", "personaId", "undoAvailable"), Map.of(
                "personality", Schemas.string("The character's slug"),
                "personaId", Schemas.format("uuid", "Your persona the epoch belongs to"),
                "contextResetAt", Schemas.nullable(Schemas.format("date-time", "Messages at or before this are hidden")),
                "undoAvailable", Schemas.bool("Whether the last clear can be undone"))));
        s.define("History", Schemas.object(List.of("channelId", "messages", "undoAvailable"), Map.of(
                "channelId", Schemas.string("The channel shown"),
                "personality", Schemas.string("The character's slug"),
                "personaId", Schemas.nullable(Schemas.format("uuid", "Your persona (null when you have none)")),
                "contextResetAt", Schemas.nullable(Schemas.format("date-time", "Messages at or before this are hidden")),
                "undoAvailable", Schemas.bool("Whether the last clear can be undone"),
                "messages", Schemas.arrayOf(Schemas.ref("HistoryMessage")))));
        s.define("HistoryTarget", Schemas.object(List.of("personality"), Map.of(
                "personality", Schemas.string("The character: slug, name or alias", Lookups.MAX_PERSONALITY_LENGTH),
                "persona", Schemas.format("uuid", "One of your personas; default: the one you use with the character"))));

        routes.add(new ApiRoute(HandlerType.GET, "/api/v1/history", "history",
                "The visible history with a character in one of your web channels (?personality=, optional &channelId= &persona="
                        + " &limit=1-200), oldest first; a channel that is not yours is 404 like a missing one",
                RouteAuth.USER, null, 200, "History", List.of(400, 404)), this::view);
        routes.add(new ApiRoute(HandlerType.POST, "/api/v1/history/clear", "history",
                "Hide the history so far from the character (can be undone once)", RouteAuth.USER,
                "HistoryTarget", 200, "HistoryEpoch", List.of(400, 404, 413)), this::clear);
        routes.add(new ApiRoute(HandlerType.POST, "/api/v1/history/undo", "history",
                "Undo the last clear", RouteAuth.USER, "HistoryTarget", 200, "HistoryEpoch", List.of(400, 404, 409, 413)),
                this::undo);
    }

    private ConversationServices services() {
        return services.get().orElseThrow(ApiException::starting);
    }

    private void view(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        int limit = (int) Inputs.integer("limit", Optional.ofNullable(ctx.queryParam("limit")).orElse(String.valueOf(DEFAULT_LIMIT)),
                1, MAX_LIMIT);
        Optional<String> requestedChannel = Inputs.optionalString("channelId", ctx.queryParam("channelId"), 200);
        ConversationServices s = services();
        Lookups lookups = new Lookups(s);
        Personality personality = lookups.personality(actor, "personality", ctx.queryParam("personality"));
        String channelId = s.channels().usable(actor, requestedChannel);
        Optional<Persona> persona = lookups.persona(actor, Inputs.optionalString("persona", ctx.queryParam("persona"), 36),
                personality.id());
        Optional<PersonaHistoryConfig> epoch = persona.flatMap(p -> s.historyConfigs().find(actor.userId(), personality.id(), p.id()));
        Optional<Instant> resetAt = epoch.flatMap(PersonaHistoryConfig::contextResetAt);
        List<HistoryMessage> messages = s.history().recent(new RecentHistoryQuery(channelId, personality.id(), limit,
                Optional.empty(), resetAt, s.clock().instant()));
        // only the channel's owner reads it; still only the exchanges of their own personas (older, shared channels)
        Set<UUID> mine = s.personas().listByOwner(actor.userId()).stream().map(Persona::id).collect(Collectors.toSet());
        messages = messages.stream().filter(m -> mine.contains(m.personaId())).toList();
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("channelId", channelId);
        json.put("personality", personality.slug());
        json.put("personaId", persona.map(p -> p.id().toString()).orElse(null));
        json.put("contextResetAt", resetAt.map(Instant::toString).orElse(null));
        json.put("undoAvailable", epoch.map(PersonaHistoryConfig::undoAvailable).orElse(false));
        json.put("messages", messages.stream().map(HistoryApi::message).toList());
        ctx.json(json);
    }

    private void clear(Context ctx) {
        Target t = target(ctx);
        ctx.json(epoch(t.personality(), t.persona(), managing().clear(t.actor(), t.personality(), t.persona())));
    }

    private void undo(Context ctx) {
        Target t = target(ctx);
        ctx.json(epoch(t.personality(), t.persona(), managing().undo(t.actor(), t.personality(), t.persona())));
    }

    /** The same history rule Discord's {@code /history} calls. */
    private ManagingHistory managing() {
        ConversationServices s = services();
        return new ManagingHistory(s.resolvePersona(), s.historyConfigs(), s.history(), s.clock());
    }

    private record Target(Actor actor, Personality personality, Persona persona) {
    }

    private Target target(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        JsonBody body = Inputs.jsonBody(ctx).allowOnly(Set.of("personality", "persona"));
        String ref = body.requiredString("personality", Lookups.MAX_PERSONALITY_LENGTH);
        Optional<String> personaId = body.optionalString("persona", 36);
        Lookups lookups = new Lookups(services());
        Personality personality = lookups.personality(actor, "personality", ref);
        return new Target(actor, personality, lookups.requirePersona(actor, personaId, personality.id()));
    }

    private static Map<String, Object> epoch(Personality personality, Persona persona, PersonaHistoryConfig config) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("personality", personality.slug());
        json.put("personaId", persona.id().toString());
        json.put("contextResetAt", config.contextResetAt().map(Instant::toString).orElse(null));
        json.put("undoAvailable", config.undoAvailable());
        return json;
    }

    private static Map<String, Object> message(HistoryMessage m) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", m.id().toString());
        json.put("role", m.role().dbValue());
        json.put("content", m.content());
        json.put("personaId", m.personaId().toString());
        json.put("createdAt", m.createdAt().toString());
        return json;
    }
}
