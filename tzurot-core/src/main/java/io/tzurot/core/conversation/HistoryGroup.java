package io.tzurot.core.conversation;

import java.time.Instant;
import java.util.Objects;
import java.util.UUID;

/** One conversation's history (a channel and a personality) and the time of its oldest row. */
public record HistoryGroup(String channelId, UUID personalityId, Instant oldest) {

    public HistoryGroup {
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(personalityId, "personalityId");
        Objects.requireNonNull(oldest, "oldest");
    }
}
