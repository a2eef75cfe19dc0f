package io.tzurot.web.chat;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.tzurot.core.access.Actor;
import io.tzurot.core.webchannel.WebChannel;
import io.tzurot.core.webchannel.WebConversations;
import io.tzurot.web.auth.Access;
import io.tzurot.web.http.ApiException;
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
 * {@code /api/v1/channels}: the caller's web conversations. Each belongs to the user who created it; its id is
 * random, and any other user asking for it gets the 404 of a missing channel.
 */
public final class ChannelsApi {

    private final Supplier<Optional<ConversationServices>> services;

    public ChannelsApi(Supplier<Optional<ConversationServices>> services) {
        this.services = services;
    }

    public void register(RouteRegistry routes) {
        Schemas s = routes.schemas();
        s.define("WebChannel", Schemas.object(List.of("id", "isDefault", "createdAt"), Map.of(
                "id", Schemas.string("The channel id to pass as channelId (chat, history)"),
                "isDefault", Schemas.bool("Whether chat uses it when no channelId is given"),
                "createdAt", Schemas.format("date-time", "When it was made"))));
        s.define("WebChannels", Schemas.object(List.of("channels"), Map.of(
                "channels", Schemas.arrayOf(Schemas.ref("WebChannel")))));
        routes.add(new ApiRoute(HandlerType.GET, "/api/v1/channels", "chat",
                "Your web channels, your default one first", RouteAuth.USER, null, 200, "WebChannels", List.of()),
                this::list);
        routes.add(new ApiRoute(HandlerType.POST, "/api/v1/channels", "chat",
                "Start a new web channel of your own (at most " + WebConversations.MAX_CHANNELS_PER_USER + ")",
                RouteAuth.USER, null, 201, "WebChannel", List.of(409)), this::create);
    }

    private WebConversations channels() {
        return services.get().orElseThrow(ApiException::starting).channels();
    }

    private void list(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        ctx.json(Map.of("channels", channels().list(actor.userId()).stream().map(ChannelsApi::view).toList()));
    }

    private void create(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        ctx.status(201).json(view(channels().create(actor.userId())));
    }

    private static Map<String, Object> view(WebChannel channel) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("id", channel.id());
        json.put("isDefault", channel.isDefault());
        json.put("createdAt", channel.createdAt().toString());
        return json;
    }
}
