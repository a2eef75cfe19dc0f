package io.tzurot.web.settings;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.tzurot.core.access.Actor;
import io.tzurot.core.cascade.EditingSettings;
import io.tzurot.core.manage.ManagementUseCases;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.settings.AdminSettings;
import io.tzurot.core.settings.ConfigOverrides;
import io.tzurot.core.user.User;
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
 * {@code /api/v1/settings}: the caller's settings tiers (user default and user x personality), the
 * resolved cascade with each value's tier, the admin tier (bot owner) and the caller's time zone.
 * Tier bodies use ConfigOverrides semantics: absent keys inherit, an explicit null overrides with "no value".
 */
public final class SettingsApi {

    private final Supplier<Optional<ManagementUseCases>> services;

    public SettingsApi(Supplier<Optional<ManagementUseCases>> services) {
        this.services = services;
    }

    public void register(RouteRegistry routes) {
        Schemas s = routes.schemas();
        Map<String, Object> tier = new LinkedHashMap<>();
        tier.put("maxMessages", Map.of("type", "integer", "nullable", true, "minimum", 1, "maximum", 100,
                "description", "History messages used"));
        tier.put("maxAge", Map.of("type", "integer", "nullable", true, "minimum", 0, "maximum", 2_592_000,
                "description", "History age cut in seconds; null = no limit"));
        tier.put("maxImages", Map.of("type", "integer", "nullable", true, "minimum", 0, "maximum", 20,
                "description", "Images described from context"));
        tier.put("memoryScoreThreshold", Map.of("type", "number", "nullable", true, "minimum", 0, "maximum", 1,
                "description", "Minimum similarity of long-term memories"));
        tier.put("memoryLimit", Map.of("type", "integer", "nullable", true, "minimum", 0, "maximum", 100,
                "description", "Long-term memories used; 0 = off"));
        tier.put("focusModeEnabled", Schemas.nullable(Schemas.bool("Skip long-term memory retrieval")));
        tier.put("showModelFooter", Schemas.nullable(Schemas.bool("Show the model under replies")));
        s.define("SettingsTier", Schemas.object(List.of(), tier));
        s.define("PersonalityTier", Schemas.object(List.of("personalitySlug", "overrides"), Map.of(
                "personalitySlug", Schemas.string("The personality"), "overrides", Schemas.ref("SettingsTier"))));
        s.define("UserSettings", Schemas.object(List.of("timezone", "userDefault", "personalities"), Map.of(
                "timezone", Schemas.string("IANA time zone"),
                "userDefault", Schemas.ref("SettingsTier"),
                "personalities", Schemas.arrayOf(Schemas.ref("PersonalityTier")))));
        s.define("ResolvedValue", Schemas.object(List.of("key", "source"), Map.of(
                "key", Schemas.string("Setting"), "value", Schemas.nullable(Map.of("description", "Effective value")),
                "source", Schemas.string("Tier it came from: hardcoded, admin, personality, channel, user-default,"
                        + " user-personality"
                        + " (settings); built-in, admin-default, personality, user-default, user-personality (model)"))));
        s.define("ResolvedSettings", Schemas.object(List.of("settings", "model"), Map.of(
                "personality", Schemas.nullable(Schemas.string("Slug the values were resolved for")),
                "settings", Schemas.arrayOf(Schemas.ref("ResolvedValue")),
                "model", Schemas.arrayOf(Schemas.ref("ResolvedValue")),
                "presetName", Schemas.nullable(Schemas.string("Preset that supplied the model")))));
        s.define("AdminSettings", Schemas.object(List.of("configDefaults"), Map.of(
                "configDefaults", Schemas.ref("SettingsTier"),
                "updatedAt", Schemas.nullable(Schemas.format("date-time", "Last change")))));
        s.define("Timezone", Schemas.object(List.of("timezone"), Map.of(
                "timezone", Schemas.string("IANA time zone such as Europe/Paris or UTC", 50))));

        routes.add(route(HandlerType.GET, "/api/v1/settings", "The caller's settings tiers and time zone", null, 200,
                "UserSettings", List.of()), this::get);
        routes.add(route(HandlerType.PATCH, "/api/v1/settings", "Merge into the caller's default tier (null = no value,"
                + " overriding lower tiers)", "SettingsTier", 200, "SettingsTier", List.of(400, 413)), this::patchUser);
        routes.add(route(HandlerType.DELETE, "/api/v1/settings", "Clear the caller's default tier", null, 204, null,
                List.of()), this::clearUser);
        String perPersonality = "/api/v1/settings/personalities/{slug}";
        routes.add(route(HandlerType.PATCH, perPersonality, "Merge into the caller's tier for one personality",
                "SettingsTier", 200, "SettingsTier", List.of(400, 404, 413)), this::patchPersonality);
        routes.add(route(HandlerType.DELETE, perPersonality, "Clear the caller's tier for one personality (persona and"
                + " preset choices stay)", null, 204, null, List.of(404)), this::clearPersonality);
        routes.add(route(HandlerType.GET, "/api/v1/settings/resolved", "Every effective value with the tier it came from;"
                + " ?personality=SLUG resolves for that personality", null, 200, "ResolvedSettings", List.of(404)),
                this::resolved);
        routes.add(new ApiRoute(HandlerType.GET, "/api/v1/admin/settings", "settings", "The admin tier", RouteAuth.OWNER,
                null, 200, "AdminSettings", List.of()), this::getAdmin);
        routes.add(new ApiRoute(HandlerType.PATCH, "/api/v1/admin/settings", "settings", "Merge into the admin tier",
                RouteAuth.OWNER, "SettingsTier", 200, "AdminSettings", List.of(400, 413)), this::patchAdmin);
        routes.add(route(HandlerType.PATCH, "/api/v1/me", "Set the caller's time zone", "Timezone", 200, "Timezone",
                List.of(400, 413)), this::setTimezone);
    }

    private static ApiRoute route(HandlerType method, String path, String summary, String request, int status,
                                  String response, List<Integer> errors) {
        return new ApiRoute(method, path, "settings", summary, RouteAuth.USER, request, status, response, errors);
    }

    private ManagementUseCases uc() {
        return services.get().orElseThrow(ApiException::starting);
    }

    private void get(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        EditingSettings settings = uc().settings();
        User user = settings.user(actor);
        List<Map<String, Object>> personalities = settings.personalityTiers(actor).stream()
                .map(t -> Map.<String, Object>of("personalitySlug", t.personalitySlug(), "overrides", t.overrides().toEntries()))
                .toList();
        ctx.json(Map.of("timezone", user.timezone(), "userDefault", settings.userDefaults(actor).toEntries(),
                "personalities", personalities));
    }

    private void patchUser(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        ConfigOverrides patch = EditingSettings.parseTier(Inputs.jsonBody(ctx).asMap());
        ctx.json(uc().settings().patchUserDefaults(actor, patch).toEntries());
    }

    private void clearUser(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        uc().settings().clearUserDefaults(actor);
        ctx.status(204);
    }

    private void patchPersonality(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        ManagementUseCases uc = uc();
        String slug = ctx.pathParam("slug");
        // an unknown personality is 404 before the body is read
        uc.viewingPersonalities().visible(actor, slug);
        ConfigOverrides patch = EditingSettings.parseTier(Inputs.jsonBody(ctx).asMap());
        ctx.json(uc.settings().patchPersonalityTier(actor, slug, patch).toEntries());
    }

    private void clearPersonality(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        uc().settings().clearPersonalityTier(actor, ctx.pathParam("slug"));
        ctx.status(204);
    }

    private void resolved(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        ManagementUseCases uc = uc();
        String slug = ctx.queryParam("personality");
        Optional<Personality> p = slug == null || slug.isBlank() ? Optional.empty()
                : Optional.of(uc.viewingPersonalities().visible(actor, slug.strip()));
        ctx.json(resolve(uc, actor.userId(), p));
    }

    /** The resolved cascade as the API and the console show it. */
    public static Map<String, Object> resolve(ManagementUseCases uc, UUID userId, Optional<Personality> p) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("personality", p.map(Personality::slug).orElse(null));
        out.put("settings", SettingsTiers.rows(uc.resolveSettings().resolve(userId, p.map(Personality::id).orElse(null))));
        if (p.isPresent()) {
            var preset = uc.resolvePreset().resolve(userId, p.get().id());
            out.put("model", SettingsTiers.rows(preset));
            out.put("presetName", preset.presetName());
        } else {
            out.put("model", List.of());
            out.put("presetName", null);
        }
        return out;
    }

    private void getAdmin(Context ctx) {
        Actor owner = Access.requireOwner(ctx);
        ctx.json(admin(uc().settings().adminTier(owner)));
    }

    private void patchAdmin(Context ctx) {
        Actor owner = Access.requireOwner(ctx);
        ConfigOverrides patch = EditingSettings.parseTier(Inputs.jsonBody(ctx).asMap());
        ctx.json(admin(uc().settings().patchAdminTier(owner, patch)));
    }

    private static Map<String, Object> admin(AdminSettings settings) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("configDefaults", settings.configDefaults().toEntries());
        out.put("updatedAt", settings.updatedAt() == null ? null : settings.updatedAt().toString());
        return out;
    }

    private void setTimezone(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        JsonBody body = Inputs.jsonBody(ctx).allowOnly(Set.of("timezone"));
        String zone = uc().settings().setTimezone(actor, body.string("timezone").orElse(null));
        ctx.json(Map.of("timezone", zone));
    }
}
