package io.tzurot.web.http;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.javalin.http.Context;
import io.tzurot.core.text.TextRules;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Validation at the boundary: every helper either returns a clean value or throws a 400
 * {@link ApiException} that names the field and says what is expected.
 */
public final class Inputs {

    /** Largest JSON body a route accepts unless it says otherwise. */
    public static final int MAX_JSON_BYTES = 1024 * 1024;

    // a key given twice is refused rather than letting the last one silently win
    static final ObjectMapper MAPPER = new ObjectMapper()
            .enable(DeserializationFeature.FAIL_ON_TRAILING_TOKENS)
            .enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION);
    private static final Pattern DUPLICATE = Pattern.compile("Duplicate field '(.*)'");

    private Inputs() {
    }

    /** The body as a JSON object, with a clear 400 for a wrong content type or malformed JSON and 413 when too large. */
    public static JsonBody jsonBody(Context ctx) {
        return jsonBody(ctx, MAX_JSON_BYTES);
    }

    public static JsonBody jsonBody(Context ctx, int maxBytes) {
        String type = ctx.contentType();
        if (type == null || !type.toLowerCase(Locale.ROOT).startsWith("application/json")) {
            throw ApiException.badRequest(null, "Send a JSON object with 'Content-Type: application/json'.");
        }
        if (ctx.contentLength() > maxBytes) {
            throw ApiException.tooLarge(null, maxBytes);
        }
        byte[] bytes = ctx.bodyAsBytes();
        if (bytes.length > maxBytes) {
            throw ApiException.tooLarge(null, maxBytes);
        }
        return parseObject(bytes);
    }

    /** Parses bytes as one JSON object. */
    public static JsonBody parseObject(byte[] bytes) {
        if (bytes.length == 0) {
            throw ApiException.badRequest(null, "The request body is empty; expected a JSON object.");
        }
        JsonNode node;
        try {
            node = MAPPER.readTree(bytes);
        } catch (JsonProcessingException e) {
            Matcher duplicate = DUPLICATE.matcher(e.getOriginalMessage() == null ? "" : e.getOriginalMessage());
            if (duplicate.find()) {
                String field = duplicate.group(1);
                throw ApiException.badRequest(field, "'" + field + "' appears more than once in the body; give each field once.");
            }
            JsonLocation at = e.getLocation();
            String where = at == null ? "" : " at line " + at.getLineNr() + ", column " + at.getColumnNr();
            throw ApiException.badRequest(null, "The body is not valid JSON" + where + "; expected a JSON object.");
        } catch (java.io.IOException e) {
            throw ApiException.badRequest(null, "The body could not be read as JSON; expected a JSON object.");
        }
        if (node == null || !node.isObject()) {
            throw ApiException.badRequest(null, "Expected a JSON object ({...}), got " + kind(node) + ".");
        }
        return new JsonBody((ObjectNode) node);
    }

    /**
     * A required free text value (messages, queries, labels): trimmed, non-empty, at most {@code maxLength}
     * characters counted as the core counts them ({@link TextRules#length}, code points). Names and texts of
     * characters, personas and presets go through the core's stricter {@link TextRules} in their use cases.
     */
    public static String requiredString(String field, String value, int maxLength) {
        String trimmed = value == null ? "" : value.strip();
        if (trimmed.isEmpty()) {
            throw ApiException.badRequest(field, "'" + field + "' is required: text of 1-" + maxLength + " characters.");
        }
        return checkLength(field, trimmed, maxLength);
    }

    /** An optional free text value: trimmed; empty means absent. */
    public static Optional<String> optionalString(String field, String value, int maxLength) {
        String trimmed = value == null ? "" : value.strip();
        return trimmed.isEmpty() ? Optional.empty() : Optional.of(checkLength(field, trimmed, maxLength));
    }

    private static String checkLength(String field, String value, int maxLength) {
        int length = TextRules.length(value);
        if (length > maxLength) {
            throw ApiException.badRequest(field, "'" + field + "' is at most " + maxLength + " characters, got " + length + ".");
        }
        return value;
    }

    /** One of the enum's constants, matched case-insensitively by name. */
    public static <E extends Enum<E>> E oneOf(String field, String value, Class<E> type) {
        List<String> allowed = Arrays.stream(type.getEnumConstants()).map(c -> c.name().toLowerCase(Locale.ROOT)).toList();
        if (value != null) {
            for (E constant : type.getEnumConstants()) {
                if (constant.name().equalsIgnoreCase(value.strip())) {
                    return constant;
                }
            }
        }
        throw ApiException.badRequest(field, "'" + field + "' must be one of " + String.join(", ", allowed) + ".");
    }

    /** A whole number in {@code [min, max]}. */
    public static long integer(String field, String value, long min, long max) {
        try {
            long n = Long.parseLong(value == null ? "" : value.strip());
            if (n >= min && n <= max) {
                return n;
            }
        } catch (NumberFormatException ignored) {
            // reported below with the expected range
        }
        throw ApiException.badRequest(field, "'" + field + "' must be a whole number from " + min + " to " + max + ".");
    }

    /** A path parameter that must be a UUID. */
    public static UUID uuid(String field, String value) {
        try {
            if (value != null && value.length() == 36) {
                return UUID.fromString(value);
            }
        } catch (IllegalArgumentException ignored) {
            // reported below
        }
        throw ApiException.badRequest(field, "'" + field + "' must be a UUID such as 123e4567-e89b-12d3-a456-426614174000.");
    }

    /** An optional boolean query parameter: absent means {@code fallback}; only "true" and "false" are accepted. */
    public static boolean booleanParam(String field, String value, boolean fallback) {
        if (value == null || value.isBlank()) {
            return fallback;
        }
        return switch (value.strip().toLowerCase(Locale.ROOT)) {
            case "true" -> true;
            case "false" -> false;
            default -> throw ApiException.badRequest(field, "'" + field + "' must be true or false.");
        };
    }

    static String kind(JsonNode node) {
        if (node == null || node.isMissingNode()) {
            return "nothing";
        }
        return switch (node.getNodeType()) {
            case ARRAY -> "an array";
            case STRING -> "a string";
            case NUMBER -> "a number";
            case BOOLEAN -> "a boolean";
            case NULL -> "null";
            default -> "a " + node.getNodeType().name().toLowerCase(Locale.ROOT);
        };
    }
}
