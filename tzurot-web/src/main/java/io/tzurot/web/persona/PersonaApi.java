package io.tzurot.web.persona;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.tzurot.core.access.Actor;
import io.tzurot.core.persona.Persona;
import io.tzurot.core.persona.PersonaDraft;
import io.tzurot.core.persona.PersonaNameTakenException;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.settings.UserPersonalityConfig;
import io.tzurot.web.ManagementServices;
import io.tzurot.web.auth.Access;
import io.tzurot.web.http.ApiException;
import io.tzurot.web.http.Inputs;
import io.tzurot.web.http.JsonBody;
import io.tzurot.web.openapi.ApiRoute;
import io.tzurot.web.openapi.RouteAuth;
import io.tzurot.web.openapi.RouteRegistry;
import io.tzurot.web.openapi.Schemas;
import io.tzurot.web.personality.PersonalityFinder;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * {@code /api/v1/personas}: the caller's personas (CRUD), the default persona and the persona used with
 * one personality. Personas are private: another user's persona looks unknown (404).
 */
public final class PersonaApi {

    private final Supplier<Optional<ManagementServices>> services;

    public PersonaApi(Supplier<Optional<ManagementServices>> services) {
        this.services = services;
    }

    public void register(RouteRegistry routes) {
        Schemas s = routes.schemas();
        Map<String, Object> fields = Map.of(
                "name", Schemas.string("Name of the persona", 255),
                "content", Schemas.string("What personalities are told about you", 4000),
                "description", Schemas.nullable(Schemas.string("Short label", 500)),
                "preferredName", Schemas.nullable(Schemas.string("Name personalities call you", 255)),
                "pronouns", Schemas.nullable(Schemas.string("Pronouns", 100)),
                "shareLtmAcrossPersonalities", Schemas.bool("Share long-term memories across personalities"));
        s.define("CreatePersona", Schemas.object(List.of("name", "content"), fields));
        s.define("UpdatePersona", Schemas.object(List.of(), fields));
        java.util.LinkedHashMap<String, Object> shown = new java.util.LinkedHashMap<>(fields);
        shown.put("id", Schemas.format("uuid", "Persona id"));
        shown.put("isDefault", Schemas.bool("Whether it is the caller's default persona"));
        s.define("Persona", Schemas.object(List.of("id", "name", "content", "isDefault"), shown));
        s.define("PersonaEnvelope", Schemas.object(List.of("persona"), Map.of("persona", Schemas.ref("Persona"))));
        s.define("PersonaOverride", Schemas.object(List.of("personalitySlug", "personaId"), Map.of(
                "personalitySlug", Schemas.string("The personality"),
                "personaId", Schemas.format("uuid", "The persona used with it"))));
        s.define("PersonaList", Schemas.object(List.of("personas", "overrides"), Map.of(
                "personas", Schemas.arrayOf(Schemas.ref("Persona")),
                "overrides", Schemas.arrayOf(Schemas.ref("PersonaOverride")))));
        s.define("PersonaChoice", Schemas.object(List.of("personaId"), Map.of(
                "personaId", Schemas.format("uuid", "One of the caller's personas"))));

        String one = "/api/v1/personas/{id}";
        routes.add(route(HandlerType.GET, "/api/v1/personas", "List the caller's personas and per-personality choices",
                null, 200, "PersonaList", List.of()), this::list);
        routes.add(route(HandlerType.POST, "/api/v1/personas", "Create a persona (the first one becomes the default);"
                + " 409 when the caller already has one of that name", "CreatePersona", 201, "PersonaEnvelope",
                List.of(400, 409, 413)), this::create);
        routes.add(route(HandlerType.GET, one, "Read one of the caller's personas", null, 200, "PersonaEnvelope",
                List.of(400, 404)), this::get);
        routes.add(route(HandlerType.PATCH, one, "Change a persona: absent fields stay, null or \"\" clears an optional field",
                "UpdatePersona", 200, "PersonaEnvelope", List.of(400, 404, 409, 413)), this::patch);
        routes.add(route(HandlerType.DELETE, one, "Delete a persona; 409 for the default persona (choose another first)",
                null, 204, null, List.of(400, 404, 409)), this::delete);
        routes.add(route(HandlerType.PUT, one + "/default", "Make this persona the caller's default", null, 200,
                "PersonaEnvelope", List.of(400, 404)), this::makeDefault);
        routes.add(route(HandlerType.PUT, "/api/v1/personalities/{slug}/persona", "Use this persona with one personality",
                "PersonaChoice", 200, "PersonaOverride", List.of(400, 404)), this::setOverride);
        routes.add(route(HandlerType.DELETE, "/api/v1/personalities/{slug}/persona", "Use the default persona with this"
                + " personality again (other per-personality choices stay)", null, 204, null, List.of(404)), this::clearOverride);
    }

    private static ApiRoute route(HandlerType method, String path, String summary, String request, int status,
                                  String response, List<Integer> errors) {
        return new ApiRoute(method, path, "personas", summary, RouteAuth.USER, request, status, response, errors);
    }

    private ManagementServices svc() {
        return services.get().orElseThrow(ApiException::starting);
    }

    private void list(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        ManagementServices svc = svc();
        Optional<UUID> defaultId = svc.users().findById(actor.userId()).flatMap(u -> u.defaultPersona());
        List<PersonaView> personas = svc.personas().listByOwner(actor.userId()).stream()
                .map(p -> PersonaView.of(p, defaultId)).toList();
        List<Map<String, String>> overrides = new ArrayList<>();
        for (UserPersonalityConfig c : svc.userPersonality().listByUser(actor.userId())) {
            c.personaOverride().ifPresent(personaId -> svc.personalities().findById(c.personalityId())
                    .ifPresent(p -> overrides.add(Map.of("personalitySlug", p.slug(), "personaId", personaId.toString()))));
        }
        ctx.json(Map.of("personas", personas, "overrides", overrides));
    }

    private void create(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        // a bad body is refused (400) before readiness is asked for (503 while starting)
        Persona created = save(this::svc, actor, Optional.empty(), Inputs.jsonBody(ctx));
        ManagementServices svc = svc();
        ctx.status(201).json(Map.of("persona", PersonaView.of(created, defaultOf(svc, actor))));
    }

    private void get(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        Persona p = owned(svc(), actor, ctx.pathParam("id"));
        ctx.json(Map.of("persona", PersonaView.of(p, defaultOf(svc(), actor))));
    }

    private void patch(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        ManagementServices svc = svc();
        Persona p = owned(svc, actor, ctx.pathParam("id"));
        Persona updated = save(() -> svc, actor, Optional.of(p), Inputs.jsonBody(ctx));
        ctx.json(Map.of("persona", PersonaView.of(updated, defaultOf(svc, actor))));
    }

    private void delete(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        UUID id = Inputs.uuid("id", ctx.pathParam("id"));
        switch (svc().personas().delete(actor.userId(), id)) {
            case DELETED -> ctx.status(204);
            case NOT_FOUND -> throw ApiException.notFound("Persona " + id);
            case IS_DEFAULT -> throw new ApiException(409, "conflict",
                    "This is your default persona; make another persona the default first.", "id");
        }
    }

    private void makeDefault(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        ManagementServices svc = svc();
        Persona p = owned(svc, actor, ctx.pathParam("id"));
        svc.users().setDefaultPersona(actor.userId(), p.id());
        ctx.json(Map.of("persona", PersonaView.of(p, Optional.of(p.id()))));
    }

    private void setOverride(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        ManagementServices svc = svc();
        Personality personality = PersonalityFinder.visible(svc.personalities(), ctx.pathParam("slug"), actor);
        JsonBody body = Inputs.jsonBody(ctx).allowOnly(Set.of("personaId"));
        Persona persona = owned(svc, actor, body.requiredString("personaId", 36), "personaId");
        svc.userPersonality().setPersonaOverride(actor.userId(), personality.id(), persona.id());
        ctx.json(Map.of("personalitySlug", personality.slug(), "personaId", persona.id().toString()));
    }

    private void clearOverride(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        ManagementServices svc = svc();
        Personality personality = PersonalityFinder.visible(svc.personalities(), ctx.pathParam("slug"), actor);
        svc.userPersonality().setPersonaOverride(actor.userId(), personality.id(), null);
        ctx.status(204);
    }

    private static Persona owned(ManagementServices svc, Actor actor, String rawId) {
        return owned(svc, actor, rawId, "id");
    }

    /** One of the caller's own personas; anyone else's looks unknown. */
    static Persona owned(ManagementServices svc, Actor actor, String rawId, String field) {
        UUID id = Inputs.uuid(field, rawId);
        return svc.personas().findById(id).filter(p -> p.ownerId().equals(actor.userId()))
                .orElseThrow(() -> ApiException.notFound("Persona " + id));
    }

    private static Optional<UUID> defaultOf(ManagementServices svc, Actor actor) {
        return svc.users().findById(actor.userId()).flatMap(u -> u.defaultPersona());
    }

    /**
     * Creates ({@code current} empty) or changes one of the actor's personas as the body asks, for the API and
     * the console alike; a name the actor already uses is refused (409).
     */
    static Persona save(Supplier<ManagementServices> services, Actor actor, Optional<Persona> current, JsonBody body) {
        PersonaDraft draft = PersonaFields.draft(body, current);
        ManagementServices svc = services.get();
        try {
            if (current.isEmpty()) {
                return svc.personas().create(actor.userId(), draft);
            }
            UUID id = current.get().id();
            return svc.personas().update(actor.userId(), id, draft).orElseThrow(() -> ApiException.notFound("Persona " + id));
        } catch (PersonaNameTakenException e) {
            throw new ApiException(409, "conflict", "You already have a persona named '" + draft.name() + "'.", "name");
        }
    }
}
