package io.tzurot.web.persona;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.tzurot.core.access.Actor;
import io.tzurot.core.manage.ManagementUseCases;
import io.tzurot.core.persona.Persona;
import io.tzurot.core.persona.PersonaInput;
import io.tzurot.core.persona.ViewingPersonas;
import io.tzurot.web.auth.Access;
import io.tzurot.web.console.ConsoleForms;
import io.tzurot.web.console.ConsolePageMaker;
import io.tzurot.web.console.ConsoleSection;
import io.tzurot.web.console.FormError;
import io.tzurot.web.console.Templates;
import io.tzurot.web.http.ApiException;
import io.tzurot.web.http.Inputs;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * Console → Personas: list, create, edit, make default and delete. The forms go through the API's rules
 * ({@link PersonaFields}); a refused form comes back with the error next to its field.
 */
public final class PersonaConsole {

    private final Supplier<Optional<ManagementUseCases>> services;
    private final ConsolePageMaker console;

    public PersonaConsole(Supplier<Optional<ManagementUseCases>> services, ConsolePageMaker console) {
        this.services = services;
        this.console = console;
    }

    public void register(Javalin app) {
        app.get("/console/personas", this::page);
        app.post("/console/personas", this::create);
        app.get("/console/personas/{id}", this::editPage);
        app.post("/console/personas/{id}", this::update);
        app.put("/console/personas/{id}/default", this::makeDefault);
        app.delete("/console/personas/{id}", this::delete);
    }

    private ManagementUseCases uc() {
        return services.get().orElseThrow(ApiException::starting);
    }

    private List<PersonaView> personas(Actor actor) {
        ViewingPersonas viewing = uc().viewingPersonas();
        Optional<UUID> defaultId = viewing.defaultId(actor);
        return viewing.list(actor).stream().map(p -> PersonaView.of(p, defaultId)).toList();
    }

    private void page(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        ConsoleForms.html(ctx, Templates.render("personas/page.jte", Map.of(
                "page", console.page("Personas", ConsoleSection.PERSONAS, actor), "personas", personas(actor),
                "blank", PersonaFields.values(Optional.empty()))));
    }

    private void editPage(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        ViewingPersonas viewing = uc().viewingPersonas();
        Persona p = viewing.owned(actor, Inputs.uuid("id", ctx.pathParam("id")));
        Map<String, Object> model = new HashMap<>();
        model.put("page", console.page("Edit " + p.name(), ConsoleSection.PERSONAS, actor));
        model.put("id", p.id().toString());
        model.put("values", PersonaFields.values(Optional.of(p)));
        model.put("share", p.shareLtmAcrossPersonalities());
        model.put("isDefault", viewing.defaultId(actor).map(p.id()::equals).orElse(false));
        ConsoleForms.html(ctx, Templates.render("personas/edit.jte", model));
    }

    private void create(Context ctx) {
        Actor actor = ConsoleForms.requireHtmx(ctx);
        ConsoleForms.submit(ctx, () -> {
            PersonaInput input = PersonaFields.fromForm(ctx::formParam, PersonaInput.blank());
            uc().editingPersonas().create(actor, input);
            ConsoleForms.redirect(ctx, "/console/personas");
        }, error -> form(ctx, "persona-new", "/console/personas", "Create persona", error));
    }

    private void update(Context ctx) {
        Actor actor = ConsoleForms.requireHtmx(ctx);
        Persona current = uc().viewingPersonas().owned(actor, Inputs.uuid("id", ctx.pathParam("id")));
        ConsoleForms.submit(ctx, () -> {
            uc().editingPersonas().edit(actor, current.id(), in -> PersonaFields.fromForm(ctx::formParam, in));
            ConsoleForms.redirect(ctx, "/console/personas");
        }, error -> form(ctx, "persona-edit", "/console/personas/" + current.id(), "Save changes", error));
    }

    /** The form again with what was sent and why it was refused. */
    private static String form(Context ctx, String formId, String action, String submit, FormError error) {
        Map<String, String> sent = new HashMap<>();
        PersonaFields.FORM.forEach(f -> sent.put(f.name(), Optional.ofNullable(ctx.formParam(f.name())).orElse("")));
        return Templates.render("personas/form.jte", Map.of("formId", formId, "action", action, "submit", submit,
                "values", sent, "share", "true".equals(ctx.formParam(PersonaFields.SHARE)), "error", error));
    }

    private void makeDefault(Context ctx) {
        Actor actor = ConsoleForms.requireHtmx(ctx);
        uc().choosingPersona().makeDefault(actor, Inputs.uuid("id", ctx.pathParam("id")));
        list(ctx, actor);
    }

    private void delete(Context ctx) {
        Actor actor = ConsoleForms.requireHtmx(ctx);
        UUID id = Inputs.uuid("id", ctx.pathParam("id"));
        uc().editingPersonas().delete(actor, id);
        list(ctx, actor);
    }

    private void list(Context ctx, Actor actor) {
        ConsoleForms.html(ctx, Templates.render("personas/list.jte", Map.of("personas", personas(actor))));
    }
}
