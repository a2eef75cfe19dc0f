package io.tzurot.core.swipe;

import io.tzurot.core.conversation.ConversationHistoryRepository;
import io.tzurot.core.persona.PersonaRepository;
import io.tzurot.core.prompt.TokenCounter;
import io.tzurot.core.reply.ExchangeMemories;
import io.tzurot.core.reply.ReplyService;
import io.tzurot.core.user.UserRepository;
import java.time.Clock;
import java.util.Objects;

/** The swipe use cases a face needs, sharing one {@link ReplyTargets} (so one action at a time changes a reply). */
public record SwipeActions(ReplyTargets targets, RegeneratingReply regenerating, SwitchingSwipe switching,
                           DeletingReply deleting) {

    public SwipeActions {
        Objects.requireNonNull(targets, "targets");
        Objects.requireNonNull(regenerating, "regenerating");
        Objects.requireNonNull(switching, "switching");
        Objects.requireNonNull(deleting, "deleting");
    }

    /** The use cases over these repositories, regenerating through {@code replies}. */
    public static SwipeActions of(ConversationHistoryRepository history, PersonaRepository personas, UserRepository users,
                                  SwipeRepository swipes, ExchangeMemories memories, ReplyService replies,
                                  TokenCounter tokens, Clock clock) {
        ReplyTargets targets = new ReplyTargets(history, personas, users);
        return new SwipeActions(targets, new RegeneratingReply(targets, swipes, memories, replies, clock),
                new SwitchingSwipe(targets, swipes, memories, tokens, clock), new DeletingReply(targets, swipes, memories));
    }
}
