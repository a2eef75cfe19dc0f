package io.tzurot.core.channel;

/**
 * The bot owner's limits for every scene.
 *
 * @param maxCharacters characters one channel may hold activated, 1-25
 * @param maxReplies    replies one message may get from a scene (not counting explicit addressing), 1-25
 */
public record SceneLimits(int maxCharacters, int maxReplies) {

    /** The built-in limits: five characters, three replies. */
    public static final SceneLimits DEFAULTS = new SceneLimits(5, 3);

    public SceneLimits {
        check("maxCharacters", maxCharacters, 1, 25);
        check("maxReplies", maxReplies, 1, 25);
    }

    private static void check(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " must be from " + min + " to " + max + ", got " + value);
        }
    }
}
