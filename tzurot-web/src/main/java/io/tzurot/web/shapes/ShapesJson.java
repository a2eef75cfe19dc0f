package io.tzurot.web.shapes;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.StreamReadConstraints;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tzurot.core.failure.DomainException;
import io.tzurot.core.shapes.ShapesCharacter;
import io.tzurot.core.shapes.ShapesExport;
import io.tzurot.core.shapes.ShapesMapping;
import io.tzurot.core.shapes.ShapesMemory;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Reads shapes.inc JSON (live responses and the saved export {@code {config, memories, stories}}) into the core's
 * records. Untrusted input: every refusal is an invalid {@code file} naming the JSON path and what was wrong.
 */
final class ShapesJson {

    /** Most memories one import takes (500 pages of 20 live). */
    static final int MAX_MEMORIES = 20_000;

    private static final ObjectMapper JSON = new ObjectMapper();

    static {
        JSON.getFactory().setStreamReadConstraints(StreamReadConstraints.builder().maxNestingDepth(64).build());
    }

    private final String field;

    /** @param field the field errors are reported on: {@code file} for a saved export, {@code shape} live */
    ShapesJson(String field) {
        this.field = field;
    }

    JsonNode parse(byte[] bytes, String what) {
        try {
            JsonNode node = JSON.readTree(bytes);
            if (node == null || node.isMissingNode()) {
                throw bad(what + " is empty; expected JSON.");
            }
            return node;
        } catch (JsonProcessingException e) {
            throw bad(what + " is not valid JSON (line " + e.getLocation().getLineNr() + ", column "
                    + e.getLocation().getColumnNr() + ").");
        } catch (java.io.IOException e) {
            throw bad(what + " could not be read.");
        }
    }

    /** A saved export file: {@code {config: {...}, memories: [...], stories: [...]}}. */
    ShapesExport exportFile(byte[] bytes) {
        JsonNode root = parse(bytes, "The file");
        if (!root.isObject()) {
            throw bad("The file must be a shapes.inc export: a JSON object with 'config' and 'memories', not "
                    + kind(root) + ".");
        }
        ShapesCharacter character = character(object(root.get("config"), "config"));
        JsonNode memories = root.get("memories");
        List<ShapesMemory> list = new ArrayList<>();
        if (memories != null && !memories.isNull()) {
            if (!memories.isArray()) {
                throw bad("memories must be an array, not " + kind(memories) + ".");
            }
            if (memories.size() > MAX_MEMORIES) {
                throw bad("memories has " + memories.size() + " items; at most " + MAX_MEMORIES + " can be imported.");
            }
            for (int i = 0; i < memories.size(); i++) {
                list.add(memory(memories.get(i), "memories[" + i + "]"));
            }
        }
        JsonNode stories = root.get("stories");
        int storyCount = stories != null && stories.isArray() ? stories.size() : 0;
        return new ShapesExport(character, list, storyCount, null);
    }

    /** A configuration object as text values by key (shape_settings.* nested one level). */
    ShapesCharacter character(JsonNode config) {
        Map<String, String> values = new HashMap<>();
        config.fields().forEachRemaining(e -> {
            JsonNode v = e.getValue();
            if (v.isTextual() || v.isNumber()) {
                values.put(e.getKey(), v.asText());
            } else if (e.getKey().equals("shape_settings") && v.isObject()) {
                v.fields().forEachRemaining(s -> {
                    if (s.getValue().isTextual()) {
                        values.put("shape_settings." + s.getKey(), s.getValue().textValue());
                    }
                });
            }
        });
        try {
            return ShapesMapping.character(values);
        } catch (DomainException e) {
            throw bad(e.getMessage());
        }
    }

    ShapesMemory memory(JsonNode item, String path) {
        JsonNode m = object(item, path);
        JsonNode meta = m.get("metadata");
        if (meta != null && !meta.isNull() && !meta.isObject()) {
            throw bad(path + ".metadata must be an object, not " + kind(meta) + ".");
        }
        JsonNode text = m.get("result");
        if (text != null && !text.isNull() && !text.isTextual()) {
            throw bad(path + ".result must be a string, not " + kind(text) + ".");
        }
        Instant at = null;
        for (String key : List.of("created_at", "end_ts", "start_ts")) {
            JsonNode ts = meta == null ? null : meta.get(key);
            if (ts != null && !ts.isNull()) {
                if (!ts.isNumber()) {
                    throw bad(path + ".metadata." + key + " must be a number (seconds since 1970), not " + kind(ts) + ".");
                }
                double seconds = ts.asDouble();
                if (seconds < 0 || seconds > 32_503_680_000d) {
                    throw bad(path + ".metadata." + key + " is not a plausible time: " + ts.asText() + ".");
                }
                at = Instant.ofEpochMilli((long) (seconds * 1000));
                break;
            }
        }
        if (at == null) {
            throw bad(path + " has no date (metadata.created_at).");
        }
        List<String> senders = strings(m.has("senders") ? m.get("senders") : meta == null ? null : meta.get("senders"),
                path + ".senders");
        JsonNode deleted = m.get("deleted");
        return new ShapesMemory(text == null || text.isNull() ? "" : text.textValue(), at, senders,
                meta == null ? null : optionalText(meta, "discord_channel_id", path),
                meta == null ? null : optionalText(meta, "discord_guild_id", path),
                strings(meta == null ? null : meta.get("msg_ids"), path + ".metadata.msg_ids"),
                optionalText(m, "summary_type", path), deleted != null && deleted.asBoolean(false));
    }

    JsonNode object(JsonNode node, String path) {
        if (node == null || node.isNull() || node.isMissingNode()) {
            throw bad(path + " is missing; expected an object.");
        }
        if (!node.isObject()) {
            throw bad(path + " must be an object, not " + kind(node) + ".");
        }
        return node;
    }

    private List<String> strings(JsonNode node, String path) {
        if (node == null || node.isNull()) {
            return List.of();
        }
        if (!node.isArray()) {
            throw bad(path + " must be an array of strings, not " + kind(node) + ".");
        }
        List<String> out = new ArrayList<>();
        for (int i = 0; i < node.size(); i++) {
            JsonNode v = node.get(i);
            if (!v.isTextual() && !v.isNumber()) {
                throw bad(path + "[" + i + "] must be a string, not " + kind(v) + ".");
            }
            out.add(v.asText());
        }
        return out;
    }

    private String optionalText(JsonNode o, String key, String path) {
        JsonNode v = o.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isTextual() && !v.isNumber()) {
            throw bad(path + "." + key + " must be a string, not " + kind(v) + ".");
        }
        return v.asText();
    }

    DomainException bad(String message) {
        return DomainException.invalid(field, (field.equals("file") ? "The shapes.inc export: " : "shapes.inc sent"
                + " something unexpected: ") + message);
    }

    static String kind(JsonNode n) {
        if (n.isObject()) {
            return "an object";
        }
        if (n.isArray()) {
            return "an array";
        }
        if (n.isTextual()) {
            return "a string";
        }
        if (n.isNumber()) {
            return "a number";
        }
        if (n.isBoolean()) {
            return "a boolean";
        }
        return "null";
    }
}
