package io.tzurot.web.settings;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.tzurot.core.access.Actor;
import io.tzurot.core.channel.SwitchingEditStreaming;
import io.tzurot.core.failure.DomainException;
import io.tzurot.core.manage.ManagementUseCases;
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
import java.util.function.Supplier;

/**
 * {@code /api/v1/admin/channels/{channelId}/streaming}: whether a Discord channel's replies are edit-streamed. On the
 * web only the bot owner may (moderators use {@code /channel streaming} in Discord); the rule is
 * {@link SwitchingEditStreaming}'s.
 */
public final class ChannelStreamingApi {

    private static final String PATH = "/api/v1/admin/channels/{channelId}/streaming";

    private final Supplier<Optional<ManagementUseCases>> services;

    public ChannelStreamingApi(Supplier<Optional<ManagementUseCases>> services) {
        this.services = services;
    }

    public void register(RouteRegistry routes) {
        routes.schemas().define("ChannelStreaming", Schemas.object(List.of("channelId", "enabled"), Map.of(
                "channelId", Schemas.string("The Discord channel (a thread follows its parent)"),
                "enabled", Schemas.bool("True when replies there are posted at their first sentence and edited as"
                        + " they grow"))));
        routes.schemas().define("ChannelStreamingRequest", Schemas.object(List.of("enabled"), Map.of(
                "enabled", Schemas.bool("Turn edit-streaming on (true) or off (false, the default)"))));
        routes.add(new ApiRoute(HandlerType.GET, PATH, "settings", "Whether a channel's replies are edit-streamed",
                RouteAuth.OWNER, null, 200, "ChannelStreaming", List.of(400)), this::get);
        routes.add(new ApiRoute(HandlerType.PUT, PATH, "settings", "Turn a channel's edit-streaming on or off",
                RouteAuth.OWNER, "ChannelStreamingRequest", 200, "ChannelStreaming", List.of(400, 413)), this::put);
    }

    private SwitchingEditStreaming streaming() {
        return services.get().orElseThrow(ApiException::starting).channelSettings().streaming();
    }

    private void get(Context ctx) {
        Actor owner = Access.requireOwner(ctx);
        String channel = ctx.pathParam("channelId");
        boolean on = streaming().operatorView(owner, channel);
        ctx.json(Map.of("channelId", channel.strip(), "enabled", on));
    }

    private void put(Context ctx) {
        Actor owner = Access.requireOwner(ctx);
        SwitchingEditStreaming streaming = streaming();
        JsonBody body = Inputs.jsonBody(ctx).allowOnly(Set.of("enabled"));
        if (!body.has("enabled") || body.isNull("enabled")) {
            throw DomainException.invalid("enabled", "Give enabled: true (edit-streaming on) or false.");
        }
        boolean on = body.optionalBoolean("enabled", false);
        String channel = ctx.pathParam("channelId");
        ctx.json(Map.of("channelId", channel.strip(), "enabled", streaming.operatorSet(owner, channel, on)));
    }
}
