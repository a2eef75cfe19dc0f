package io.tzurot.web.persona;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.tzurot.core.access.Actor;
import io.tzurot.core.persona.PersonaDeletion;
import io.tzurot.core.persona.PersonaNameTakenException;
import io.tzurot.web.ManagementServices;
import io.tzurot.web.WebConsole;
import io.tzurot.web.auth.Access;
import io.tzurot.web.console.ConsoleForms;
import io.tzurot.web.console.ConsoleSection;
import io.tzurot.web.console.Templates;
import io.tzurot.web.http.ApiException;
import io.tzurot.web.http.Inputs;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/** Console → Personas: list, create, make default and delete (htmx fragments). */
public final class PersonaConsole {

    private final Supplier<Optional<ManagementServices>> services;
    private final WebConsole console;

    public PersonaConsole(Supplier<Optional<ManagementServices>> services, WebConsole console) {
        this.services = services;
        this.console = console;
    }

    public void register(Javalin app) {
        app.get("/console/personas", this::page);
        app.post("/console/personas", this::create);
        app.put("/console/personas/{id}/default", this::makeDefault);
        app.delete("/console/personas/{id}", this::delete);
    }

    private ManagementServices svc() {
        return services.get().orElseThrow(ApiException::starting);
    }

    private List<PersonaView> personas(Actor actor) {
        ManagementServices svc = svc();
        Optional<UUID> defaultId = svc.users().findById(actor.userId()).flatMap(u -> u.defaultPersona());
        return svc.personas().listByOwner(actor.userId()).stream().map(p -> PersonaView.of(p, defaultId)).toList();
    }

    private void page(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        ConsoleForms.html(ctx, Templates.render("personas/page.jte", Map.of(
                "page", console.page("Personas", ConsoleSection.PERSONAS, actor), "personas", personas(actor))));
    }

    private void list(Context ctx, Actor actor) {
        ConsoleForms.html(ctx, Templates.render("personas/list.jte", Map.of("personas", personas(actor))));
    }

    private void create(Context ctx) {
        Actor actor = ConsoleForms.requireHtmx(ctx);
        var draft = PersonaApi.draft(Inputs.requiredString("name", ctx.formParam("name"), 255),
                Inputs.requiredString("content", ctx.formParam("content"), 4000), null,
                Inputs.optionalString("preferredName", ctx.formParam("preferredName"), 255).orElse(null),
                Inputs.optionalString("pronouns", ctx.formParam("pronouns"), 100).orElse(null), false);
        try {
            svc().personas().create(actor.userId(), draft);
        } catch (PersonaNameTakenException e) {
            throw new ApiException(409, "conflict", "You already have a persona named '" + draft.name() + "'.", "name");
        }
        list(ctx, actor);
    }

    private void makeDefault(Context ctx) {
        Actor actor = ConsoleForms.requireHtmx(ctx);
        var persona = PersonaApi.owned(svc(), actor, ctx.pathParam("id"), "id");
        svc().users().setDefaultPersona(actor.userId(), persona.id());
        list(ctx, actor);
    }

    private void delete(Context ctx) {
        Actor actor = ConsoleForms.requireHtmx(ctx);
        UUID id = Inputs.uuid("id", ctx.pathParam("id"));
        PersonaDeletion result = svc().personas().delete(actor.userId(), id);
        if (result == PersonaDeletion.NOT_FOUND) {
            throw ApiException.notFound("Persona " + id);
        }
        if (result == PersonaDeletion.IS_DEFAULT) {
            throw new ApiException(409, "conflict", "This is your default persona; make another one the default first.", "id");
        }
        list(ctx, actor);
    }
}
