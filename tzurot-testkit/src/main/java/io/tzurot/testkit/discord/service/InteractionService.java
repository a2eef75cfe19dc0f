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
import io.tzurot.testkit.discord.state.SimAttachment;
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
    private static final long GLOBAL = 0L;
    /** Discord's limit of chat-input commands per scope. */
    private static final int MAX_COMMANDS = 100;

    private final SimStore store;
    private final InteractionPayloads payloads;
    private final MessageJson messageJson;
    private final GatewayEvents events;
    private final MessageService messages;
    private final ActivityLog activity;
    private final SimUser self;
    private final SecureRandom random = new SecureRandom();
    private final Map<Long, PendingInteraction> pending = new ConcurrentHashMap<>();
    /** Registered commands by scope: {@code 0} holds the global ones, a guild id that guild's own. */
    private final Map<Long, Map<String, ObjectNode>> commands = new ConcurrentHashMap<>();
    /** Ephemeral messages by id: only their user sees them, but components on them still work. */
    private final Map<Long, SimMessage> ephemerals = new ConcurrentHashMap<>();

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

    /** Replaces the global commands (PUT semantics), giving each an id; echoes them as Discord does. */
    public ArrayNode registerCommands(JsonNode definitions) {
        return registerCommands(GLOBAL, definitions);
    }

    /** Replaces one guild's own commands (PUT semantics); they exist only in that guild, beside the global ones. */
    public ArrayNode registerGuildCommands(long guildId, JsonNode definitions) {
        if (store.guild(guildId).isEmpty()) {
            throw new ApiError(404, 10004, "Unknown Guild");
        }
        return registerCommands(guildId, definitions);
    }

    private ArrayNode registerCommands(long scope, JsonNode definitions) {
        if (!definitions.isArray()) {
            throw ApiError.invalidForm("body: expected an array of commands");
        }
        if (definitions.size() > MAX_COMMANDS) {
            throw ApiError.invalidForm("body: at most " + MAX_COMMANDS + " commands per scope");
        }
        Map<String, ObjectNode> next = new LinkedHashMap<>();
        for (JsonNode definition : definitions) {
            String name = definition.path("name").asText("");
            int kind = definition.path("type").asInt(1);
            boolean slash = kind == 1;
            if (slash ? !name.matches("[-_\\p{L}\\p{N}]{1,32}") || !name.equals(name.toLowerCase())
                    : name.isBlank() || name.length() > 32) {
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
        commands.put(scope, next);
        ArrayNode result = Json.array();
        next.values().forEach(result::add);
        return result;
    }

    /** The global commands. */
    public ArrayNode registeredCommands() {
        return copy(commands.getOrDefault(GLOBAL, Map.of()));
    }

    /** The commands registered for one guild only (not the global ones). */
    public ArrayNode registeredGuildCommands(long guildId) {
        return copy(commands.getOrDefault(guildId, Map.of()));
    }

    private static ArrayNode copy(Map<String, ObjectNode> scope) {
        ArrayNode result = Json.array();
        scope.values().forEach(c -> result.add(c.deepCopy()));
        return result;
    }

    /** A slash command; {@code path} is "name", "name sub" or "name group sub". Returns the interaction id. */
    public long slashCommand(SimUser user, SimChannel channel, String path, Map<String, String> options) {
        return slashCommand(user, channel, path, options, Map.of());
    }

    /**
     * A slash command with files for its attachment options ({@code attachments} by option name): the option's
     * value is the attachment id, and the file is described in {@code data.resolved.attachments} and served.
     */
    public long slashCommand(SimUser user, SimChannel channel, String path, Map<String, String> options,
                             Map<String, SimAttachment> attachments) {
        Map<String, String> all = new LinkedHashMap<>(options);
        attachments.forEach((name, file) -> {
            store.put(file);
            all.put(name, Json.id(file.id()));
        });
        return command(user, channel, path, all, Optional.empty(), InteractionPayloads.APPLICATION_COMMAND,
                data -> {
                    if (!attachments.isEmpty()) {
                        ObjectNode resolved = data.putObject("resolved").putObject("attachments");
                        attachments.values().forEach(file -> resolved.set(Json.id(file.id()),
                                payloads.attachment(channel.id(), file)));
                    }
                });
    }

    /** A message context-menu command ("Inspect Message") used on {@code target}. */
    public long messageCommand(SimUser user, SimMessage target, String name) {
        SimChannel channel = channel(target.channelId());
        ObjectNode definition = definition(channel, name, 3);
        PendingInteraction interaction = open(user, channel, Optional.empty());
        ObjectNode json = payloads.envelope(interaction.id(), interaction.token(),
                InteractionPayloads.APPLICATION_COMMAND, user, channel);
        ObjectNode data = json.putObject("data").put("id", definition.path("id").asText()).put("name", name)
                .put("type", 3).put("target_id", Json.id(target.id()));
        data.putObject("resolved").putObject("messages").set(Json.id(target.id()), messageJson.message(target));
        events.interactionCreated(json);
        return interaction.id();
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
        json.set("message", sourceJson(message));
        json.set("data", InteractionPayloads.componentData(customId, componentType, values));
        events.interactionCreated(json);
        return interaction.id();
    }

    /** A modal opened by a slash command, submitted. */
    public long submitModal(SimUser user, SimChannel channel, String customId, Map<String, String> fields) {
        PendingInteraction interaction = open(user, channel, Optional.empty());
        ObjectNode json = payloads.envelope(interaction.id(), interaction.token(), InteractionPayloads.MODAL_SUBMIT,
                user, channel);
        json.set("data", InteractionPayloads.modalData(customId, fields));
        events.interactionCreated(json);
        return interaction.id();
    }

    /** A modal opened by a component on {@code message}, submitted: the bot may then update that message. */
    public long submitModal(SimUser user, SimMessage message, String customId, Map<String, String> fields) {
        SimChannel channel = channel(message.channelId());
        PendingInteraction interaction = open(user, channel, Optional.of(message.id()));
        ObjectNode json = payloads.envelope(interaction.id(), interaction.token(), InteractionPayloads.MODAL_SUBMIT,
                user, channel);
        json.set("message", sourceJson(message));
        json.set("data", InteractionPayloads.modalData(customId, fields));
        events.interactionCreated(json);
        return interaction.id();
    }

    /** The current state of an ephemeral message (after the bot's edits), if it was one. */
    public Optional<SimMessage> ephemeral(long messageId) {
        return Optional.ofNullable(ephemerals.get(messageId));
    }

    private ObjectNode sourceJson(SimMessage message) {
        ObjectNode json = messageJson.message(ephemerals.getOrDefault(message.id(), message));
        if (ephemerals.containsKey(message.id())) {
            json.put("flags", json.path("flags").asInt(0) | EPHEMERAL);
        }
        return json;
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
            SimMessage sourceMessage;
            if (ephemerals.containsKey(source)) {
                answered = interaction.answered(true);
                sourceMessage = type == UPDATE_MESSAGE
                        ? editEphemeral(interactionId, ephemerals.get(source), MessageEdit.fromPayload(data))
                        : ephemerals.get(source);
            } else {
                sourceMessage = store.message(interaction.channelId(), source).orElseThrow(ApiError::unknownMessage);
                if (type == UPDATE_MESSAGE) {
                    sourceMessage = messages.edit(interaction.channelId(), source, MessageEdit.fromPayload(data));
                }
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
        } else if (ephemerals.containsKey(original.get().id())) {
            result = editEphemeral(interaction.id(), ephemerals.get(original.get().id()),
                    MessageEdit.fromPayload(payload));
        } else {
            result = messages.edit(interaction.channelId(), original.get().id(), MessageEdit.fromPayload(payload));
        }
        pending.put(interaction.id(), interaction.withOriginal(result));
        return result;
    }

    private long command(SimUser user, SimChannel channel, String path, Map<String, String> options,
                         Optional<String> focused, int type) {
        return command(user, channel, path, options, focused, type, data -> { });
    }

    private long command(SimUser user, SimChannel channel, String path, Map<String, String> options,
                         Optional<String> focused, int type, java.util.function.Consumer<ObjectNode> extra) {
        String[] parts = path.trim().split("\\s+");
        ObjectNode definition = definition(channel, parts[0], 1);
        PendingInteraction interaction = open(user, channel, Optional.empty());
        ObjectNode json = payloads.envelope(interaction.id(), interaction.token(), type, user, channel);
        ObjectNode data = payloads.commandData(Json.snowflake(definition, "id"), parts, definition, options, focused);
        extra.accept(data);
        json.set("data", data);
        events.interactionCreated(json);
        return interaction.id();
    }

    /** The command a user in {@code channel} sees under {@code name}: the guild's own first, then the global one. */
    private ObjectNode definition(SimChannel channel, String name, int kind) {
        Optional<ObjectNode> guildOwn = channel.guild().map(g -> commands.getOrDefault(g, Map.of()).get(name));
        return guildOwn.or(() -> Optional.ofNullable(commands.getOrDefault(GLOBAL, Map.of()).get(name)))
                .filter(d -> d.path("type").asInt(1) == kind)
                .orElseThrow(() -> new IllegalArgumentException("command " + name + " is not registered here"));
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
        ephemerals.put(message.id(), message);
        activity.record(new BotActivity.Ephemeral(interaction.id(), message));
        return message;
    }

    /** Edits a follow-up (or the original) of the interaction with {@code token}, by message id. */
    public SimMessage editFollowUp(String token, long messageId, JsonNode payload) {
        PendingInteraction interaction = byToken(token);
        SimMessage before = ephemerals.get(messageId);
        if (before != null) {
            return editEphemeral(interaction.id(), before, MessageEdit.fromPayload(payload));
        }
        SimMessage existing = store.message(interaction.channelId(), messageId).orElseThrow(ApiError::unknownMessage);
        return messages.edit(existing.channelId(), existing.id(), MessageEdit.fromPayload(payload));
    }

    private SimMessage editEphemeral(long interactionId, SimMessage before, MessageEdit edit) {
        SimMessage result = before.edited(edit.content().orElse(before.content()), edit.embeds().orElse(before.embeds()),
                edit.components().orElse(before.components()), Instant.now());
        ephemerals.put(result.id(), result);
        activity.record(new BotActivity.Ephemeral(interactionId, result));
        return result;
    }

    private SimChannel channel(long channelId) {
        return store.channel(channelId).orElseThrow(() -> new IllegalArgumentException("unknown channel " + channelId));
    }

    private PendingInteraction byToken(String token) {
        return pending.values().stream().filter(p -> p.token().equals(token)).findFirst()
                .orElseThrow(ApiError::unknownWebhook);
    }
}
