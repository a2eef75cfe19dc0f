package io.tzurot.testkit.discord.gateway;

import java.util.Optional;

/** Gateway intent bits, and which intent a dispatch needs before Discord sends it to a session. */
public final class Intents {

    public static final long GUILDS = 1L;
    public static final long GUILD_MEMBERS = 1L << 1;
    public static final long GUILD_WEBHOOKS = 1L << 5;
    public static final long GUILD_MESSAGES = 1L << 9;
    public static final long GUILD_MESSAGE_REACTIONS = 1L << 10;
    public static final long GUILD_MESSAGE_TYPING = 1L << 11;
    public static final long DIRECT_MESSAGES = 1L << 12;
    public static final long DIRECT_MESSAGE_REACTIONS = 1L << 13;
    public static final long DIRECT_MESSAGE_TYPING = 1L << 14;
    public static final long MESSAGE_CONTENT = 1L << 15;

    private Intents() {
    }

    /** The intent an event needs; empty when every session receives it (READY, RESUMED, INTERACTION_CREATE). */
    public static Optional<Long> requiredFor(String eventType, boolean inGuild) {
        if (eventType.startsWith("MESSAGE_REACTION_")) {
            return Optional.of(inGuild ? GUILD_MESSAGE_REACTIONS : DIRECT_MESSAGE_REACTIONS);
        }
        if (eventType.startsWith("MESSAGE_")) {
            return Optional.of(inGuild ? GUILD_MESSAGES : DIRECT_MESSAGES);
        }
        if (eventType.equals("TYPING_START")) {
            return Optional.of(inGuild ? GUILD_MESSAGE_TYPING : DIRECT_MESSAGE_TYPING);
        }
        if (eventType.startsWith("GUILD_MEMBER_")) {
            return Optional.of(GUILD_MEMBERS);
        }
        if (eventType.equals("WEBHOOKS_UPDATE")) {
            return Optional.of(GUILD_WEBHOOKS);
        }
        if (eventType.startsWith("GUILD_") || eventType.startsWith("CHANNEL_") || eventType.startsWith("THREAD_")) {
            return Optional.of(GUILDS);
        }
        return Optional.empty();
    }

    public static boolean has(long intents, long intent) {
        return (intents & intent) == intent;
    }
}
