package io.tzurot.testkit.discord.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tzurot.testkit.discord.json.EntityJson;
import io.tzurot.testkit.discord.json.Json;
import io.tzurot.testkit.discord.state.SimChannel;
import io.tzurot.testkit.discord.state.SimStore;
import io.tzurot.testkit.discord.state.SimUser;
import java.util.Map;
import java.util.Optional;

/** Builds INTERACTION_CREATE payloads: the common envelope and the {@code data} of each interaction type. */
final class InteractionPayloads {

    static final int APPLICATION_COMMAND = 2;
    static final int MESSAGE_COMPONENT = 3;
    static final int AUTOCOMPLETE = 4;
    static final int MODAL_SUBMIT = 5;

    private static final int SUB_COMMAND = 1;
    private static final int SUB_COMMAND_GROUP = 2;
    private static final int STRING = 3;

    private final SimStore store;
    private final EntityJson entities;
    private final long applicationId;

    InteractionPayloads(SimStore store, EntityJson entities, long applicationId) {
        this.store = store;
        this.entities = entities;
        this.applicationId = applicationId;
    }

    /** How an attachment given to a command option is described, with the URL it is served at. */
    ObjectNode attachment(long channelId, io.tzurot.testkit.discord.state.SimAttachment file) {
        return entities.attachment(channelId, file);
    }

    /** The envelope: ids, token, channel, and the guild member (or DM user) who interacted. */
    ObjectNode envelope(long id, String token, int type, SimUser user, SimChannel channel) {
        ObjectNode json = Json.object().put("id", Json.id(id)).put("application_id", Json.id(applicationId))
                .put("type", type).put("token", token).put("version", 1).put("channel_id", Json.id(channel.id()))
                .put("locale", "en-US").put("app_permissions", Long.toString(
                        store.permissionsIn(applicationId, channel).orElse(0L)));
        json.set("channel", entities.channel(channel));
        json.putArray("entitlements");
        ObjectNode owners = json.putObject("authorizing_integration_owners");
        Optional<Long> guild = channel.guild();
        if (guild.isPresent()) {
            json.put("guild_id", Json.id(guild.get())).put("guild_locale", "en-US").put("context", 0);
            json.putObject("guild").put("id", Json.id(guild.get())).put("locale", "en-US").putArray("features");
            ObjectNode member = entities.member(store.member(guild.get(), user.id()).orElseThrow(
                    () -> new IllegalArgumentException(user.username() + " is not a member of that guild")), true);
            member.put("permissions", Long.toString(store.permissionsIn(user.id(), channel).orElse(0L)));
            json.set("member", member);
            owners.put("0", Json.id(guild.get()));
        } else {
            json.put("context", 1);
            json.set("user", entities.user(user));
            owners.put("1", Json.id(user.id()));
        }
        return json;
    }

    /**
     * Command data for {@code path} ("cmd", "cmd sub" or "cmd group sub"). Option types come from the registered
     * definition (integers, numbers and booleans are sent as JSON numbers and booleans); {@code focused} marks the
     * option being typed for autocomplete.
     */
    ObjectNode commandData(long commandId, String[] path, JsonNode definition, Map<String, String> options,
                           Optional<String> focused) {
        ObjectNode data = Json.object().put("id", Json.id(commandId)).put("name", path[0]).put("type", 1);
        ArrayNode level = data.putArray("options");
        JsonNode definitions = definition.path("options");
        for (int i = 1; i < path.length; i++) {
            JsonNode sub = named(definitions, path[i]);
            int type = sub.path("type").asInt(i == path.length - 1 ? SUB_COMMAND : SUB_COMMAND_GROUP);
            ObjectNode option = level.addObject().put("name", path[i]).put("type", type);
            level = option.putArray("options");
            definitions = sub.path("options");
        }
        for (Map.Entry<String, String> entry : options.entrySet()) {
            int type = named(definitions, entry.getKey()).path("type").asInt(STRING);
            ObjectNode option = level.addObject().put("name", entry.getKey()).put("type", type);
            if (focused.equals(Optional.of(entry.getKey()))) {
                // What the user is still typing arrives as text, whatever the option's type.
                option.put("value", entry.getValue()).put("focused", true);
            } else {
                setValue(option, type, entry.getValue());
            }
        }
        return data;
    }

    /** A button (component type 2) or string select (type 3) used on {@code messageJson}. */
    static ObjectNode componentData(String customId, int componentType, String... values) {
        ObjectNode data = Json.object().put("custom_id", customId).put("component_type", componentType);
        if (componentType != 2) {
            ArrayNode array = data.putArray("values");
            for (String value : values) {
                array.add(value);
            }
        }
        return data;
    }

    /** A submitted modal: each text input inside a label (component type 18), as Discord sends them now. */
    static ObjectNode modalData(String customId, Map<String, String> fields) {
        ObjectNode data = Json.object().put("custom_id", customId);
        ArrayNode labels = data.putArray("components");
        int id = 1;
        for (Map.Entry<String, String> field : fields.entrySet()) {
            ObjectNode label = labels.addObject().put("type", 18).put("id", id++);
            label.putObject("component").put("type", 4).put("id", id++).put("custom_id", field.getKey())
                    .put("value", field.getValue());
        }
        return data;
    }

    private static void setValue(ObjectNode option, int type, String value) {
        try {
            switch (type) {
                case 4 -> option.put("value", Long.parseLong(value));
                case 5 -> option.put("value", Boolean.parseBoolean(value));
                case 10 -> option.put("value", Double.parseDouble(value));
                default -> option.put("value", value);
            }
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("option " + option.path("name").asText() + " needs a number, got "
                    + value, e);
        }
    }

    private static JsonNode named(JsonNode definitions, String name) {
        for (JsonNode definition : definitions) {
            if (name.equals(definition.path("name").asText())) {
                return definition;
            }
        }
        return Json.MAPPER.missingNode();
    }
}
