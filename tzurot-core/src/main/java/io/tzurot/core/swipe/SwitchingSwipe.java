package io.tzurot.core.swipe;

import io.tzurot.core.prompt.TokenCounter;
import io.tzurot.core.reply.ExchangeMemories;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Moves a reply to another of its versions: only its requester, only on the character's latest reply in the channel,
 * only to a version that exists. The chosen version's text replaces the history turn, and the exchange's long-term
 * memory is replaced by the chosen version's (re-embedded), never added to.
 */
public final class SwitchingSwipe {

    private final ReplyTargets targets;
    private final SwipeRepository swipes;
    private final ExchangeMemories memories;
    private final TokenCounter tokens;
    private final Clock clock;

    public SwitchingSwipe(ReplyTargets targets, SwipeRepository swipes, ExchangeMemories memories, TokenCounter tokens,
                          Clock clock) {
        this.targets = Objects.requireNonNull(targets, "targets");
        this.swipes = Objects.requireNonNull(swipes, "swipes");
        this.memories = Objects.requireNonNull(memories, "memories");
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** Shows the version {@code step} places away from the chosen one (−1 ◀, +1 ▶). */
    public SwipeOutcome step(ReplyTarget target, String actorId, int step) {
        int chosen = swipes.list(target.reply().id()).stream().filter(Swipe::chosen).mapToInt(Swipe::index)
                .findFirst().orElse(0);
        return switchTo(target, actorId, chosen + step);
    }

    /** Shows version {@code index}. */
    public SwipeOutcome switchTo(ReplyTarget target, String actorId, int index) {
        if (!ReplyTargets.mayChange(target, actorId)) {
            return new SwipeOutcome.Refused(SwipeOutcome.Reason.FORBIDDEN, "Only the person who asked can swipe this reply.");
        }
        if (!targets.isLatest(target, clock.instant())) {
            return new SwipeOutcome.Refused(SwipeOutcome.Reason.NOT_LATEST, "Only the character's latest reply can be swiped.");
        }
        if (!targets.claim(target.reply().id())) {
            return new SwipeOutcome.Refused(SwipeOutcome.Reason.BUSY, "This reply is already changing; try again in a moment.");
        }
        try {
            List<Swipe> all = swipes.list(target.reply().id());
            if (all.isEmpty() && index == 0) {
                // never regenerated: its one version is the text it has
                return new SwipeOutcome.Shown(target, target.reply().content(), Optional.empty(), 0, 1,
                        target.reply().discordMessageIds(), Optional.empty());
            }
            if (index < 0 || index >= all.size()) {
                return new SwipeOutcome.Refused(SwipeOutcome.Reason.NO_SUCH_SWIPE, all.isEmpty()
                        ? "This reply has only one version; regenerate it to get another."
                        : "There is no version " + (index + 1) + "; this reply has " + all.size() + ".");
            }
            Swipe next = all.get(index);
            String old = target.reply().content();
            if (!next.chosen()) {
                swipes.choose(target.reply().id(), index);
            }
            if (!old.equals(next.content())) {
                targets.history().edit(target.reply().id(), next.content(), tokens.count(next.content()), clock.instant());
                if (memories.exists(target.reply(), target.asked(), old)) {
                    memories.forget(target.reply(), target.asked(), old);
                    memories.store(target.reply(), target.asked(), next.content());
                }
            }
            return new SwipeOutcome.Shown(target, next.content(), footer(all, next), index, all.size(),
                    target.reply().discordMessageIds(), Optional.empty());
        } finally {
            targets.release(target.reply().id());
        }
    }

    /** A version's footer; the first version's is not known, so it borrows a later one's (same model and notices). */
    static Optional<String> footer(List<Swipe> all, Swipe shown) {
        return shown.footer().or(() -> all.stream().map(Swipe::footer).flatMap(Optional::stream).findFirst());
    }
}
