package io.tzurot.web.preset;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.tzurot.core.access.Actor;
import io.tzurot.core.manage.ManagementUseCases;
import io.tzurot.core.preset.EditingPresets;
import io.tzurot.core.preset.Preset;
import io.tzurot.core.preset.PresetInput;
import io.tzurot.core.preset.ViewingPresets;
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
import java.util.function.Function;
import java.util.function.Supplier;

/**
 * Console → Presets: list, create, edit (every field the API takes), use as my default and delete, with the
 * API's rules and permissions; a refused form comes back with the error next to its field.
 */
public final class PresetConsole {

    private final Supplier<Optional<ManagementUseCases>> services;
    private final ConsolePageMaker console;

    public PresetConsole(Supplier<Optional<ManagementUseCases>> services, ConsolePageMaker console) {
        this.services = services;
        this.console = console;
    }

    public void register(Javalin app) {
        app.get("/console/presets", this::page);
        app.post("/console/presets", this::create);
        app.get("/console/presets/{id}", this::editPage);
        app.post("/console/presets/{id}", this::update);
        app.put("/console/presets/{id}/default", this::makeDefault);
        app.delete("/console/presets/{id}/default", this::clearDefault);
        app.delete("/console/presets/{id}", this::delete);
    }

    private ManagementUseCases uc() {
        return services.get().orElseThrow(ApiException::starting);
    }

    private List<PresetView> presets(Actor actor) {
        ViewingPresets viewing = uc().viewingPresets();
        Optional<UUID> mine = viewing.myDefault(actor);
        return viewing.list(actor).stream().map(p -> PresetView.of(p, actor, mine)).toList();
    }

    private void page(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        Map<String, Object> model = new HashMap<>();
        model.put("page", console.page("Presets", ConsoleSection.PRESETS, actor));
        model.put("presets", presets(actor));
        model.put("values", PresetForm.values(Optional.empty()));
        model.put("checks", PresetForm.checks(Optional.empty()));
        ConsoleForms.html(ctx, Templates.render("presets/page.jte", model));
    }

    private void editPage(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        Preset p = editable(actor, ctx.pathParam("id"));
        Map<String, Object> model = new HashMap<>();
        model.put("page", console.page("Edit " + p.name(), ConsoleSection.PRESETS, actor));
        model.put("id", p.id().toString());
        model.put("values", PresetForm.values(Optional.of(p)));
        model.put("checks", PresetForm.checks(Optional.of(p)));
        ConsoleForms.html(ctx, Templates.render("presets/edit.jte", model));
    }

    private void create(Context ctx) {
        Actor actor = ConsoleForms.requireHtmx(ctx);
        ConsoleForms.submit(ctx, () -> {
            boolean global = EditingPresets.mayChooseGlobal(actor);
            PresetInput input = PresetFields.fromBody(PresetForm.body(ctx::formParam, global), PresetInput.blank());
            uc().editingPresets().create(actor, input);
            ConsoleForms.redirect(ctx, "/console/presets");
        }, error -> sentForm(ctx, "preset-new", "/console/presets", "Create preset", actor, error));
    }

    private void update(Context ctx) {
        Actor actor = ConsoleForms.requireHtmx(ctx);
        Preset p = editable(actor, ctx.pathParam("id"));
        ConsoleForms.submit(ctx, () -> {
            uc().editingPresets().edit(actor, p.id(),
                    current -> PresetFields.fromBody(PresetForm.body(ctx::formParam,
                            EditingPresets.mayChooseGlobal(actor)), current));
            ConsoleForms.redirect(ctx, "/console/presets");
        }, error -> sentForm(ctx, "preset-edit", "/console/presets/" + p.id(), "Save changes", actor, error));
    }

    /** The form again with what was sent and why it was refused. */
    private static String sentForm(Context ctx, String formId, String action, String submit, Actor actor, FormError error) {
        Function<String, String> sent = ctx::formParam;
        Map<String, Object> m = new HashMap<>();
        m.put("formId", formId);
        m.put("action", action);
        m.put("submit", submit);
        m.put("mayChooseGlobal", EditingPresets.mayChooseGlobal(actor));
        m.put("values", PresetForm.sent(sent));
        m.put("checks", PresetForm.sentChecks(sent));
        m.put("error", error);
        return Templates.render("presets/form.jte", m);
    }

    private Preset editable(Actor actor, String raw) {
        return uc().viewingPresets().editable(actor, Inputs.uuid("id", raw));
    }

    private void makeDefault(Context ctx) {
        Actor actor = ConsoleForms.requireHtmx(ctx);
        uc().choosingPreset().makeDefault(actor, Inputs.uuid("id", ctx.pathParam("id")));
        list(ctx, actor);
    }

    private void clearDefault(Context ctx) {
        Actor actor = ConsoleForms.requireHtmx(ctx);
        uc().viewingPresets().visible(actor, Inputs.uuid("id", ctx.pathParam("id")));
        uc().choosingPreset().clearDefault(actor);
        list(ctx, actor);
    }

    private void delete(Context ctx) {
        Actor actor = ConsoleForms.requireHtmx(ctx);
        uc().editingPresets().delete(actor, Inputs.uuid("id", ctx.pathParam("id")));
        list(ctx, actor);
    }

    private void list(Context ctx, Actor actor) {
        ConsoleForms.html(ctx, Templates.render("presets/list.jte", Map.of("presets", presets(actor))));
    }
}
