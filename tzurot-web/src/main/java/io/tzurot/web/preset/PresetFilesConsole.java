package io.tzurot.web.preset;

import io.javalin.Javalin;
import io.javalin.http.Context;
import io.tzurot.core.access.Actor;
import io.tzurot.core.manage.ManagementUseCases;
import io.tzurot.core.portability.preset.PortingPresets;
import io.tzurot.web.auth.Access;
import io.tzurot.web.console.ConsoleForms;
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
 * Console → Presets, files: download a preset or the template, and import a preset file (the reference's
 * JSON or a SillyTavern chat-completion preset) with a report of the keys that were not used. Registered
 * before {@link PresetConsole}, so {@code template} and {@code import} are not read as preset ids.
 */
public final class PresetFilesConsole {

    private final Supplier<Optional<ManagementUseCases>> services;

    public PresetFilesConsole(Supplier<Optional<ManagementUseCases>> services) {
        this.services = services;
    }

    public void register(Javalin app) {
        app.get("/console/presets/template", this::template);
        app.post("/console/presets/import", this::importFile);
        app.get("/console/presets/{id}/export", this::export);
    }

    private ManagementUseCases uc() {
        return services.get().orElseThrow(ApiException::starting);
    }

    private void template(Context ctx) {
        Access.requireActor(ctx);
        PresetFilesApi.download(ctx, "preset-template.json", PortingPresets.templateJson());
    }

    private void export(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        UUID id = Inputs.uuid("id", ctx.pathParam("id"));
        Map<String, Object> json = uc().portingPresets().export(actor, id);
        PresetFilesApi.download(ctx, PresetFilesApi.safeName(String.valueOf(json.get("name"))) + ".json", json);
    }

    private void importFile(Context ctx) {
        Actor actor = ConsoleForms.requireHtmx(ctx);
        PresetFilesApi.Upload upload = PresetFilesApi.fileBytes(ctx);
        Map<String, Object> json = Inputs.parseObject(upload.bytes()).asMap();
        Optional<String> name = Inputs.optionalString("name", ctx.formParam("name"),
                io.tzurot.core.preset.PresetFields.MAX_NAME);
        Optional<String> model = Optional.ofNullable(ctx.formParam("model")).filter(m -> !m.isBlank());
        PortingPresets.Imported done = uc().portingPresets().importFile(actor, json, name, model, upload.baseName());
        ManagementUseCases uc = uc();
        Optional<UUID> mine = uc.viewingPresets().myDefault(actor);
        List<PresetView> presets = uc.viewingPresets().list(actor).stream().map(p -> PresetView.of(p, actor, mine)).toList();
        Map<String, Object> m = new HashMap<>();
        m.put("name", done.preset().name());
        m.put("format", done.format() == PortingPresets.FileFormat.SILLYTAVERN ? "SillyTavern preset" : "Tzurot preset");
        m.put("ignored", done.ignored());
        m.put("notes", done.notes());
        m.put("presets", presets);
        ConsoleForms.html(ctx, Templates.render("presets/imported.jte", m));
    }
}
