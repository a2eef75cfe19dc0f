package io.tzurot.web.memory;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.tzurot.core.access.Actor;
import io.tzurot.core.memory.Memory;
import io.tzurot.core.memory.MemoryHit;
import io.tzurot.core.memory.MemoryPage;
import io.tzurot.core.memory.ManagingMemories;
import io.tzurot.core.persona.Persona;
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
import java.io.IOException;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Long-term memory of the caller's personas: list with paging, semantic search, edit (re-embedded), delete
 * and purge by personality. Memories belong to personas, so only a persona's owner reaches them, the bot
 * owner included: memories are private.
 */
public final class MemoryApi {

    public static final int MAX_QUERY_LENGTH = 500;
    public static final int MAX_SEARCH_LIMIT = 50;
    public static final int MAX_CONTENT_LENGTH = 2000;
    public static final int MAX_PAGE = 100;
    static final int DEFAULT_PAGE = 20;
    static final int DEFAULT_HITS = 10;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<Optional<ConversationServices>> services;

    public MemoryApi(Supplier<Optional<ConversationServices>> services) {
        this.services = services;
    }

    public void register(RouteRegistry routes) {
        MemoryView.define(routes.schemas());
        routes.add(new ApiRoute(HandlerType.GET, "/api/v1/memories", "memories",
                "List a persona's memories, newest first: ?personality=&persona=&offset=&limit= (1-100)", RouteAuth.USER,
                null, 200, "MemoryPage", List.of(400, 404)), this::list);
        routes.add(new ApiRoute(HandlerType.POST, "/api/v1/memories/search", "memories",
                "Find memories by meaning (the query is embedded and compared)", RouteAuth.USER,
                "MemorySearch", 200, "MemoryHits", List.of(400, 404, 413)), this::search);
        routes.add(new ApiRoute(HandlerType.PATCH, "/api/v1/memories/{id}", "memories",
                "Change a memory's text; it is embedded again so search matches the new text", RouteAuth.USER,
                "EditMemory", 200, "Memory", List.of(400, 404, 413)), this::edit);
        routes.add(new ApiRoute(HandlerType.DELETE, "/api/v1/memories/{id}", "memories",
                "Delete a memory", RouteAuth.USER, null, 204, null, List.of(400, 404)), this::delete);
        routes.add(new ApiRoute(HandlerType.DELETE, "/api/v1/memories", "memories",
                "Purge a persona's memories with one character (?personality=, optional &persona=); locked memories stay",
                RouteAuth.USER, null, 200, "Purged", List.of(400, 404)), this::purge);
    }

    private ConversationServices services() {
        return services.get().orElseThrow(ApiException::starting);
    }

    private void list(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        int offset = (int) Inputs.integer("offset", Optional.ofNullable(ctx.queryParam("offset")).orElse("0"), 0, 1_000_000);
        int limit = (int) Inputs.integer("limit", Optional.ofNullable(ctx.queryParam("limit")).orElse(String.valueOf(DEFAULT_PAGE)),
                1, MAX_PAGE);
        ConversationServices s = services();
        Lookups lookups = new Lookups(s);
        Optional<Personality> personality = lookups.optionalPersonality(actor, "personality", ctx.queryParam("personality"));
        Optional<Persona> persona = lookups.persona(actor, Inputs.optionalString("persona", ctx.queryParam("persona"), 36),
                personality.map(Personality::id).orElse(null));
        MemoryPage page = persona.map(p -> s.memories().list(p.id(), personality.map(Personality::id), offset, limit))
                .orElse(new MemoryPage(List.of(), 0, offset, limit));
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("items", page.items().stream().map(MemoryView::of).toList());
        json.put("total", page.total());
        json.put("offset", page.offset());
        json.put("limit", page.limit());
        json.put("hasMore", page.hasMore());
        json.put("personaId", persona.map(p -> p.id().toString()).orElse(null));
        ctx.json(json);
    }

    private void search(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        JsonBody body = Inputs.jsonBody(ctx).allowOnly(Set.of("query", "personality", "persona", "limit"));
        String query = body.requiredString("query", MAX_QUERY_LENGTH);
        int limit = hasField(ctx, "limit") ? (int) body.requiredInteger("limit", 1, MAX_SEARCH_LIMIT) : DEFAULT_HITS;
        ConversationServices s = services();
        Lookups lookups = new Lookups(s);
        Optional<Personality> personality = body.optionalString("personality", Lookups.MAX_PERSONALITY_LENGTH)
                .map(ref -> lookups.personality(actor, "personality", ref));
        Optional<Persona> persona = lookups.persona(actor, body.optionalString("persona", 36),
                personality.map(Personality::id).orElse(null));
        List<MemoryHit> hits = persona.map(p -> search(s, actor, p, personality, query, limit)).orElse(List.of());
        ctx.json(Map.of("hits", hits.stream().map(h -> MemoryView.hit(h.memory(), h.score(), h.personalityName())).toList()));
    }

    /** The ranked hits: the memory rule every face calls ({@link ManagingMemories}). */
    static List<MemoryHit> search(ConversationServices s, Actor actor, Persona persona, Optional<Personality> personality,
                                  String query, int limit) {
        return managing(s).search(actor, persona, personality, query, limit);
    }

    /** The memory use case over the conversation services: the same rules as Discord's {@code /memory}. */
    public static ManagingMemories managing(ConversationServices s) {
        return new ManagingMemories(s.resolvePersona(), s.personas(), s.memories(), s.memorySearch(), s.embeddings(),
                s.clock());
    }

    private void edit(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        UUID id = Inputs.uuid("id", ctx.pathParam("id"));
        String content = Inputs.jsonBody(ctx).allowOnly(Set.of("content")).requiredString("content", MAX_CONTENT_LENGTH);
        ctx.json(MemoryView.of(managing(services()).edit(actor, id, content)));
    }

    private void delete(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        UUID id = Inputs.uuid("id", ctx.pathParam("id"));
        managing(services()).delete(actor, id);
        ctx.status(204);
    }

    private void purge(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        ConversationServices s = services();
        Lookups lookups = new Lookups(s);
        Personality personality = lookups.personality(actor, "personality", ctx.queryParam("personality"));
        Optional<Persona> persona = lookups.persona(actor, Inputs.optionalString("persona", ctx.queryParam("persona"), 36),
                personality.id());
        int deleted = persona.map(p -> managing(s).purge(actor, personality, p)).orElse(0);
        ctx.json(Map.of("deleted", deleted));
    }

    /** The visible memory when one of the actor's personas owns it; 404 otherwise (other people's ids are not confirmed). */
    public static Memory ownMemory(ConversationServices s, Actor actor, UUID id) {
        return managing(s).own(actor, id);
    }

    private static boolean hasField(Context ctx, String field) {
        try {
            var node = JSON.readTree(ctx.bodyAsBytes());
            return node != null && node.has(field) && !node.get(field).isNull();
        } catch (IOException e) {
            // the body was already parsed once by Inputs.jsonBody, so this cannot happen for a valid request
            throw ApiException.badRequest(null, "The body could not be read as JSON; expected a JSON object.");
        }
    }
}
