package io.tzurot.web.preset;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.tzurot.core.access.Actor;
import io.tzurot.core.preset.AdvancedParameters;
import io.tzurot.core.preset.Preset;
import io.tzurot.core.preset.PresetDraft;
import io.tzurot.core.preset.PresetNameTakenException;
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

/** Console → Presets: list, create, use as my default, delete (htmx fragments), with the API's permission rules. */
public final class PresetConsole {

    private final Supplier<Optional<ManagementServices>> services;
    private final WebConsole console;

    public PresetConsole(Supplier<Optional<ManagementServices>> services, WebConsole console) {
        this.services = services;
        this.console = console;
    }

    public void register(Javalin app) {
        app.get("/console/presets", this::page);
        app.post("/console/presets", this::create);
        app.put("/console/presets/{id}/default", this::makeDefault);
        app.delete("/console/presets/{id}/default", this::clearDefault);
        app.delete("/console/presets/{id}", this::delete);
    }

    private ManagementServices svc() {
        return services.get().orElseThrow(ApiException::starting);
    }

    private List<PresetView> presets(Actor actor) {
        ManagementServices svc = svc();
        Optional<UUID> mine = svc.users().findById(actor.userId()).flatMap(u -> u.defaultPreset());
        return svc.presets().listSelectableBy(actor.userId()).stream().map(p -> PresetView.of(p, actor, mine)).toList();
    }

    private void page(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        ConsoleForms.html(ctx, Templates.render("presets/page.jte", Map.of(
                "page", console.page("Presets", ConsoleSection.PRESETS, actor), "presets", presets(actor))));
    }

    private void list(Context ctx, Actor actor) {
        ConsoleForms.html(ctx, Templates.render("presets/list.jte", Map.of("presets", presets(actor))));
    }

    private void create(Context ctx) {
        Actor actor = ConsoleForms.requireHtmx(ctx);
        boolean global = "true".equals(ctx.formParam("isGlobal"));
        if (global && !actor.owner()) {
            throw ApiException.forbidden("Only the bot owner may create global presets.");
        }
        String name = Inputs.requiredString("name", ctx.formParam("name"), 100);
        String model = Inputs.requiredString("model", ctx.formParam("model"), 200);
        String description = Inputs.optionalString("description", ctx.formParam("description"), 500).orElse(null);
        Double temperature = Inputs.optionalString("temperature", ctx.formParam("temperature"), 10).map(PresetConsole::temperature)
                .orElse(null);
        AdvancedParameters params = new AdvancedParameters(temperature, null, null, null, null, null, null, null, null,
                null, null, null, null, null, null, null, null, null);
        try {
            svc().presets().create(actor.userId(), new PresetDraft(name, description, global, null, model, null, params,
                    PresetDraft.DEFAULT_CONTEXT_WINDOW));
        } catch (PresetNameTakenException e) {
            throw new ApiException(409, "conflict", "A preset named '" + name + "' already exists; choose another name.", "name");
        }
        list(ctx, actor);
    }

    private static double temperature(String raw) {
        try {
            double t = Double.parseDouble(raw);
            if (t >= 0 && t <= 2) {
                return t;
            }
        } catch (NumberFormatException ignored) {
            // reported below
        }
        throw ApiException.badRequest("temperature", "'temperature' must be a number from 0 to 2.");
    }

    private Preset selectable(Actor actor, String raw) {
        UUID id = Inputs.uuid("id", raw);
        return svc().presets().findById(id).filter(p -> actor.owner() || p.selectableBy(actor.userId()))
                .orElseThrow(() -> ApiException.notFound("Preset " + id));
    }

    private void makeDefault(Context ctx) {
        Actor actor = ConsoleForms.requireHtmx(ctx);
        svc().users().setDefaultPreset(actor.userId(), selectable(actor, ctx.pathParam("id")).id());
        list(ctx, actor);
    }

    private void clearDefault(Context ctx) {
        Actor actor = ConsoleForms.requireHtmx(ctx);
        selectable(actor, ctx.pathParam("id"));
        svc().users().setDefaultPreset(actor.userId(), null);
        list(ctx, actor);
    }

    private void delete(Context ctx) {
        Actor actor = ConsoleForms.requireHtmx(ctx);
        Preset p = selectable(actor, ctx.pathParam("id"));
        if (!actor.mayManage(p.ownerId())) {
            throw ApiException.forbidden("Only the preset's creator or the bot owner may delete it.");
        }
        switch (svc().presets().delete(p.id())) {
            case DELETED -> list(ctx, actor);
            case NOT_FOUND -> throw ApiException.notFound("Preset " + p.id());
            case IS_SYSTEM_DEFAULT -> throw new ApiException(409, "conflict",
                    "This is the system default preset; make another preset the default first.", "id");
            case IN_USE -> throw new ApiException(409, "conflict",
                    "A personality or a per-personality choice still uses this preset.", "id");
        }
    }
}
