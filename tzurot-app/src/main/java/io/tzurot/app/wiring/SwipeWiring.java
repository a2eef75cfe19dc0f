package io.tzurot.app.wiring;

import io.tzurot.core.reply.ExchangeMemories;
import io.tzurot.core.reply.ReplyService;
import io.tzurot.core.reply.StoringMemories;
import io.tzurot.core.swipe.SwipeActions;
import io.tzurot.storage.swipe.JdbiSwipeRepository;
import java.time.Clock;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;

/** Regenerate, swipes and delete of replies, for the Discord and web faces. */
public final class SwipeWiring {

    private SwipeWiring() {
    }

    /**
     * The swipe use cases, regenerating through {@code replies} (the engine, or the job queue to the workers). A
     * swipe's memory goes through the outbox on a writer thread of its own; what it has not finished at shutdown stays
     * in the outbox, which the workers retry.
     */
    public static SwipeActions actions(Repositories repos, ModelComponents models, ReplyService replies, Clock clock) {
        ExecutorService writer = Executors.newSingleThreadExecutor(r -> {
            Thread t = new Thread(r, "swipe-memory-writer");
            t.setDaemon(true);
            return t;
        });
        StoringMemories storing = new StoringMemories(repos.pendingMemories(), repos.memories(), models.embeddings(),
                models.tokens(), writer, clock);
        ExchangeMemories memories = new ExchangeMemories(repos.pendingMemories(), repos.memories(), storing,
                models.tokens());
        return SwipeActions.of(repos.history(), repos.personas(), repos.users(),
                new JdbiSwipeRepository(repos.database().jdbi()), memories, replies, models.tokens(), clock);
    }
}
