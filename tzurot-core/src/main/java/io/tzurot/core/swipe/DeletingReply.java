package io.tzurot.core.swipe;

import io.tzurot.core.reply.ExchangeMemories;
import java.util.Objects;

/**
 * Deletes a character's reply: by its requester or a moderator of the channel. The history turn, its versions and
 * the exchange's long-term memory go; the person's own turn stays. The face deletes the posted messages.
 */
public final class DeletingReply {

    private final ReplyTargets targets;
    private final SwipeRepository swipes;
    private final ExchangeMemories memories;

    public DeletingReply(ReplyTargets targets, SwipeRepository swipes, ExchangeMemories memories) {
        this.targets = Objects.requireNonNull(targets, "targets");
        this.swipes = Objects.requireNonNull(swipes, "swipes");
        this.memories = Objects.requireNonNull(memories, "memories");
    }

    /** Deletes the reply when {@code actorId} asked for it or {@code moderator} (may manage the channel's messages). */
    public SwipeOutcome delete(ReplyTarget target, String actorId, boolean moderator) {
        if (!ReplyTargets.mayDelete(target, actorId, moderator)) {
            return new SwipeOutcome.Refused(SwipeOutcome.Reason.FORBIDDEN,
                    "Only the person who asked, or a moderator, can delete this reply.");
        }
        if (!targets.claim(target.reply().id())) {
            return new SwipeOutcome.Refused(SwipeOutcome.Reason.BUSY, "This reply is changing; try again in a moment.");
        }
        try {
            memories.forget(target.reply(), target.asked(), target.reply().content());
            swipes.deleteOf(target.reply().id());
            targets.history().remove(target.reply().id());
            return new SwipeOutcome.Deleted(target, target.reply().discordMessageIds());
        } finally {
            targets.release(target.reply().id());
        }
    }
}
