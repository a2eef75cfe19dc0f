package io.tzurot.web.facts;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.tzurot.core.access.Actor;
import io.tzurot.core.facts.MemoryFact;
import io.tzurot.web.auth.Access;
import io.tzurot.web.http.ApiException;
import io.tzurot.web.http.Inputs;
import io.tzurot.web.http.JsonBody;
import io.tzurot.web.openapi.ApiRoute;
import io.tzurot.web.openapi.RouteAuth;
import io.tzurot.web.openapi.RouteRegistry;
import io.tzurot.web.openapi.Schemas;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Memory facts over HTTP: list yours, correct or lock one, forget one. Only the owner of a fact's persona sees it;
 * anyone else's id is 404 like a missing one (the rule is core's {@code ManagingFacts}).
 */
public final class FactsApi {

    private final Supplier<Optional<FactsServices>> services;

    public FactsApi(Supplier<Optional<FactsServices>> services) {
        this.services = services;
    }

    public void register(RouteRegistry routes) {
        Schemas s = routes.schemas();
        s.define("Fact", Schemas.object(List.of("id", "content", "confidence", "locked", "source", "createdAt",
                "updatedAt"), Map.of(
                "id", Schemas.format("uuid", "The fact's id"),
                "personality", Schemas.nullable(Schemas.string("The character's slug it was learnt with")),
                "content", Schemas.string("The fact, e.g. 'has a cat called Quillibrand'", MemoryFact.MAX_LENGTH),
                "confidence", Map.of("type", "number", "minimum", 0, "maximum", 1,
                        "description", "How sure the extraction was; 1 once you corrected it"),
                "locked", Schemas.bool("A locked fact is never changed by what characters learn"),
                "source", Schemas.string("exchange:<requestId> (learnt from that reply) or user (written by you)"),
                "createdAt", Schemas.format("date-time", "When it was first learnt"),
                "updatedAt", Schemas.format("date-time", "When it last changed"))));
        s.define("Facts", Schemas.object(List.of("facts"), Map.of("facts", Schemas.arrayOf(Schemas.ref("Fact")))));
        s.define("EditFact", Schemas.object(List.of(), Map.of(
                "content", Schemas.string("The fact as it should read (it then counts as certain)", MemoryFact.MAX_LENGTH),
                "locked", Schemas.bool("Lock (true) or unlock (false) it"))));
        routes.add(new ApiRoute(HandlerType.GET, "/api/v1/facts", "facts",
                "Your memory facts over all your personas, by character (?personality=<slug> for one character)",
                RouteAuth.USER, null, 200, "Facts", List.of(400)), this::list);
        routes.add(new ApiRoute(HandlerType.PATCH, "/api/v1/facts/{id}", "facts",
                "Correct a fact's text and/or lock or unlock it", RouteAuth.USER, "EditFact", 200, "Fact",
                List.of(400, 404, 413)), this::edit);
        routes.add(new ApiRoute(HandlerType.DELETE, "/api/v1/facts/{id}", "facts", "Forget a fact for good",
                RouteAuth.USER, null, 204, null, List.of(400, 404)), this::forget);
    }

    private FactsServices services() {
        return services.get().orElseThrow(ApiException::starting);
    }

    private void list(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        Optional<String> slug = Inputs.optionalString("personality", ctx.queryParam("personality"), 200);
        FactsServices s = services();
        List<FactView> facts = FactView.of(s, s.facts().list(actor, Optional.empty())).stream()
                .filter(f -> slug.isEmpty() || slug.get().equals(f.personality())).toList();
        ctx.json(Map.of("facts", facts.stream().map(FactView::json).toList()));
    }

    private void edit(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        UUID id = Inputs.uuid("id", ctx.pathParam("id"));
        JsonBody body = Inputs.jsonBody(ctx).allowOnly(Set.of("content", "locked"));
        if (!body.has("content") && !body.has("locked")) {
            throw ApiException.badRequest(null, "Send content (the corrected text), locked (true or false), or both.");
        }
        // both values read (and so checked) before anything changes
        Optional<Boolean> locked = body.has("locked") ? Optional.of(body.optionalBoolean("locked", false))
                : Optional.empty();
        Optional<String> content = body.has("content") ? Optional.of(body.requiredString("content", 10_000))
                : Optional.empty();
        FactsServices s = services();
        MemoryFact fact = s.facts().get(actor, id);
        if (content.isPresent()) {
            // the use case validates the text (one line, 1-300 characters); the cap above only bounds the read
            fact = s.facts().correct(actor, id, content.get());
        }
        if (locked.isPresent()) {
            fact = s.facts().lock(actor, id, locked.get());
        }
        ctx.json(FactView.of(s, fact).json());
    }

    private void forget(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        UUID id = Inputs.uuid("id", ctx.pathParam("id"));
        services().facts().forget(actor, id);
        ctx.status(204);
    }
}
