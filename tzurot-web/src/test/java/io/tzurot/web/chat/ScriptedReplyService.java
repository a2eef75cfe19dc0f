package io.tzurot.web.chat;

import io.tzurot.core.reply.ReplyOutcome;
import io.tzurot.core.reply.ReplyRequest;
import io.tzurot.core.reply.ReplyService;
import io.tzurot.core.reply.ReplyStream;
import java.util.List;
import java.util.Map;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.function.Function;

/**
 * A fake reply engine for tests: answers with whatever the script says, either at once or only when the
 * test releases the request, so "pending" can be observed without sleeping.
 */
public final class ScriptedReplyService implements ReplyService {

    private final List<ReplyRequest> requests = new CopyOnWriteArrayList<>();
    private final Map<String, CompletableFuture<ReplyOutcome>> held = new ConcurrentHashMap<>();
    private final Map<String, ReplyStream> streams = new ConcurrentHashMap<>();
    private volatile Function<ReplyRequest, ReplyOutcome> script;
    private volatile boolean holding;
    private volatile Runnable onReply = () -> { };

    public ScriptedReplyService(Function<ReplyRequest, ReplyOutcome> script) {
        this.script = script;
    }

    public void script(Function<ReplyRequest, ReplyOutcome> newScript) {
        this.script = newScript;
    }

    /** From now on replies wait until {@link #release} is called. */
    public void hold() {
        holding = true;
    }

    /** Runs inside every {@link #reply} call before it answers (to hold callers inside the engine's start). */
    public void onReply(Runnable hook) {
        this.onReply = hook;
    }

    @Override
    public CompletableFuture<ReplyOutcome> reply(ReplyRequest request, ReplyStream stream) {
        streams.put(request.requestId(), stream);
        return reply(request);
    }

    /** The stream the caller of a request gave, to write its text as the engine would. */
    public ReplyStream stream(String requestId) {
        return java.util.Optional.ofNullable(streams.get(requestId))
                .orElseThrow(() -> new IllegalStateException("no stream for request " + requestId));
    }

    /** Whether the caller of a request follows its text (gave a stream). */
    public boolean streamed(String requestId) {
        return streams.containsKey(requestId);
    }

    @Override
    public CompletableFuture<ReplyOutcome> reply(ReplyRequest request) {
        requests.add(request);
        onReply.run();
        if (!holding) {
            return CompletableFuture.supplyAsync(() -> script.apply(request));
        }
        CompletableFuture<ReplyOutcome> future = new CompletableFuture<>();
        held.put(request.requestId(), future);
        return future;
    }

    /** Answers a held request with the script's outcome (or its exception). */
    public void release(String requestId) {
        CompletableFuture<ReplyOutcome> future = held.remove(requestId);
        if (future == null) {
            throw new IllegalStateException("no held request " + requestId);
        }
        ReplyRequest request = requests.stream().filter(r -> r.requestId().equals(requestId)).findFirst().orElseThrow();
        try {
            future.complete(script.apply(request));
        } catch (RuntimeException e) {
            future.completeExceptionally(e);
        }
    }

    public List<ReplyRequest> requests() {
        return List.copyOf(requests);
    }

    /** A scripted answer with one recalled memory and a footer. */
    public static ReplyOutcome.Replied replied(ReplyRequest request, String content, List<ReplyOutcome.RecalledMemory> memories) {
        return new ReplyOutcome.Replied(request.requestId(), java.util.Optional.empty(), content, java.util.Optional.empty(),
                false, "test/model-1", false, java.util.Optional.of("-# test/model-1"), memories, false);
    }
}
