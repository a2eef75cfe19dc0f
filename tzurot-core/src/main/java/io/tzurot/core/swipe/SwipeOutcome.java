package io.tzurot.core.swipe;

import io.tzurot.core.reply.ReplyOutcome;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What a regenerate, swipe or delete did. */
public sealed interface SwipeOutcome {

    /**
     * The reply now shows version {@code index} of {@code count}.
     *
     * @param discordMessageIds the messages it was posted as (the face edits them; empty outside Discord)
     * @param answer the engine's whole answer, when it just wrote this version (a regenerate)
     */
    record Shown(ReplyTarget target, String content, Optional<String> footer, int index, int count,
                 List<String> discordMessageIds, Optional<ReplyOutcome.Replied> answer) implements SwipeOutcome {
        public Shown {
            Objects.requireNonNull(target, "target");
            Objects.requireNonNull(content, "content");
            footer = Objects.requireNonNullElse(footer, Optional.<String>empty());
            discordMessageIds = List.copyOf(discordMessageIds);
            answer = Objects.requireNonNullElse(answer, Optional.<ReplyOutcome.Replied>empty());
        }

        /** The character as the engine named it, when it just answered. */
        public Optional<ReplyOutcome.PersonalityCard> card() {
            return answer.flatMap(ReplyOutcome.Replied::personality);
        }
    }

    /** The reply, its versions and its memory are gone; {@code discordMessageIds} are the messages to delete. */
    record Deleted(ReplyTarget target, List<String> discordMessageIds) implements SwipeOutcome {
        public Deleted {
            Objects.requireNonNull(target, "target");
            discordMessageIds = List.copyOf(discordMessageIds);
        }
    }

    /** Nothing changed, for {@code reason}; {@code message} is for the person. */
    record Refused(Reason reason, String message) implements SwipeOutcome {
        public Refused {
            Objects.requireNonNull(reason, "reason");
            Objects.requireNonNull(message, "message");
        }
    }

    /** Why an action was refused. */
    enum Reason {
        /** Only the person who asked (or, for a delete, a moderator) may. */
        FORBIDDEN,
        /** Only the character's latest reply in the channel can be regenerated or swiped. */
        NOT_LATEST,
        /** There is no version there. */
        NO_SUCH_SWIPE,
        /** Another regenerate or swipe of this reply is running. */
        BUSY,
        /** The model could not answer; the reply stays as it was. */
        FAILED
    }
}
