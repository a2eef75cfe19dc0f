package io.tzurot.core.channel;

/**
 * The bot owner's limits for every scene.
 *
 * @param maxCharacters characters one channel may hold activated, 1-25
 * @param maxReplies    replies one message may get from a scene (not counting explicit addressing), 1-25
 * @param chainLimit    character turns in a row without a human message, 0-10 (0: characters never answer each other)
 */
public record SceneLimits(int maxCharacters, int maxReplies, int chainLimit) {

    /** The built-in limits: five characters, three replies, no chaining. */
    public static final SceneLimits DEFAULTS = new SceneLimits(5, 3, 0);

    public SceneLimits {
        check("maxCharacters", maxCharacters, 1, 25);
        check("maxReplies", maxReplies, 1, 25);
        check("chainLimit", chainLimit, 0, 10);
    }

    private static void check(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " must be from " + min + " to " + max + ", got " + value);
        }
    }
}
