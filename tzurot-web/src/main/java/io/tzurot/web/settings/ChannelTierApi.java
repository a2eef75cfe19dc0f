package io.tzurot.web.settings;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.tzurot.core.access.Actor;
import io.tzurot.core.cascade.EditingChannelSettings;
import io.tzurot.core.cascade.EditingSettings;
import io.tzurot.core.manage.ManagementUseCases;
import io.tzurot.core.settings.ConfigOverrides;
import io.tzurot.web.auth.Access;
import io.tzurot.web.http.ApiException;
import io.tzurot.web.http.Inputs;
import io.tzurot.web.openapi.ApiRoute;
import io.tzurot.web.openapi.RouteAuth;
import io.tzurot.web.openapi.RouteRegistry;
import io.tzurot.web.openapi.Schemas;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code /api/v1/admin/channels/{channelId}/settings}: a Discord channel's tier of the settings cascade. On the web
 * the facts of Discord's rule (Manage Messages, server owner) are unknown, so only the bot owner may; moderators use
 * {@code /channel settings} in Discord. The rules are {@link EditingChannelSettings}'s.
 */
public final class ChannelTierApi {

    private static final String PATH = "/api/v1/admin/channels/{channelId}/settings";

    private final Supplier<Optional<ManagementUseCases>> services;

    public ChannelTierApi(Supplier<Optional<ManagementUseCases>> services) {
        this.services = services;
    }

    /** Registers the routes; {@code SettingsTier} and {@code ResolvedValue} are {@link SettingsApi}'s schemas. */
    public void register(RouteRegistry routes) {
        routes.schemas().define("ChannelSettingsTier", Schemas.object(List.of("channelId", "configOverrides",
                "settings"), Map.of(
                "channelId", Schemas.string("The Discord channel (a thread follows its parent unless it has its own)"),
                "configOverrides", Schemas.ref("SettingsTier"),
                "settings", Schemas.arrayOf(Schemas.ref("ResolvedValue")))));
        routes.add(route(HandlerType.GET, "The channel's tier, and what it resolves to without a user's own tiers", null,
                200, "ChannelSettingsTier"), this::get);
        routes.add(route(HandlerType.PATCH, "Merge into the channel's tier (maxMessages, maxAge, maxImages,"
                + " showModelFooter; null = no value, overriding lower tiers)", "SettingsTier", 200,
                "ChannelSettingsTier"), this::patch);
        routes.add(route(HandlerType.DELETE, "Clear the channel's tier (its activated character stays)", null, 204,
                null), this::clear);
    }

    private static ApiRoute route(HandlerType method, String summary, String request, int status, String response) {
        List<Integer> errors = request == null ? List.of(400) : List.of(400, 413);
        return new ApiRoute(method, PATH, "settings", summary, RouteAuth.OWNER, request, status, response, errors);
    }

    private EditingChannelSettings editing() {
        return services.get().orElseThrow(ApiException::starting).channelSettings();
    }

    private void get(Context ctx) {
        Actor owner = Access.requireOwner(ctx);
        ctx.json(view(editing().operatorView(owner, ctx.pathParam("channelId"))));
    }

    private void patch(Context ctx) {
        Actor owner = Access.requireOwner(ctx);
        EditingChannelSettings editing = editing();
        ConfigOverrides patch = EditingSettings.parseTier(Inputs.jsonBody(ctx).asMap());
        ctx.json(view(editing.operatorPatch(owner, ctx.pathParam("channelId"), patch)));
    }

    private void clear(Context ctx) {
        Actor owner = Access.requireOwner(ctx);
        editing().operatorClear(owner, ctx.pathParam("channelId"));
        ctx.status(204);
    }

    private static Map<String, Object> view(EditingChannelSettings.ChannelTier tier) {
        Map<String, Object> out = new LinkedHashMap<>();
        out.put("channelId", tier.channelId());
        out.put("configOverrides", tier.overrides().toEntries());
        out.put("settings", SettingsTiers.rows(tier.effective()));
        return out;
    }
}
