package io.tzurot.app.wiring;

import io.tzurot.ai.token.TiktokenCounter;
import io.tzurot.core.lorebook.AttachingLorebooks;
import io.tzurot.core.lorebook.activation.LoreUseCases;
import io.tzurot.core.lorebook.activation.TestingLorebook;

/** Builds the lorebook attachment and keyword-test use cases every face calls, over the cached repositories. */
public final class LoreWiring {

    private LoreWiring() {
    }

    public static LoreUseCases useCases(Repositories repos) {
        return new LoreUseCases(new AttachingLorebooks(repos.lorebooks(), repos.personas()),
                new TestingLorebook(repos.lorebooks(), new TiktokenCounter()));
    }
}
