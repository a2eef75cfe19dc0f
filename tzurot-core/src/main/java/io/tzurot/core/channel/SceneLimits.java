package io.tzurot.core.channel;

/**
 * The bot owner's limits for every scene.
 *
 * @param maxCharacters characters one channel may hold activated, 1-25
 * @param maxReplies    replies one message may get from a scene (not counting explicit addressing), 1-25
 * @param maxChain      the loop guard: character turns one character's post may chain, one after another, before a
 *                      person speaks again, 0-{@value #MAX_CHAIN} (0: characters never answer each other)
 */
public record SceneLimits(int maxCharacters, int maxReplies, int maxChain) {

    /** The most chained character turns the bot owner may allow. */
    public static final int MAX_CHAIN = 10;

    /** The built-in limits: five characters, three replies, no chained turns. */
    public static final SceneLimits DEFAULTS = new SceneLimits(5, 3, 0);

    public SceneLimits {
        check("maxCharacters", maxCharacters, 1, 25);
        check("maxReplies", maxReplies, 1, 25);
        check("maxChain", maxChain, 0, MAX_CHAIN);
    }

    /** Limits without chained turns. */
    public SceneLimits(int maxCharacters, int maxReplies) {
        this(maxCharacters, maxReplies, 0);
    }

    /** True when the {@code turn}-th chained character turn since a person last spoke (1 for the first) may start. */
    public boolean allowsChainTurn(long turn) {
        return turn >= 1 && turn <= maxChain;
    }

    private static void check(String field, int value, int min, int max) {
        if (value < min || value > max) {
            throw new IllegalArgumentException(field + " must be from " + min + " to " + max + ", got " + value);
        }
    }
}
