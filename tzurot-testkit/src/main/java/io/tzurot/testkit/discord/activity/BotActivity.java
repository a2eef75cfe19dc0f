package io.tzurot.testkit.discord.activity;

import com.fasterxml.jackson.databind.JsonNode;
import io.tzurot.testkit.discord.state.MessageAuthor;
import io.tzurot.testkit.discord.state.SimMessage;
import io.tzurot.testkit.discord.state.SimWebhook;
import java.util.Optional;

/** Something the bot did through the REST API, recorded in order for tests to inspect. */
public sealed interface BotActivity {

    /**
     * A message the bot posted, as itself or through one of its webhooks. {@code threadParentId} is set when the
     * message went into a thread.
     */
    record Posted(SimMessage message, Optional<Long> threadParentId) implements BotActivity {

        public String content() {
            return message.content();
        }

        public long channelId() {
            return message.channelId();
        }

        public boolean viaWebhook() {
            return message.author() instanceof MessageAuthor.Webhook;
        }

        /** The per-message webhook username; empty for messages the bot posted as itself. */
        public Optional<String> webhookUsername() {
            return webhook().map(MessageAuthor.Webhook::username);
        }

        /** The per-message webhook avatar URL; empty when none was given or the bot posted as itself. */
        public Optional<String> webhookAvatarUrl() {
            return webhook().map(MessageAuthor.Webhook::avatarUrl);
        }

        private Optional<MessageAuthor.Webhook> webhook() {
            return message.author() instanceof MessageAuthor.Webhook w ? Optional.of(w) : Optional.empty();
        }
    }

    /** The bot edited one of its messages (or one of its webhook's messages). */
    record Edited(SimMessage message) implements BotActivity {
    }

    /** The bot deleted a message. */
    record Deleted(long channelId, long messageId) implements BotActivity {
    }

    /** The bot read a page of a channel's message history (GET channels/{id}/messages). */
    /** The bot added ({@code added}) or removed a reaction of {@code userId} (its own or another's). */
    record Reacted(long channelId, long messageId, String emoji, long userId, boolean added) implements BotActivity {
    }

    record HistoryRead(long channelId) implements BotActivity {
    }

    /** The bot left a guild (DELETE users/@me/guilds/{id}). */
    /** The bot set its status and activity (gateway PRESENCE_UPDATE: {@code status}, {@code activities}). */
    record PresenceUpdated(JsonNode data) implements BotActivity {
    }

    record LeftGuild(long guildId) implements BotActivity {
    }

    /** The bot triggered the typing indicator in a channel. */
    record Typing(long channelId) implements BotActivity {
    }

    /** The bot created a webhook. */
    record WebhookCreated(SimWebhook webhook) implements BotActivity {
    }

    /** A message the bot sent that only the interacting user sees; it is in no channel's history. */
    record Ephemeral(long interactionId, SimMessage message) implements BotActivity {
    }

    /** The bot answered an interaction; {@code data} is the callback's {@code data} object (may be null JSON). */
    record InteractionAnswered(long interactionId, int callbackType, JsonNode data) implements BotActivity {
    }
}
