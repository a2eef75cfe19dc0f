package io.tzurot.web.http;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.util.ArrayList;
import java.util.Iterator;
import java.util.List;
import java.util.Optional;
import java.util.Set;

/** A parsed JSON object body with typed, validated accessors; every failure is a 400 naming the field. */
public final class JsonBody {

    private final ObjectNode node;

    JsonBody(ObjectNode node) {
        this.node = node;
    }

    /** A body made from plain values (strings, numbers, booleans, lists, maps), e.g. from a console form. */
    public static JsonBody of(java.util.Map<String, ?> values) {
        return new JsonBody(Inputs.MAPPER.valueToTree(values));
    }

    /** Rejects fields the route does not know, so typos are reported instead of ignored. */
    public JsonBody allowOnly(Set<String> fields) {
        List<String> unknown = new ArrayList<>();
        for (Iterator<String> it = node.fieldNames(); it.hasNext(); ) {
            String name = it.next();
            if (!fields.contains(name)) {
                unknown.add(name);
            }
        }
        if (!unknown.isEmpty()) {
            throw ApiException.badRequest(unknown.get(0), "Unknown field '" + unknown.get(0) + "'; allowed fields: "
                    + String.join(", ", fields.stream().sorted().toList()) + ".");
        }
        return this;
    }

    /** The raw text of {@code field} (400 when it is not a string); empty when absent or null. */
    public Optional<String> string(String field) {
        return text(field);
    }

    public String requiredString(String field, int maxLength) {
        return Inputs.requiredString(field, text(field).orElse(null), maxLength);
    }

    public Optional<String> optionalString(String field, int maxLength) {
        return text(field).flatMap(v -> Inputs.optionalString(field, v, maxLength));
    }

    /**
     * Create and PATCH in one: the body's value of a required text field, or {@code current} when the body
     * does not mention it ({@code current} null: creating, so the field is required).
     */
    public String requiredStringOr(String field, int maxLength, String current) {
        return !has(field) && current != null ? current : requiredString(field, maxLength);
    }

    /** Create and PATCH in one: an optional text field; absent keeps {@code current}, null or "" clears it. */
    public String optionalStringOr(String field, int maxLength, String current) {
        return has(field) ? optionalString(field, maxLength).orElse(null) : current;
    }

    public boolean optionalBoolean(String field, boolean fallback) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return fallback;
        }
        if (!value.isBoolean()) {
            throw ApiException.badRequest(field, "'" + field + "' must be true or false, got " + Inputs.kind(value) + ".");
        }
        return value.booleanValue();
    }

    public long requiredInteger(String field, long min, long max) {
        JsonNode value = node.get(field);
        if (value == null || !value.isIntegralNumber() || !value.canConvertToLong()
                || value.longValue() < min || value.longValue() > max) {
            throw ApiException.badRequest(field, "'" + field + "' must be a whole number from " + min + " to " + max + ".");
        }
        return value.longValue();
    }

    public <E extends Enum<E>> E requiredEnum(String field, Class<E> type) {
        return Inputs.oneOf(field, text(field).orElse(null), type);
    }

    /** True when the body mentions {@code field}, even as null (PATCH: absent means "leave unchanged"). */
    public boolean has(String field) {
        return node.has(field);
    }

    /** True when the body sets {@code field} to an explicit null (PATCH: "clear it"). */
    public boolean isNull(String field) {
        return node.has(field) && node.get(field).isNull();
    }

    /** The object as plain Java values (maps, lists, numbers, booleans, strings, null), for open-ended shapes. */
    public java.util.Map<String, Object> asMap() {
        java.util.Map<String, Object> map = new java.util.LinkedHashMap<>();
        node.fields().forEachRemaining(e -> map.put(e.getKey(), plain(e.getValue())));
        return map;
    }

    /** The value of {@code field} as a nested object body; empty when absent or null. */
    public Optional<JsonBody> optionalObject(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isObject()) {
            throw ApiException.badRequest(field, "'" + field + "' must be an object, got " + Inputs.kind(value) + ".");
        }
        return Optional.of(new JsonBody((ObjectNode) value));
    }

    private static Object plain(JsonNode value) {
        if (value.isObject()) {
            return new JsonBody((ObjectNode) value).asMap();
        }
        if (value.isArray()) {
            List<Object> list = new ArrayList<>();
            value.forEach(v -> list.add(plain(v)));
            return list;
        }
        if (value.isNumber()) {
            return value.numberValue();
        }
        if (value.isBoolean()) {
            return value.booleanValue();
        }
        return value.isNull() ? null : value.asText();
    }

    private Optional<String> text(String field) {
        JsonNode value = node.get(field);
        if (value == null || value.isNull()) {
            return Optional.empty();
        }
        if (!value.isTextual()) {
            throw ApiException.badRequest(field, "'" + field + "' must be a string, got " + Inputs.kind(value) + ".");
        }
        return Optional.of(value.textValue());
    }
}
