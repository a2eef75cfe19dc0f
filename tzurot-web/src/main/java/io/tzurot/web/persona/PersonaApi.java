package io.tzurot.web.persona;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.tzurot.core.access.Actor;
import io.tzurot.core.manage.ManagementUseCases;
import io.tzurot.core.persona.EditingPersonas;
import io.tzurot.core.persona.Persona;
import io.tzurot.core.persona.PersonaInput;
import io.tzurot.core.persona.ViewingPersonas;
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
 * {@code /api/v1/personas}: the caller's personas (CRUD), the default persona and the persona used with
 * one personality. Personas are private: another user's persona looks unknown (404).
 */
public final class PersonaApi {

    private final Supplier<Optional<ManagementUseCases>> services;

    public PersonaApi(Supplier<Optional<ManagementUseCases>> services) {
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

    private ManagementUseCases uc() {
        return services.get().orElseThrow(ApiException::starting);
    }

    private void list(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        ManagementUseCases uc = uc();
        ViewingPersonas viewing = uc.viewingPersonas();
        Optional<UUID> defaultId = viewing.defaultId(actor);
        List<PersonaView> personas = viewing.list(actor).stream().map(p -> PersonaView.of(p, defaultId)).toList();
        List<Map<String, String>> overrides = viewing.overrides(actor).stream()
                .map(o -> Map.of("personalitySlug", o.personalitySlug(), "personaId", o.personaId().toString())).toList();
        ctx.json(Map.of("personas", personas, "overrides", overrides));
    }

    private void create(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        // a bad body is refused (400) before readiness is asked for (503 while starting)
        PersonaInput input = PersonaFields.fromBody(Inputs.jsonBody(ctx), PersonaInput.blank());
        EditingPersonas.checkNew(input);
        ManagementUseCases uc = uc();
        Persona created = uc.editingPersonas().create(actor, input);
        ctx.status(201).json(Map.of("persona", PersonaView.of(created, uc.viewingPersonas().defaultId(actor))));
    }

    private void get(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        ViewingPersonas viewing = uc().viewingPersonas();
        Persona p = viewing.owned(actor, Inputs.uuid("id", ctx.pathParam("id")));
        ctx.json(Map.of("persona", PersonaView.of(p, viewing.defaultId(actor))));
    }

    private void patch(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        ManagementUseCases uc = uc();
        UUID id = Inputs.uuid("id", ctx.pathParam("id"));
        Persona updated = uc.editingPersonas().edit(actor, id, current -> PersonaFields.fromBody(Inputs.jsonBody(ctx), current));
        ctx.json(Map.of("persona", PersonaView.of(updated, uc.viewingPersonas().defaultId(actor))));
    }

    private void delete(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        UUID id = Inputs.uuid("id", ctx.pathParam("id"));
        uc().editingPersonas().delete(actor, id);
        ctx.status(204);
    }

    private void makeDefault(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        Persona p = uc().choosingPersona().makeDefault(actor, Inputs.uuid("id", ctx.pathParam("id")));
        ctx.json(Map.of("persona", PersonaView.of(p, Optional.of(p.id()))));
    }

    private void setOverride(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        ManagementUseCases uc = uc();
        String slug = ctx.pathParam("slug");
        // an unknown personality is 404 before the body is read
        uc.viewingPersonalities().visible(actor, slug);
        JsonBody body = Inputs.jsonBody(ctx).allowOnly(Set.of("personaId"));
        UUID personaId = Inputs.uuid("personaId", body.requiredString("personaId", 36));
        ViewingPersonas.Override chosen = uc.choosingPersona().setOverride(actor, slug, personaId);
        ctx.json(Map.of("personalitySlug", chosen.personalitySlug(), "personaId", chosen.personaId().toString()));
    }

    private void clearOverride(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        uc().choosingPersona().clearOverride(actor, ctx.pathParam("slug"));
        ctx.status(204);
    }
}
