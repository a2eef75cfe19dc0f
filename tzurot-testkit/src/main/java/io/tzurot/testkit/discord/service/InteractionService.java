package io.tzurot.testkit.discord.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tzurot.testkit.discord.activity.ActivityLog;
import io.tzurot.testkit.discord.activity.BotActivity;
import io.tzurot.testkit.discord.gateway.GatewayEvents;
import io.tzurot.testkit.discord.json.EntityJson;
import io.tzurot.testkit.discord.json.Json;
import io.tzurot.testkit.discord.json.MessageJson;
import io.tzurot.testkit.discord.state.MessageAuthor;
import io.tzurot.testkit.discord.state.SimChannel;
import io.tzurot.testkit.discord.state.SimMessage;
import io.tzurot.testkit.discord.state.SimStore;
import io.tzurot.testkit.discord.state.SimUser;
import java.security.SecureRandom;
import java.time.Instant;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Interactions: registered commands; slash commands, autocomplete, button clicks, select menus and modal
 * submissions by simulated users; and the bot's answers. Ephemeral answers are never stored in the channel or
 * echoed on the gateway (only the user would see them); they are recorded as {@link BotActivity.Ephemeral}.
 */
public final class InteractionService {

    private static final int CHANNEL_MESSAGE_WITH_SOURCE = 4;
    private static final int DEFERRED_CHANNEL_MESSAGE = 5;
    private static final int DEFERRED_UPDATE_MESSAGE = 6;
    private static final int UPDATE_MESSAGE = 7;
    private static final int EPHEMERAL = 1 << 6;

    private final SimStore store;
    private final InteractionPayloads payloads;
    private final MessageJson messageJson;
    private final GatewayEvents events;
    private final MessageService messages;
    private final ActivityLog activity;
    private final SimUser self;
    private final SecureRandom random = new SecureRandom();
    private final Map<Long, PendingInteraction> pending = new ConcurrentHashMap<>();
    private final Map<String, ObjectNode> commands = new ConcurrentHashMap<>();

    public InteractionService(SimStore store, EntityJson entities, MessageJson messageJson, GatewayEvents events,
                              MessageService messages, ActivityLog activity, SimUser self) {
        this.store = store;
        this.payloads = new InteractionPayloads(store, entities, self.id());
        this.messageJson = messageJson;
        this.events = events;
        this.messages = messages;
        this.activity = activity;
        this.self = self;
    }

    /** Replaces the registered commands (PUT semantics), giving each an id; echoes them as Discord does. */
    public ArrayNode registerCommands(JsonNode definitions) {
        if (!definitions.isArray()) {
            throw ApiError.invalidForm("body: expected an array of commands");
        }
        Map<String, ObjectNode> next = new LinkedHashMap<>();
        for (JsonNode definition : definitions) {
            String name = definition.path("name").asText("");
            if (!name.matches("[-_\\p{L}\\p{N}]{1,32}") || !name.equals(name.toLowerCase())) {
                throw ApiError.invalidForm("name: command names are 1-32 lower-case characters, was '" + name + "'");
            }
            long id = store.nextId();
            ObjectNode echoed = definition.deepCopy();
            echoed.put("id", Json.id(id)).put("application_id", Json.id(self.id())).put("version", Json.id(id));
            if (!echoed.has("type")) {
                echoed.put("type", 1);
            }
            next.put(name, echoed);
        }
        commands.clear();
        commands.putAll(next);
        ArrayNode result = Json.array();
        next.values().forEach(result::add);
        return result;
    }

    public ArrayNode registeredCommands() {
        ArrayNode result = Json.array();
        commands.values().forEach(c -> result.add(c.deepCopy()));
        return result;
    }

    /** A slash command; {@code path} is "name", "name sub" or "name group sub". Returns the interaction id. */
    public long slashCommand(SimUser user, SimChannel channel, String path, Map<String, String> options) {
        return command(user, channel, path, options, Optional.empty(), InteractionPayloads.APPLICATION_COMMAND);
    }

    /** The user is typing {@code focusedOption}; the bot answers with choices (callback type 8). */
    public long autocomplete(SimUser user, SimChannel channel, String path, String focusedOption,
                             Map<String, String> options) {
        if (!options.containsKey(focusedOption)) {
            throw new IllegalArgumentException("options must contain the focused option " + focusedOption);
        }
        return command(user, channel, path, options, Optional.of(focusedOption), InteractionPayloads.AUTOCOMPLETE);
    }

    /** A click on a button ({@code componentType} 2) or a choice in a string select (3) on {@code message}. */
    public long component(SimUser user, SimMessage message, String customId, int componentType, String... values) {
        SimChannel channel = channel(message.channelId());
        PendingInteraction interaction = open(user, channel, Optional.of(message.id()));
        ObjectNode json = payloads.envelope(interaction.id(), interaction.token(),
                InteractionPayloads.MESSAGE_COMPONENT, user, channel);
        json.set("message", messageJson.message(message));
        json.set("data", InteractionPayloads.componentData(customId, componentType, values));
        events.interactionCreated(json);
        return interaction.id();
    }

    public long submitModal(SimUser user, SimChannel channel, String customId, Map<String, String> fields) {
        PendingInteraction interaction = open(user, channel, Optional.empty());
        ObjectNode json = payloads.envelope(interaction.id(), interaction.token(), InteractionPayloads.MODAL_SUBMIT,
                user, channel);
        json.set("data", InteractionPayloads.modalData(customId, fields));
        events.interactionCreated(json);
        return interaction.id();
    }

    /** The initial response (once per interaction). */
    public void callback(long interactionId, String token, JsonNode body) {
        PendingInteraction interaction = pending.get(interactionId);
        if (interaction == null || !interaction.token().equals(token)) {
            throw new ApiError(404, 10062, "Unknown interaction");
        }
        if (interaction.answered()) {
            throw new ApiError(400, 40060, "Interaction has already been acknowledged.");
        }
        int type = body.path("type").asInt(-1);
        JsonNode data = body.path("data");
        boolean ephemeral = (data.path("flags").asInt(0) & EPHEMERAL) != 0;
        activity.record(new BotActivity.InteractionAnswered(interactionId, type, data.deepCopy()));
        PendingInteraction answered = interaction.answered(ephemeral);
        if (type == CHANNEL_MESSAGE_WITH_SOURCE) {
            answered = answered.withOriginal(respond(answered, MessageDraft.fromPayload(data, List.of())));
        } else if (type == DEFERRED_UPDATE_MESSAGE || type == UPDATE_MESSAGE) {
            long source = interaction.sourceMessageId().orElseThrow(() -> new ApiError(400, 40004,
                    "Interaction response type " + type + " needs a component interaction"));
            SimMessage sourceMessage = store.message(interaction.channelId(), source).orElseThrow(ApiError::unknownMessage);
            if (type == UPDATE_MESSAGE) {
                sourceMessage = messages.edit(interaction.channelId(), source, MessageEdit.fromPayload(data));
            }
            answered = answered.withOriginal(sourceMessage);
        } else if (type != DEFERRED_CHANNEL_MESSAGE && type != 8 && type != 9) {
            throw ApiError.invalidForm("type: unsupported interaction response type " + type);
        }
        pending.put(interactionId, answered);
    }

    /** A follow-up through the interaction webhook; its own flags decide whether it is ephemeral. */
    public SimMessage followUp(String token, JsonNode payload, MessageDraft draft) {
        PendingInteraction interaction = byToken(token);
        boolean ephemeral = (payload.path("flags").asInt(0) & EPHEMERAL) != 0;
        return respond(interaction.withEphemeral(ephemeral), draft);
    }

    /** Edits the original response, creating it when the interaction was only deferred. */
    public SimMessage editOriginal(String token, JsonNode payload, MessageDraft draft) {
        PendingInteraction interaction = byToken(token);
        Optional<SimMessage> original = interaction.original();
        SimMessage result;
        if (original.isEmpty()) {
            result = respond(interaction, draft);
        } else if (interaction.ephemeral()) {
            SimMessage before = original.get();
            MessageEdit edit = MessageEdit.fromPayload(payload);
            result = before.edited(edit.content().orElse(before.content()), edit.embeds().orElse(before.embeds()),
                    edit.components().orElse(before.components()), Instant.now());
            activity.record(new BotActivity.Ephemeral(interaction.id(), result));
        } else {
            result = messages.edit(interaction.channelId(), original.get().id(), MessageEdit.fromPayload(payload));
        }
        pending.put(interaction.id(), interaction.withOriginal(result));
        return result;
    }

    private long command(SimUser user, SimChannel channel, String path, Map<String, String> options,
                         Optional<String> focused, int type) {
        String[] parts = path.trim().split("\\s+");
        ObjectNode definition = Optional.ofNullable(commands.get(parts[0]))
                .orElseThrow(() -> new IllegalArgumentException("command /" + parts[0] + " is not registered"));
        PendingInteraction interaction = open(user, channel, Optional.empty());
        ObjectNode json = payloads.envelope(interaction.id(), interaction.token(), type, user, channel);
        json.set("data", payloads.commandData(Json.snowflake(definition, "id"), parts, definition, options, focused));
        events.interactionCreated(json);
        return interaction.id();
    }

    private PendingInteraction open(SimUser user, SimChannel channel, Optional<Long> sourceMessageId) {
        byte[] token = new byte[24];
        random.nextBytes(token);
        PendingInteraction interaction = PendingInteraction.open(store.nextId(), HexFormat.of().formatHex(token),
                channel.id(), user.id(), sourceMessageId);
        pending.put(interaction.id(), interaction);
        return interaction;
    }

    private SimMessage respond(PendingInteraction interaction, MessageDraft draft) {
        if (!interaction.ephemeral()) {
            return messages.post(interaction.channelId(), new MessageAuthor.User(self.id()), draft);
        }
        draft.validate();
        SimMessage message = new SimMessage(store.nextId(), interaction.channelId(), new MessageAuthor.User(self.id()),
                draft.content(), draft.attachments(), draft.embeds(), draft.components(), Optional.empty(),
                Optional.empty());
        activity.record(new BotActivity.Ephemeral(interaction.id(), message));
        return message;
    }

    private SimChannel channel(long channelId) {
        return store.channel(channelId).orElseThrow(() -> new IllegalArgumentException("unknown channel " + channelId));
    }

    private PendingInteraction byToken(String token) {
        return pending.values().stream().filter(p -> p.token().equals(token)).findFirst()
                .orElseThrow(ApiError::unknownWebhook);
    }
}
