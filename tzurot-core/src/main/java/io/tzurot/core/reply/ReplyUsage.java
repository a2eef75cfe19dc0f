package io.tzurot.core.reply;

import io.tzurot.core.model.ModelResponse;
import io.tzurot.core.usage.UsageLog;
import java.time.Duration;
import java.time.Instant;

/** The usage row of a reply. */
final class ReplyUsage {

    private ReplyUsage() {
    }

    /** The tokens of every attempt the provider answered (each was paid for), with the reply's time. */
    static UsageLog of(ReplyTurn turn, ProviderAccess provider, String model, Instant now) {
        int in = 0;
        int out = 0;
        for (ModelResponse response : turn.responses.values()) {
            if (response.usage().isPresent()) {
                in += response.usage().get().promptTokens();
                out += response.usage().get().completionTokens();
            }
        }
        ReplyContext context = turn.context;
        return UsageLog.forReply(context.request().requestId(), context.user().id(), context.personality().id(),
                provider.name(), model, in, out, context.credentials().guestMode(),
                Duration.between(turn.started, now).toMillis(), now);
    }
}
