package io.tzurot.storage.settings;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tzurot.core.settings.ConfigOverrides;
import io.tzurot.storage.db.JsonText;
import java.util.LinkedHashMap;
import java.util.Map;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The JSON form of a settings tier: absent keys inherit, {@code null} values clear. A stored tier that
 * is not valid JSON, has unknown keys or values out of range is ignored with a warning, never fatal.
 */
public final class ConfigOverridesJson {

    private static final Logger LOG = LoggerFactory.getLogger(ConfigOverridesJson.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private ConfigOverridesJson() {
    }

    /** Decodes a stored tier; {@code where} names the row in the warning (never user content). */
    public static ConfigOverrides read(String json, String where) {
        if (json == null || json.isBlank()) {
            return ConfigOverrides.EMPTY;
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(json);
        } catch (JsonProcessingException e) {
            LOG.warn("ignoring settings tier {}: not valid JSON", where);
            return ConfigOverrides.EMPTY;
        }
        if (node == null || node.isNull()) {
            return ConfigOverrides.EMPTY;
        }
        if (!node.isObject()) {
            LOG.warn("ignoring settings tier {}: not a JSON object", where);
            return ConfigOverrides.EMPTY;
        }
        Map<String, Object> entries = new LinkedHashMap<>();
        for (Map.Entry<String, JsonNode> field : node.properties()) {
            entries.put(field.getKey(), scalar(field.getValue()));
        }
        ConfigOverrides.Parsed parsed = ConfigOverrides.parse(entries);
        if (parsed instanceof ConfigOverrides.Parsed.Invalid invalid) {
            LOG.warn("ignoring settings tier {}: {}", where, String.join("; ", invalid.problems()));
            return ConfigOverrides.EMPTY;
        }
        return ((ConfigOverrides.Parsed.Valid) parsed).overrides();
    }

    /** Encodes a tier for a JSON column; an empty tier is stored as SQL NULL. */
    public static JsonText write(ConfigOverrides overrides) {
        if (overrides == null || overrides.isEmpty()) {
            return null;
        }
        try {
            return new JsonText(MAPPER.writeValueAsString(overrides.toEntries()));
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("settings tier cannot be encoded", e);
        }
    }

    private static Object scalar(JsonNode value) {
        if (value.isNull()) {
            return null;
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        if (value.isNumber()) {
            return value.numberValue();
        }
        // strings, arrays and objects are never valid setting values; keep them for the error message
        return value.toString();
    }
}
