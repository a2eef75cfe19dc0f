package io.tzurot.core.reply;

import io.tzurot.core.response.PriorReply;
import io.tzurot.core.response.ReplyEmbeddings;
import java.util.List;
import java.util.concurrent.CompletableFuture;

/**
 * The replies a turn's duplicate check compares with. A delivered reply's vector is made when a later turn first needs
 * it ({@link ReplyEmbeddings#keep}), so {@link #start} attaches the vectors on the pool while the model answers, and
 * {@link #take} has them when the answer is judged.
 */
final class PriorReplies {

    private PriorReplies() {
    }

    /** The key of the turn's conversation (character + channel). */
    static String conversation(ReplyContext context) {
        return ReplyEmbeddings.conversation(context.personality().id(), context.request().channelId());
    }

    /** Starts attaching the vectors of the turn's recent replies (none to attach: done at once). */
    static CompletableFuture<List<PriorReply>> start(ReplyTurn turn, ReplyEmbeddings embeddings) {
        List<PriorReply> recent = recent(turn);
        return recent.isEmpty() ? CompletableFuture.completedFuture(recent)
                : CompletableFuture.supplyAsync(() -> embeddings.attach(conversation(turn.context), recent), turn.cpu);
    }

    /**
     * The recent replies with their vectors: {@link #start}'s, or (not started yet: the pool is busy) attached here,
     * never waited for behind other work on the pool.
     */
    static List<PriorReply> take(ReplyTurn turn, ReplyEmbeddings embeddings) {
        if (turn.prior == null || turn.prior.cancel(false)) {
            return embeddings.attach(conversation(turn.context), recent(turn));
        }
        return turn.prior.join();
    }

    private static List<PriorReply> recent(ReplyTurn turn) {
        return PriorReply.recentFrom(turn.history, turn.context.personality().id().toString());
    }
}
