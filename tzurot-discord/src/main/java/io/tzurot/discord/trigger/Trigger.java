package io.tzurot.discord.trigger;

import io.tzurot.core.personality.Personality;
import io.tzurot.core.user.User;
import java.util.List;
import java.util.Objects;

/** What a message asks of the bot, decided by {@link TriggerResolver}. */
public sealed interface Trigger {

    /**
     * A voice message was transcribed: the transcript is posted first (as the bot, replying), then {@code then}
     * runs, its characters hearing the transcript as the message.
     */
    record Transcribed(String transcript, Trigger then) implements Trigger {
        public Transcribed {
            Objects.requireNonNull(transcript, "transcript");
            Objects.requireNonNull(then, "then");
        }
    }

    /**
     * A ghost channel (the bot only listens there): what {@code invoke} addressed to its characters is recorded in
     * their history, no model is asked and nothing is posted.
     */
    record Ghost(Invoke invoke) implements Trigger {
        public Ghost {
            Objects.requireNonNull(invoke, "invoke");
        }
    }

    /** Nothing: not addressed to the bot, or filtered. */
    record Ignore(String why) implements Trigger {
    }

    /**
     * The bot answers as itself (help, verification, notices).
     *
     * @param deleteAfterSeconds delete the answer after this long; 0 keeps it
     */
    record BotAnswer(String text, int deleteAfterSeconds) implements Trigger {
        public BotAnswer {
            Objects.requireNonNull(text, "text");
        }
    }

    /**
     * Characters answer, in this order.
     *
     * @param content the message text with the characters' mentions removed
     * @param autoResponse true when no one was addressed explicitly (activation, DM session)
     * @param notice a bot message to post first (e.g. the NSFW verification confirmation), may be empty
     */
    record Invoke(User user, List<Personality> personalities, String content, boolean autoResponse, String notice)
            implements Trigger {
        public Invoke {
            Objects.requireNonNull(user, "user");
            personalities = List.copyOf(personalities);
            if (personalities.isEmpty()) {
                throw new IllegalArgumentException("an invocation needs at least one personality");
            }
            content = content == null ? "" : content;
            notice = notice == null ? "" : notice;
        }
    }
}
