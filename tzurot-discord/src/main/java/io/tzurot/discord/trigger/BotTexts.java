package io.tzurot.discord.trigger;

/** What the bot says as itself. */
public final class BotTexts {

    public static final String HELP = """
            **Hi! I'm the home of the characters on this server.**
            • Mention a character to talk to it: `@character_name hello`
            • Reply to any character's message to continue with that character
            • `/character browse` shows who you can talk to, `/chat` sends one of them a message, and `/help` lists\
             every command""";

    public static final String NO_ACTIVE_CONVERSATION = """
            **No active conversation**
            To start chatting, mention a character: `@character_name hello`
            Or reply to any of my previous messages.""";

    public static final String VERIFICATION_REQUIRED = """
            **Age Verification Required**
            Characters may produce mature content, so a one-time verification is needed:
            1. Go to any Discord server with an **NSFW (age-restricted) channel**
            2. Send me a message there using `@personality_name hello`
            3. Once verified, you can chat with me anywhere!""";

    public static final String VERIFIED = "✅ **NSFW verification complete!** You can now chat with personalities anywhere.";

    public static final String TRANSCRIPTION_FAILED = "Sorry, I couldn't transcribe that voice message.";

    /** Posted once when a reply has been in the works for ten minutes; the reply still comes when it is ready. */
    public static final String TAKING_LONGER = "⏱️ This is taking longer than usual. I'm still on it, and you'll get"
            + " the answer here as soon as it's ready.";

    public static final String PROCESSING_ERROR = "Sorry, I encountered an error processing your message.";

    private BotTexts() {
    }

    /**
     * Told once per wait to someone asking for replies faster than the bot owner allows; what they send until then
     * is dropped, not queued.
     */
    public static String rateLimited(java.time.Duration retryAfter) {
        return "⏳ You're sending messages faster than I can answer. Messages sent in the next " + seconds(retryAfter)
                + " won't get a reply; try again after that.";
    }

    /** The answer to a slash command refused by the rate limit. */
    public static String commandsRateLimited(java.time.Duration retryAfter) {
        return "⏳ Too many commands at once. Try again in " + seconds(retryAfter) + ".";
    }

    private static String seconds(java.time.Duration wait) {
        long s = Math.max(1, (wait.toMillis() + 999) / 1000);
        return s == 1 ? "1 second" : s + " seconds";
    }

    /** Told (at most hourly) to someone whose channel's activated character is private to another user. */
    public static String privateActivation(String name) {
        return "📍 This channel has **" + name + "** activated, but it's a private personality you don't have access"
                + " to. You can still @mention other personalities or ask the personality owner for access.";
    }
}
