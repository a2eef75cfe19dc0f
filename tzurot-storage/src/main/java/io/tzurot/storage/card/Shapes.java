package io.tzurot.storage.card;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.tzurot.core.card.CardFileException;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Type checks on untrusted JSON: each refusal names the JSON path, the expected type and what was found. */
final class Shapes {

    private Shapes() {
    }

    static CardFileException wrongType(String path, String expected, JsonNode found) {
        return new CardFileException(path + " must be " + expected + ", not " + describe(found) + ".");
    }

    static ObjectNode object(JsonNode node, String path) {
        if (node == null || node.isMissingNode()) {
            throw new CardFileException(path + " is missing; expected an object.");
        }
        if (!node.isObject()) {
            throw wrongType(path, "an object", node);
        }
        return (ObjectNode) node;
    }

    /** An array; absent or null is empty unless {@code required}. */
    static ArrayNode array(JsonNode node, String path, boolean required) {
        if (node == null || node.isNull()) {
            if (required) {
                throw new CardFileException(path + " is missing; expected an array.");
            }
            return com.fasterxml.jackson.databind.node.JsonNodeFactory.instance.arrayNode();
        }
        if (!node.isArray()) {
            throw wrongType(path, "an array", node);
        }
        return (ArrayNode) node;
    }

    /** An array of strings; absent or null is empty unless {@code required}. */
    static List<String> strings(JsonNode node, String path, boolean required) {
        ArrayNode a = array(node, path, required);
        List<String> out = new ArrayList<>(a.size());
        for (int i = 0; i < a.size(); i++) {
            JsonNode v = a.get(i);
            if (!v.isTextual()) {
                throw wrongType(path + "[" + i + "]", "a string", v);
            }
            out.add(v.textValue());
        }
        return out;
    }

    /** A string field; absent or null is empty. */
    static Optional<String> optionalText(ObjectNode o, String key, String path) {
        JsonNode v = o.get(key);
        if (v == null || v.isNull()) {
            return Optional.empty();
        }
        if (!v.isTextual()) {
            throw wrongType(path + "." + key, "a string", v);
        }
        return Optional.of(v.textValue());
    }

    static Integer optionalInt(ObjectNode o, String key, String path) {
        JsonNode v = o.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isIntegralNumber() || !v.canConvertToInt()) {
            throw wrongType(path + "." + key, "a whole number", v);
        }
        return v.intValue();
    }

    static Boolean optionalBool(ObjectNode o, String key, String path) {
        JsonNode v = o.get(key);
        if (v == null || v.isNull()) {
            return null;
        }
        if (!v.isBoolean()) {
            throw wrongType(path + "." + key, "true or false", v);
        }
        return v.booleanValue();
    }

    static String describe(JsonNode v) {
        if (v.isTextual()) {
            return "a string";
        }
        if (v.isArray()) {
            return "an array";
        }
        if (v.isObject()) {
            return "an object";
        }
        if (v.isNumber()) {
            return "a number";
        }
        if (v.isBoolean()) {
            return v.asText();
        }
        return v.isNull() ? "null" : v.getNodeType().name().toLowerCase(java.util.Locale.ROOT);
    }
}
