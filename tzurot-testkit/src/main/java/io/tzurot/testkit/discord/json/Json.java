package io.tzurot.testkit.discord.json;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;

/** The simulator's single Jackson mapper plus small helpers for Discord's wire conventions. */
public final class Json {

    public static final ObjectMapper MAPPER = new ObjectMapper();

    private Json() {
    }

    public static ObjectNode object() {
        return MAPPER.createObjectNode();
    }

    public static ArrayNode array() {
        return MAPPER.createArrayNode();
    }

    /** Discord sends snowflakes as strings so JavaScript clients keep full precision. */
    public static String id(long snowflake) {
        return Long.toUnsignedString(snowflake);
    }

    public static String timestamp(Instant instant) {
        return DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(instant.atOffset(ZoneOffset.UTC));
    }

    public static JsonNode parse(String text) {
        try {
            return MAPPER.readTree(text);
        } catch (JsonProcessingException e) {
            throw new IllegalArgumentException("invalid JSON: " + e.getOriginalMessage(), e);
        }
    }

    public static String write(JsonNode node) {
        try {
            return MAPPER.writeValueAsString(node);
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("cannot serialise JSON", e);
        }
    }

    /** Reads a snowflake that may arrive as a JSON string or number. */
    public static long snowflake(JsonNode node, String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            throw new IllegalArgumentException("missing snowflake field '" + field + "'");
        }
        try {
            return value.isNumber() ? value.longValue() : Long.parseUnsignedLong(value.asText());
        } catch (NumberFormatException e) {
            throw new IllegalArgumentException("field '" + field + "' is not a snowflake: " + value.asText(), e);
        }
    }
}
