package io.tzurot.testkit.discord.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tzurot.testkit.discord.activity.ActivityLog;
import io.tzurot.testkit.discord.activity.BotActivity;
import io.tzurot.testkit.discord.gateway.GatewayEvents;
import io.tzurot.testkit.discord.json.EntityJson;
import io.tzurot.testkit.discord.json.Json;
import io.tzurot.testkit.discord.state.MessageAuthor;
import io.tzurot.testkit.discord.state.SimChannel;
import io.tzurot.testkit.discord.state.SimMessage;
import io.tzurot.testkit.discord.state.SimStore;
import io.tzurot.testkit.discord.state.SimUser;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Slash-command interactions: registered commands, INTERACTION_CREATE for a simulated user, and the bot's
 * answers (callback, follow-ups, edits of the original response).
 */
public final class InteractionService {

    private static final int CHANNEL_MESSAGE_WITH_SOURCE = 4;
    private static final int EPHEMERAL = 1 << 6;

    private record Pending(long id, String token, long channelId, long userId, boolean answered,
                           Optional<Long> originalMessageId) {
        Pending answered(Optional<Long> original) {
            return new Pending(id, token, channelId, userId, true, original);
        }
    }

    private final SimStore store;
    private final EntityJson entities;
    private final GatewayEvents events;
    private final MessageService messages;
    private final ActivityLog activity;
    private final SimUser self;
    private final SecureRandom random = new SecureRandom();
    private final Map<Long, Pending> pending = new ConcurrentHashMap<>();
    private final Map<String, Long> commandIds = new ConcurrentHashMap<>();

    public InteractionService(SimStore store, EntityJson entities, GatewayEvents events, MessageService messages,
                              ActivityLog activity, SimUser self) {
        this.store = store;
        this.entities = entities;
        this.events = events;
        this.messages = messages;
        this.activity = activity;
        this.self = self;
    }

    /** Replaces the registered global commands, giving each an id; the result echoes them as Discord does. */
    public ArrayNode registerCommands(JsonNode commands) {
        if (!commands.isArray()) {
            throw ApiError.invalidForm("body: expected an array of commands");
        }
        commandIds.clear();
        ArrayNode result = Json.array();
        for (JsonNode command : commands) {
            String name = command.path("name").asText("");
            if (!name.matches("[-_\\p{L}\\p{N}]{1,32}") || !name.equals(name.toLowerCase())) {
                throw ApiError.invalidForm("name: command names are 1-32 lower-case characters, was '" + name + "'");
            }
            long id = store.nextId();
            commandIds.put(name, id);
            ObjectNode echoed = command.deepCopy();
            echoed.put("id", Json.id(id)).put("application_id", Json.id(self.id())).put("version", Json.id(id));
            if (!echoed.has("type")) {
                echoed.put("type", 1);
            }
            result.add(echoed);
        }
        return result;
    }

    public Map<String, Long> registeredCommands() {
        return Map.copyOf(commandIds);
    }

    /** Dispatches a slash command used by {@code userId} in {@code channelId}; string options only. */
    public long slashCommand(long userId, long channelId, String name, Map<String, String> options) {
        SimUser user = store.user(userId).orElseThrow(() -> new IllegalArgumentException("unknown user " + userId));
        SimChannel channel = store.channel(channelId)
                .orElseThrow(() -> new IllegalArgumentException("unknown channel " + channelId));
        long commandId = Optional.ofNullable(commandIds.get(name))
                .orElseThrow(() -> new IllegalArgumentException("command /" + name + " is not registered"));
        long id = store.nextId();
        String token = HexFormat.of().formatHex(bytes(24));
        ObjectNode json = Json.object().put("id", Json.id(id)).put("application_id", Json.id(self.id()))
                .put("type", 2).put("token", token).put("version", 1).put("channel_id", Json.id(channelId))
                .put("locale", "en-US").put("app_permissions", "0");
        json.set("channel", entities.channel(channel));
        json.putArray("entitlements");
        ObjectNode owners = json.putObject("authorizing_integration_owners");
        if (channel.guild().isPresent()) {
            long guildId = channel.guild().get();
            json.put("guild_id", Json.id(guildId)).put("guild_locale", "en-US").put("context", 0);
            json.putObject("guild").put("id", Json.id(guildId)).put("locale", "en-US").putArray("features");
            ObjectNode member = entities.member(store.member(guildId, userId)
                    .orElseThrow(() -> new IllegalArgumentException("user " + userId + " is not a member")), true);
            member.put("permissions", Long.toString(store.permissionsIn(userId, channel).orElse(0L)));
            json.set("member", member);
            owners.put("0", Json.id(guildId));
        } else {
            json.put("context", 1);
            json.set("user", entities.user(user));
            owners.put("1", Json.id(userId));
        }
        ObjectNode data = json.putObject("data").put("id", Json.id(commandId)).put("name", name).put("type", 1);
        ArrayNode optionArray = data.putArray("options");
        new LinkedHashMap<>(options).forEach((k, v) -> optionArray.addObject().put("name", k).put("type", 3)
                .put("value", v));
        pending.put(id, new Pending(id, token, channelId, userId, false, Optional.empty()));
        events.interactionCreated(json);
        return id;
    }

    /** The initial response; type 4 posts a message (unless ephemeral), other types are only recorded. */
    public void callback(long interactionId, String token, JsonNode body) {
        Pending interaction = find(interactionId, token);
        if (interaction.answered()) {
            throw new ApiError(400, 40060, "Interaction has already been acknowledged.");
        }
        int type = body.path("type").asInt(-1);
        JsonNode data = body.path("data");
        activity.record(new BotActivity.InteractionAnswered(interactionId, type, data.deepCopy()));
        Optional<Long> original = Optional.empty();
        if (type == CHANNEL_MESSAGE_WITH_SOURCE && (data.path("flags").asInt(0) & EPHEMERAL) == 0) {
            original = Optional.of(post(interaction, data).id());
        }
        pending.put(interactionId, interaction.answered(original));
    }

    /** A follow-up message sent through the interaction webhook. */
    public SimMessage followUp(String token, MessageDraft draft) {
        Pending interaction = byToken(token);
        return messages.post(interaction.channelId(), new MessageAuthor.User(self.id()), draft);
    }

    /** Edits the original response, creating it when the interaction was only deferred. */
    public SimMessage editOriginal(String token, JsonNode payload, MessageDraft draft) {
        Pending interaction = byToken(token);
        if (interaction.originalMessageId().isPresent()) {
            return messages.edit(interaction.channelId(), interaction.originalMessageId().get(),
                    Optional.ofNullable(payload.get("content")).map(JsonNode::asText),
                    Optional.ofNullable(payload.get("embeds")).filter(JsonNode::isArray).map(ArrayNode.class::cast));
        }
        SimMessage created = messages.post(interaction.channelId(), new MessageAuthor.User(self.id()), draft);
        pending.put(interaction.id(), interaction.answered(Optional.of(created.id())));
        return created;
    }

    private SimMessage post(Pending interaction, JsonNode data) {
        MessageDraft draft = new MessageDraft(data.path("content").asText(""),
                data.path("embeds").isArray() ? (ArrayNode) data.path("embeds") : Json.array(),
                List.of(), Optional.empty(), false);
        return messages.post(interaction.channelId(), new MessageAuthor.User(self.id()), draft);
    }

    private Pending find(long interactionId, String token) {
        Pending interaction = pending.get(interactionId);
        if (interaction == null || !interaction.token().equals(token)) {
            throw new ApiError(404, 10062, "Unknown interaction");
        }
        return interaction;
    }

    private Pending byToken(String token) {
        return pending.values().stream().filter(p -> p.token().equals(token)).findFirst()
                .orElseThrow(ApiError::unknownWebhook);
    }

    private byte[] bytes(int count) {
        byte[] bytes = new byte[count];
        random.nextBytes(bytes);
        return bytes;
    }
}
