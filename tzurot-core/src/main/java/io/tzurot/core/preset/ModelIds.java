package io.tzurot.core.preset;

import io.tzurot.core.failure.DomainException;
import java.util.regex.Pattern;

/**
 * Model ids as providers spell them: {@code anthropic/claude-haiku-4.5},
 * {@code meta-llama/llama-3.1-8b-instruct:free}, {@code qwen2.5:7b} (Ollama),
 * {@code hf.co/org/model-GGUF:Q4_K_M}. Path segments start with a letter or digit, so {@code ..}
 * and absolute paths cannot be expressed; at most 200 characters.
 */
public final class ModelIds {

    /** Longest model id. */
    public static final int MAX = 200;

    private static final String SEGMENT = "[A-Za-z0-9][A-Za-z0-9._+-]*";
    private static final Pattern SHAPE = Pattern.compile(SEGMENT + "(/" + SEGMENT + "){0,3}(:" + SEGMENT + ")?");

    private ModelIds() {
    }

    /** Whether {@code id} has the shape of a model id. */
    public static boolean isValid(String id) {
        return id != null && id.length() <= MAX && !id.contains("..") && SHAPE.matcher(id).matches();
    }

    /** The id (trimmed), or an invalid-field error naming {@code field}. */
    public static String require(String field, String raw) {
        String id = raw == null ? "" : raw.strip();
        if (id.isEmpty()) {
            throw DomainException.invalid(field, "'" + field + "' is required: a model id such as anthropic/claude-haiku-4.5.");
        }
        if (!isValid(id)) {
            throw DomainException.invalid(field, "'" + field + "' is not a model id: expected provider/model with an optional"
                    + " :tag, letters, digits, '.', '_', '+' and '-' (e.g. anthropic/claude-haiku-4.5,"
                    + " meta-llama/llama-3.1-8b-instruct:free or qwen2.5:7b), at most " + MAX + " characters.");
        }
        return id;
    }
}
