package io.tzurot.web.openapi;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/** Named JSON schemas for the OpenAPI document, written as plain maps with a few helpers. */
public final class Schemas {

    /**
     * Key of a schema extension naming the media type(s) its body travels as, when not JSON: a string such as
     * {@code multipart/form-data}, or a list for a response that comes in several types.
     */
    public static final String MEDIA_TYPE = "x-media-type";

    private final Map<String, Map<String, Object>> schemas = new LinkedHashMap<>();

    public Schemas() {
        define("Error", object(List.of("error", "message"), Map.of(
                "error", string("Machine-readable code, e.g. bad_request, unauthenticated, forbidden, not_found"),
                "message", string("What went wrong and what is expected"),
                "field", nullable(string("The input field at fault, when there is one")))));
    }

    /** Adds (or replaces) a schema under {@code name}. */
    public Schemas define(String name, Map<String, Object> schema) {
        schemas.put(name, schema);
        return this;
    }

    public boolean has(String name) {
        return schemas.containsKey(name);
    }

    public Map<String, Map<String, Object>> all() {
        return Map.copyOf(schemas);
    }

    public static Map<String, Object> object(List<String> required, Map<String, Object> properties) {
        Map<String, Object> schema = new LinkedHashMap<>();
        schema.put("type", "object");
        if (!required.isEmpty()) {
            schema.put("required", required);
        }
        schema.put("properties", new LinkedHashMap<>(properties));
        schema.put("additionalProperties", false);
        return schema;
    }

    public static Map<String, Object> string(String description) {
        return Map.of("type", "string", "description", description);
    }

    public static Map<String, Object> string(String description, int maxLength) {
        return Map.of("type", "string", "description", description, "minLength", 1, "maxLength", maxLength);
    }

    public static Map<String, Object> format(String format, String description) {
        return Map.of("type", "string", "format", format, "description", description);
    }

    public static Map<String, Object> bool(String description) {
        return Map.of("type", "boolean", "description", description);
    }

    public static Map<String, Object> nullable(Map<String, Object> schema) {
        Map<String, Object> copy = new LinkedHashMap<>(schema);
        copy.put("nullable", true);
        return copy;
    }

    public static Map<String, Object> ref(String name) {
        return Map.of("$ref", "#/components/schemas/" + name);
    }

    public static Map<String, Object> arrayOf(Map<String, Object> items) {
        return Map.of("type", "array", "items", items);
    }
}
