package io.tzurot.web.preset;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.tzurot.core.access.Actor;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.preset.Preset;
import io.tzurot.core.preset.PresetDraft;
import io.tzurot.core.preset.PresetNameTakenException;
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

    private final Supplier<Optional<ManagementServices>> services;

    public PresetApi(Supplier<Optional<ManagementServices>> services) {
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

    private ManagementServices svc() {
        return services.get().orElseThrow(ApiException::starting);
    }

    private void list(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        ManagementServices svc = svc();
        Optional<UUID> mine = myDefault(svc, actor);
        List<PresetView> presets = svc.presets().listSelectableBy(actor.userId()).stream()
                .map(p -> PresetView.of(p, actor, mine)).toList();
        List<Map<String, String>> overrides = new ArrayList<>();
        for (UserPersonalityConfig c : svc.userPersonality().listByUser(actor.userId())) {
            c.presetOverride().ifPresent(presetId -> svc.personalities().findById(c.personalityId())
                    .ifPresent(p -> overrides.add(Map.of("personalitySlug", p.slug(), "presetId", presetId.toString()))));
        }
        ctx.json(Map.of("presets", presets, "overrides", overrides));
    }

    private void create(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        // a bad or forbidden body is refused (400/403) before readiness is asked for (503 while starting)
        Preset created = save(this::svc, actor, Optional.empty(), Inputs.jsonBody(ctx).allowOnly(PresetFields.FIELDS));
        ManagementServices svc = svc();
        ctx.status(201).json(Map.of("preset", PresetView.of(created, actor, myDefault(svc, actor))));
    }

    private void get(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        ManagementServices svc = svc();
        ctx.json(Map.of("preset", PresetView.of(visible(svc, actor, ctx.pathParam("id"), "id"), actor, myDefault(svc, actor))));
    }

    private void patch(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        ManagementServices svc = svc();
        Preset p = editable(svc, actor, ctx.pathParam("id"));
        Preset updated = save(() -> svc, actor, Optional.of(p), Inputs.jsonBody(ctx).allowOnly(PresetFields.FIELDS));
        ctx.json(Map.of("preset", PresetView.of(updated, actor, myDefault(svc, actor))));
    }

    private void delete(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        Preset p = editable(svc(), actor, ctx.pathParam("id"));
        delete(svc(), p);
        ctx.status(204);
    }

    /**
     * Creates ({@code current} empty) or changes a preset as the body asks, for the API and the console alike:
     * only the bot owner may choose global; a taken name and a default that must stay global are refused (409).
     */
    static Preset save(Supplier<ManagementServices> services, Actor actor, Optional<Preset> current, JsonBody body) {
        boolean wasGlobal = current.map(Preset::isGlobal).orElse(false);
        boolean global = body.optionalBoolean("isGlobal", wasGlobal);
        if (global != wasGlobal && !actor.owner()) {
            throw ApiException.forbidden(current.isEmpty() ? "Only the bot owner may create global presets."
                    : "Only the bot owner may make presets global or private.");
        }
        PresetDraft draft = PresetFields.draft(body, current, global);
        ManagementServices svc = services.get();
        try {
            return current.isEmpty() ? svc.presets().create(actor.userId(), draft) : update(svc, current.get(), draft);
        } catch (PresetNameTakenException e) {
            throw nameTaken(draft.name());
        }
    }

    private static Preset update(ManagementServices svc, Preset p, PresetDraft draft) {
        try {
            return svc.presets().update(p.id(), draft).orElseThrow(() -> ApiException.notFound("Preset " + p.id()));
        } catch (IllegalArgumentException e) {
            // e.g. the system default would stop being global
            throw new ApiException(409, "conflict", e.getMessage(), "isGlobal");
        }
    }

    /** Deletes, or says why not: 404 gone, 409 while it is the system default or still in use. */
    static void delete(ManagementServices svc, Preset p) {
        switch (svc.presets().delete(p.id())) {
            case DELETED -> { }
            case NOT_FOUND -> throw ApiException.notFound("Preset " + p.id());
            case IS_SYSTEM_DEFAULT -> throw new ApiException(409, "conflict",
                    "This is the system default preset; make another preset the default first.", "id");
            case IN_USE -> throw new ApiException(409, "conflict",
                    "A personality or a per-personality choice still uses this preset; change those first.", "id");
        }
    }

    private void makeDefault(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        ManagementServices svc = svc();
        Preset p = selectable(svc, actor, ctx.pathParam("id"), "id");
        svc.users().setDefaultPreset(actor.userId(), p.id());
        ctx.json(Map.of("preset", PresetView.of(p, actor, Optional.of(p.id()))));
    }

    private void clearDefault(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        ManagementServices svc = svc();
        Preset p = visible(svc, actor, ctx.pathParam("id"), "id");
        if (!myDefault(svc, actor).map(p.id()::equals).orElse(false)) {
            throw ApiException.notFound("Your default preset " + p.id());
        }
        svc.users().setDefaultPreset(actor.userId(), null);
        ctx.status(204);
    }

    private void setOverride(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        ManagementServices svc = svc();
        Personality personality = PersonalityFinder.visible(svc.personalities(), ctx.pathParam("slug"), actor);
        JsonBody body = Inputs.jsonBody(ctx).allowOnly(Set.of("presetId"));
        Preset preset = selectable(svc, actor, body.requiredString("presetId", 36), "presetId");
        svc.userPersonality().setPresetOverride(actor.userId(), personality.id(), preset.id());
        ctx.json(Map.of("personalitySlug", personality.slug(), "presetId", preset.id().toString()));
    }

    private void clearOverride(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        ManagementServices svc = svc();
        Personality personality = PersonalityFinder.visible(svc.personalities(), ctx.pathParam("slug"), actor);
        svc.userPersonality().setPresetOverride(actor.userId(), personality.id(), null);
        ctx.status(204);
    }

    /** A preset the actor may select (global or own; the bot owner sees all); others look unknown. */
    static Preset visible(ManagementServices svc, Actor actor, String raw, String field) {
        UUID id = Inputs.uuid(field, raw);
        return svc.presets().findById(id).filter(p -> actor.owner() || p.selectableBy(actor.userId()))
                .orElseThrow(() -> ApiException.notFound("Preset " + id));
    }

    /**
     * A preset the actor may use as a default or for a character: global or their own. The bot owner sees every
     * preset, but another user's private one is theirs to use, not his: a 400 naming the field.
     */
    static Preset selectable(ManagementServices svc, Actor actor, String raw, String field) {
        Preset p = visible(svc, actor, raw, field);
        if (!p.selectableBy(actor.userId())) {
            throw ApiException.badRequest(field, "Preset " + p.id() + " is another user's private preset; choose one of"
                    + " your own or a global one.");
        }
        return p;
    }

    static Preset editable(ManagementServices svc, Actor actor, String raw) {
        Preset p = visible(svc, actor, raw, "id");
        if (!actor.mayManage(p.ownerId())) {
            throw ApiException.forbidden("Only the preset's creator or the bot owner may change it.");
        }
        return p;
    }

    private static Optional<UUID> myDefault(ManagementServices svc, Actor actor) {
        return svc.users().findById(actor.userId()).flatMap(u -> u.defaultPreset());
    }

    private static ApiException nameTaken(String name) {
        return new ApiException(409, "conflict", "A preset named '" + name + "' already exists; choose another name.", "name");
    }
}
