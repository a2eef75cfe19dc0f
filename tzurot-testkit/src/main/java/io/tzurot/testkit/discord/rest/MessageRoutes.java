package io.tzurot.testkit.discord.rest;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.javalin.Javalin;
import io.tzurot.testkit.discord.activity.BotActivity;
import io.tzurot.testkit.discord.json.Json;
import io.tzurot.testkit.discord.service.ApiError;
import io.tzurot.testkit.discord.service.MessageEdit;
import io.tzurot.testkit.discord.state.MessageAuthor;
import io.tzurot.testkit.discord.state.Permissions;
import io.tzurot.testkit.discord.state.SimChannel;
import io.tzurot.testkit.discord.state.SimMessage;
import java.util.List;
import java.util.Optional;

/** {@code channels/{id}/messages...}: the bot sends, reads, edits and deletes messages. */
final class MessageRoutes {

    private static final int MAX_HISTORY = 100;

    private final RestDeps deps;

    MessageRoutes(RestDeps deps) {
        this.deps = deps;
    }

    void register(Javalin app, String base) {
        String messages = base + "channels/{channel}/messages";
        app.post(messages, ctx -> {
            SimChannel channel = Rest.channel(deps.store(), Rest.id(ctx, "channel"));
            Rest.requireBot(deps, channel, Rest.sendPermission(channel));
            MessageBodies.Parsed parsed = MessageBodies.parse(ctx, deps.store());
            if (!parsed.draft().attachments().isEmpty()) {
                Rest.requireBot(deps, channel, Permissions.ATTACH_FILES);
            }
            SimMessage message = deps.messages().post(channel.id(), new MessageAuthor.User(deps.self().id()),
                    parsed.draft());
            Rest.json(ctx, deps.messageJson().message(message));
        });
        app.get(messages, ctx -> {
            SimChannel channel = Rest.channel(deps.store(), Rest.id(ctx, "channel"));
            Rest.requireBot(deps, channel, Permissions.READ_MESSAGE_HISTORY);
            deps.activity().record(new BotActivity.HistoryRead(channel.id()));
            int limit = parseLimit(ctx.queryParam("limit"));
            Optional<Long> before = Optional.ofNullable(ctx.queryParam("before")).map(Long::parseUnsignedLong);
            Optional<Long> after = Optional.ofNullable(ctx.queryParam("after")).map(Long::parseUnsignedLong);
            List<SimMessage> newestFirst = deps.store().messagesNewestFirst(channel.id());
            ArrayNode page = Json.array();
            newestFirst.stream()
                    .filter(m -> before.map(b -> m.id() < b).orElse(true))
                    .filter(m -> after.map(a -> m.id() > a).orElse(true))
                    .limit(limit)
                    .forEach(m -> page.add(deps.messageJson().message(m)));
            Rest.json(ctx, page);
        });
        app.get(messages + "/{message}", ctx -> {
            SimChannel channel = Rest.channel(deps.store(), Rest.id(ctx, "channel"));
            Rest.requireBot(deps, channel, Permissions.READ_MESSAGE_HISTORY);
            Rest.json(ctx, deps.messageJson().message(deps.store().message(channel.id(), Rest.id(ctx, "message"))
                    .orElseThrow(ApiError::unknownMessage)));
        });
        app.patch(messages + "/{message}", ctx -> {
            SimChannel channel = Rest.channel(deps.store(), Rest.id(ctx, "channel"));
            SimMessage existing = deps.store().message(channel.id(), Rest.id(ctx, "message"))
                    .orElseThrow(ApiError::unknownMessage);
            if (!existing.author().equals(new MessageAuthor.User(deps.self().id()))) {
                throw new ApiError(403, 50005, "Cannot edit a message authored by another user");
            }
            JsonNode body = Rest.body(ctx);
            SimMessage edited = deps.messages().edit(channel.id(), existing.id(), MessageEdit.fromPayload(body));
            Rest.json(ctx, deps.messageJson().message(edited));
        });
        app.delete(messages + "/{message}", ctx -> {
            SimChannel channel = Rest.channel(deps.store(), Rest.id(ctx, "channel"));
            SimMessage existing = deps.store().message(channel.id(), Rest.id(ctx, "message"))
                    .orElseThrow(ApiError::unknownMessage);
            if (!existing.author().equals(new MessageAuthor.User(deps.self().id()))) {
                Rest.requireBot(deps, channel, Permissions.MANAGE_MESSAGES);
            }
            deps.messages().delete(channel.id(), existing.id(), true);
            Rest.noContent(ctx);
        });
    }

    private static int parseLimit(String raw) {
        if (raw == null) {
            return 50;
        }
        try {
            int limit = Integer.parseInt(raw);
            if (limit < 1 || limit > MAX_HISTORY) {
                throw ApiError.invalidForm("limit: int value should be between 1 and " + MAX_HISTORY + ".");
            }
            return limit;
        } catch (NumberFormatException e) {
            throw ApiError.invalidForm("limit: Value \"" + raw + "\" is not int.");
        }
    }
}
