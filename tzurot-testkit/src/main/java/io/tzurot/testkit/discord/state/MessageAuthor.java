package io.tzurot.testkit.discord.state;

/** Who a message appears to come from: a user (or the bot) or a webhook with a per-message name and avatar. */
public sealed interface MessageAuthor {

    /** A message posted by a user account, including the bot itself. */
    record User(long userId) implements MessageAuthor {
    }

    /** A message posted through a webhook; {@code username} and {@code avatarUrl} are the per-message overrides. */
    record Webhook(long webhookId, String username, String avatarUrl) implements MessageAuthor {
    }
}
