package io.tzurot.core.reply;

import io.tzurot.core.model.ModelResponse;
import io.tzurot.core.persona.UserReferences;
import io.tzurot.core.prompt.AssembledPrompt;
import io.tzurot.core.prompt.HistoryEntry;
import io.tzurot.core.prompt.PromptRequest;
import io.tzurot.core.response.ReplyAttempt;
import io.tzurot.core.response.ReplyVector;
import io.tzurot.core.response.RetryPolicy;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Executor;

/** The state of one reply as it moves through {@link GeneratingReply}'s stages. */
final class ReplyTurn {
    final FlightLog log;
    final Instant started;
    /** The engine's executor with this reply's log context (requestId) on every task. */
    final Executor cpu;
    final List<ReplyAttempt> attempts = new ArrayList<>();
    final Map<Integer, ModelResponse> responses = new HashMap<>();
    ReplyContext context;
    List<HistoryEntry> history;
    /** The request's channel messages shown as history entries of their own (their images may be described). */
    java.util.Set<String> fromChannel = java.util.Set.of();
    PromptRequest request;
    AssembledPrompt prompt;
    RetryPolicy policy;
    UserReferences.Scope users;
    String storedUser;
    final Map<Integer, ReplyVector> vectors = new HashMap<>();
    /** The replies the duplicate check compares with, their vectors attached while the model answers. */
    java.util.concurrent.CompletableFuture<List<io.tzurot.core.response.PriorReply>> prior;
    final ReplyStream stream;
    /** The visible part of the attempt being written; made with the first attempt. */
    AttemptStream streamed;

    ReplyTurn(FlightLog log, Instant started, Executor cpu, ReplyStream stream) {
        this.log = log;
        this.started = started;
        this.cpu = cpu;
        this.stream = stream;
    }
}
