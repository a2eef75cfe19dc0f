package io.tzurot.web.preset;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.tzurot.core.access.Actor;
import io.tzurot.core.manage.ManagementUseCases;
import io.tzurot.core.preset.EditingPresets;
import io.tzurot.core.preset.Preset;
import io.tzurot.core.preset.PresetInput;
import io.tzurot.core.preset.ViewingPresets;
import io.tzurot.web.auth.Access;
import io.tzurot.web.http.ApiException;
import io.tzurot.web.http.Inputs;
import io.tzurot.web.http.JsonBody;
import io.tzurot.web.openapi.ApiRoute;
import io.tzurot.web.openapi.RouteAuth;
import io.tzurot.web.openapi.RouteRegistry;
import io.tzurot.web.openapi.Schemas;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.function.Supplier;

/**
 * {@code /api/v1/presets}: model presets. Private presets belong to their creator; global ones are
 * visible to everyone and only the bot owner creates or changes them. Others' private presets look unknown.
 */
public final class PresetApi {

    private final Supplier<Optional<ManagementUseCases>> services;

    public PresetApi(Supplier<Optional<ManagementUseCases>> services) {
        this.services = services;
    }

    public void register(RouteRegistry routes) {
        Schemas s = routes.schemas();
        Map<String, Object> params = new LinkedHashMap<>();
        for (String p : PresetFields.PARAMETERS) {
            params.put(p, p.equals("stop") ? Schemas.arrayOf(Schemas.string("Stop sequence"))
                    : p.equals("show_thinking") ? Schemas.bool("Show the model's reasoning")
                    : Map.of("type", "number", "description", p.replace('_', ' ')));
        }
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("name", Schemas.string("Unique name", 100));
        fields.put("description", Schemas.nullable(Schemas.string("What it is for", 500)));
        fields.put("model", Schemas.string("Model id, e.g. anthropic/claude-haiku-4.5", 200));
        fields.put("visionModel", Schemas.nullable(Schemas.string("Model used to describe images", 200)));
        fields.put("provider", Schemas.nullable(Schemas.string("Provider; default openrouter", 20)));
        fields.put("contextWindowTokens", Map.of("type", "integer", "minimum", 1000, "description", "Context budget"));
        fields.put("isGlobal", Schemas.bool("Visible to everyone (bot owner only); default false"));
        fields.put("advancedParameters", Schemas.object(List.of(), params));
        s.define("CreatePreset", Schemas.object(List.of("name", "model"), fields));
        s.define("UpdatePreset", Schemas.object(List.of(), fields));
        Map<String, Object> shown = new LinkedHashMap<>(fields);
        shown.put("id", Schemas.format("uuid", "Preset id"));
        shown.put("isOwned", Schemas.bool("Whether the caller created it"));
        shown.put("canEdit", Schemas.bool("Whether the caller may change it"));
        shown.put("isDefault", Schemas.bool("The system default preset"));
        shown.put("isMyDefault", Schemas.bool("The caller's default preset"));
        s.define("Preset", Schemas.object(List.of("id", "name", "model", "isGlobal"), shown));
        s.define("PresetEnvelope", Schemas.object(List.of("preset"), Map.of("preset", Schemas.ref("Preset"))));
        s.define("PresetOverride", Schemas.object(List.of("personalitySlug", "presetId"), Map.of(
                "personalitySlug", Schemas.string("The personality"),
                "presetId", Schemas.format("uuid", "The preset used with it"))));
        s.define("PresetList", Schemas.object(List.of("presets", "overrides"), Map.of(
                "presets", Schemas.arrayOf(Schemas.ref("Preset")),
                "overrides", Schemas.arrayOf(Schemas.ref("PresetOverride")))));
        s.define("PresetChoice", Schemas.object(List.of("presetId"), Map.of(
                "presetId", Schemas.format("uuid", "A global preset or one of the caller's"))));

        String one = "/api/v1/presets/{id}";
        routes.add(route(HandlerType.GET, "/api/v1/presets", "List global presets and the caller's own", null, 200,
                "PresetList", List.of()), this::list);
        routes.add(route(HandlerType.POST, "/api/v1/presets", "Create a preset (global ones: bot owner only); 409 when"
                + " the name is taken", "CreatePreset", 201, "PresetEnvelope", List.of(400, 403, 409, 413)), this::create);
        routes.add(route(HandlerType.GET, one, "Read a global preset or one of the caller's", null, 200, "PresetEnvelope",
                List.of(400, 404)), this::get);
        routes.add(route(HandlerType.PATCH, one, "Change a preset (its creator or the bot owner): absent fields stay",
                "UpdatePreset", 200, "PresetEnvelope", List.of(400, 403, 404, 409, 413)), this::patch);
        routes.add(route(HandlerType.DELETE, one, "Delete a preset; 409 while it is the system default or still in use",
                null, 204, null, List.of(400, 403, 404, 409)), this::delete);
        routes.add(route(HandlerType.PUT, one + "/default", "Make this preset the caller's default", null, 200,
                "PresetEnvelope", List.of(400, 404)), this::makeDefault);
        routes.add(route(HandlerType.DELETE, one + "/default", "Stop using this preset as the caller's default", null, 204,
                null, List.of(400, 404)), this::clearDefault);
        routes.add(route(HandlerType.PUT, "/api/v1/personalities/{slug}/preset", "Use this preset with one personality",
                "PresetChoice", 200, "PresetOverride", List.of(400, 404)), this::setOverride);
        routes.add(route(HandlerType.DELETE, "/api/v1/personalities/{slug}/preset", "Stop overriding the preset of this"
                + " personality (other per-personality choices stay)", null, 204, null, List.of(404)), this::clearOverride);
    }

    private static ApiRoute route(HandlerType method, String path, String summary, String request, int status,
                                  String response, List<Integer> errors) {
        return new ApiRoute(method, path, "presets", summary, RouteAuth.USER, request, status, response, errors);
    }

    private ManagementUseCases uc() {
        return services.get().orElseThrow(ApiException::starting);
    }

    private void list(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        ViewingPresets viewing = uc().viewingPresets();
        Optional<UUID> mine = viewing.myDefault(actor);
        List<PresetView> presets = viewing.list(actor).stream().map(p -> PresetView.of(p, actor, mine)).toList();
        List<Map<String, String>> overrides = viewing.overrides(actor).stream()
                .map(o -> Map.of("personalitySlug", o.personalitySlug(), "presetId", o.presetId().toString())).toList();
        ctx.json(Map.of("presets", presets, "overrides", overrides));
    }

    private void create(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        PresetInput input = PresetFields.fromBody(Inputs.jsonBody(ctx).allowOnly(PresetFields.FIELDS), PresetInput.blank());
        // a bad or forbidden body is refused (400/403) before readiness is asked for (503 while starting)
        EditingPresets.checkNew(actor, input);
        ManagementUseCases uc = uc();
        Preset created = uc.editingPresets().create(actor, input);
        ctx.status(201).json(Map.of("preset", PresetView.of(created, actor, uc.viewingPresets().myDefault(actor))));
    }

    private void get(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        ViewingPresets viewing = uc().viewingPresets();
        ctx.json(Map.of("preset", PresetView.of(viewing.visible(actor, Inputs.uuid("id", ctx.pathParam("id"))), actor,
                viewing.myDefault(actor))));
    }

    private void patch(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        ManagementUseCases uc = uc();
        UUID id = Inputs.uuid("id", ctx.pathParam("id"));
        Preset updated = uc.editingPresets().edit(actor, id,
                current -> PresetFields.fromBody(Inputs.jsonBody(ctx).allowOnly(PresetFields.FIELDS), current));
        ctx.json(Map.of("preset", PresetView.of(updated, actor, uc.viewingPresets().myDefault(actor))));
    }

    private void delete(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        uc().editingPresets().delete(actor, Inputs.uuid("id", ctx.pathParam("id")));
        ctx.status(204);
    }

    private void makeDefault(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        Preset p = uc().choosingPreset().makeDefault(actor, Inputs.uuid("id", ctx.pathParam("id")));
        ctx.json(Map.of("preset", PresetView.of(p, actor, Optional.of(p.id()))));
    }

    private void clearDefault(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        uc().choosingPreset().clearDefault(actor, Inputs.uuid("id", ctx.pathParam("id")));
        ctx.status(204);
    }

    private void setOverride(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        ManagementUseCases uc = uc();
        String slug = ctx.pathParam("slug");
        // an unknown personality is 404 before the body is read
        uc.viewingPersonalities().visible(actor, slug);
        JsonBody body = Inputs.jsonBody(ctx).allowOnly(Set.of("presetId"));
        UUID presetId = Inputs.uuid("presetId", body.requiredString("presetId", 36));
        ViewingPresets.Override chosen = uc.choosingPreset().setOverride(actor, slug, presetId);
        ctx.json(Map.of("personalitySlug", chosen.personalitySlug(), "presetId", chosen.presetId().toString()));
    }

    private void clearOverride(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        uc().choosingPreset().clearOverride(actor, ctx.pathParam("slug"));
        ctx.status(204);
    }
}
