package io.tzurot.core.notes;

import io.tzurot.core.failure.DomainException;
import io.tzurot.core.prompt.TokenCounter;

/** The valid values of author's notes and user prompts (one place for every face). */
public final class NoteLimits {

    /** The longest author's note, in tokens of the prompt's tokenizer. */
    public static final int MAX_NOTE_TOKENS = 1000;
    /** The longest user prompt, in tokens of the prompt's tokenizer. */
    public static final int MAX_USER_PROMPT_TOKENS = 1000;
    /** The storage bound on either text, in characters (checked before counting tokens). */
    public static final int MAX_CHARS = 8000;
    /** The deepest insertion (SillyTavern's scan limit). */
    public static final int MAX_DEPTH = 1000;
    /** The largest frequency (every n-th user message). */
    public static final int MAX_FREQUENCY = 1000;

    private NoteLimits() {
    }

    /** {@code text} stripped, when non-blank and within both limits; invalid {@code field} otherwise. */
    static String text(String field, String text, int maxTokens, TokenCounter tokens) {
        String value = text == null ? "" : text.strip();
        if (value.isEmpty()) {
            throw DomainException.invalid(field, "'" + field + "' must not be empty (clear it instead).");
        }
        if (value.length() > MAX_CHARS) {
            throw DomainException.invalid(field, "'" + field + "' is " + value.length() + " characters; at most "
                    + MAX_CHARS + " are allowed.");
        }
        int count = tokens.count(value);
        if (count > maxTokens) {
            throw DomainException.invalid(field, "'" + field + "' is " + count + " tokens; at most " + maxTokens
                    + " are allowed. Shorten it; nothing was saved.");
        }
        return value;
    }

    static int depth(int depth) {
        if (depth < 0 || depth > MAX_DEPTH) {
            throw DomainException.invalid("depth", "'depth' must be 0-" + MAX_DEPTH
                    + " (messages from the end of the conversation; 0 = after the newest).");
        }
        return depth;
    }

    static int frequency(int frequency) {
        if (frequency < 0 || frequency > MAX_FREQUENCY) {
            throw DomainException.invalid("frequency", "'frequency' must be 0-" + MAX_FREQUENCY
                    + " (0 = never, 1 = every message, n = every n-th message).");
        }
        return frequency;
    }
}
