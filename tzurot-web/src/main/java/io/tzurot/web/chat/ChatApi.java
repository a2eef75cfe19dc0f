package io.tzurot.web.chat;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.javalin.http.sse.SseClient;
import io.javalin.http.sse.SseHandler;
import io.tzurot.core.access.Actor;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.reply.Platform;
import io.tzurot.core.reply.ReplyOutcome;
import io.tzurot.core.reply.ReplyRequest;
import io.tzurot.core.reply.ReplyService;
import io.tzurot.core.reply.Speaker;
import io.tzurot.core.webchannel.WebChannelIds;
import io.tzurot.web.auth.Access;
import io.tzurot.web.http.ApiException;
import io.tzurot.web.http.Inputs;
import io.tzurot.web.http.JsonBody;
import io.tzurot.web.openapi.ApiRoute;
import io.tzurot.web.openapi.RouteAuth;
import io.tzurot.web.openapi.RouteRegistry;
import io.tzurot.web.openapi.Schemas;
import java.io.UncheckedIOException;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Chat as a job: {@code POST /api/v1/chat} starts a reply and answers 202 with its id at once; the reply is
 * read by long-poll ({@code GET /api/v1/replies/{id}?wait=}) or streamed as Server-Sent Events. Waiting
 * holds no thread: both ride on the outcome's future.
 */
public final class ChatApi {

    /** Longest long-poll wait in seconds. */
    public static final int MAX_WAIT_SECONDS = 60;

    /** Seconds a refused chat is asked to wait: about as long as a reply takes. */
    static final int RETRY_AFTER_SECONDS = 5;

    /** Longest an event stream stays open waiting; the browser's EventSource then reconnects by itself. */
    static final Duration STREAM_LIMIT = Duration.ofMinutes(5);

    private static final Logger LOG = LoggerFactory.getLogger(ChatApi.class);
    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<Optional<ConversationServices>> services;
    private final ReplyTracker tracker;

    public ChatApi(Supplier<Optional<ConversationServices>> services, ReplyTracker tracker) {
        this.services = services;
        this.tracker = tracker;
    }

    public void register(RouteRegistry routes) {
        Schemas s = routes.schemas();
        s.define("Chat", Schemas.object(List.of("personality", "message"), Map.of(
                "personality", Schemas.string("The character: slug, name or alias", Lookups.MAX_PERSONALITY_LENGTH),
                "message", Schemas.string("What you say", ReplyRequest.MAX_MESSAGE_LENGTH),
                "channelId", Schemas.string("One of your web channels (POST /api/v1/channels); default: your own web channel", WebChannelIds.MAX_LENGTH),
                "stream", Schemas.bool("Whether the text is followed while it is written (the event stream's deltas); "
                        + "default true. A client that only long-polls sends false: the model's answer is then asked for "
                        + "whole and no deltas are relayed"))));
        s.define("ChatStarted", Schemas.object(List.of("replyId"), Map.of(
                "replyId", Schemas.string("Read the reply at /api/v1/replies/{replyId}"))));
        ReplyView.define(s);
        s.define("EventStream", Map.of("type", "string", "description",
                "text/event-stream: 'status' {status: pending}; while the model writes, 'delta' {text} (append) and, rarely, 'reset' {text} (replace everything shown); then 'content' {content} and 'done' (a Reply), or 'failed' (a Reply)"));

        routes.add(new ApiRoute(HandlerType.POST, "/api/v1/chat", "chat",
                "Send a message to a character; the reply runs as a job whose id is returned at once", RouteAuth.USER,
                "Chat", 202, "ChatStarted", List.of(400, 403, 404, 413, 429)), this::chat);
        routes.add(new ApiRoute(HandlerType.GET, "/api/v1/replies/{replyId}", "chat",
                "A reply's state; ?wait=1..60 waits up to that many seconds for it to finish (own replies only)",
                RouteAuth.USER, null, 200, "Reply", List.of(400, 404)), this::reply);
        routes.add(new ApiRoute(HandlerType.GET, "/api/v1/replies/{replyId}/events", "chat",
                "The reply as Server-Sent Events: status, content deltas while it is written, then content and done, or failed (own replies only)",
                RouteAuth.USER, null, 200, "EventStream", List.of(404)), this::events);
    }

    private ConversationServices services() {
        return services.get().orElseThrow(ApiException::starting);
    }

    private void chat(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        JsonBody body = Inputs.jsonBody(ctx).allowOnly(Set.of("personality", "message", "channelId", "stream"));
        String personalityRef = body.requiredString("personality", Lookups.MAX_PERSONALITY_LENGTH);
        String message = body.requiredString("message", ReplyRequest.MAX_MESSAGE_LENGTH);
        Optional<String> requestedChannel = body.optionalString("channelId", 200);
        boolean streamed = body.optionalBoolean("stream", true);
        ConversationServices s = services();
        Personality personality = new Lookups(s).personality(actor, "personality", personalityRef);
        String channelId = s.channels().usable(actor, requestedChannel);
        String replyId = UUID.randomUUID().toString();
        ReplyRequest request = ReplyRequest.text(replyId, Platform.WEB, new Speaker(actor.discordId(), null, null),
                personality.slug(), channelId, message, s.clock().instant());
        // the reply holds its place before it starts, so a burst cannot pass the limit between check and start;
        // the limit is the bot owner's (repliesInFlight): more is a 429, a script gone wrong rather than a person typing
        int inFlight = s.rateLimits().get().repliesInFlight();
        CompletableFuture<ReplyOutcome> outcome = new CompletableFuture<>();
        ReplyDeltas deltas = new ReplyDeltas();
        if (!tracker.trackWithin(new TrackedReply(replyId, actor.userId(), personality.slug(), channelId, request.receivedAt(),
                outcome, deltas), inFlight)) {
            throw ApiException.tooManyRequests("You already have " + inFlight
                    + " replies on the way; wait for one of them before sending more.", RETRY_AFTER_SECONDS);
        }
        start(s.replies(), request, streamed ? Optional.of(deltas) : Optional.empty()).thenAccept(outcome::complete);
        ctx.status(202).json(Map.of("replyId", replyId));
    }

    /** The outcome, never failing: a broken engine becomes a Failed outcome the user can read. */
    private static CompletableFuture<ReplyOutcome> start(ReplyService replies, ReplyRequest request,
                                                         Optional<ReplyDeltas> deltas) {
        CompletableFuture<ReplyOutcome> raw;
        try {
            raw = deltas.isPresent() ? replies.reply(request, deltas.get()) : replies.reply(request);
        } catch (RuntimeException e) {
            raw = CompletableFuture.failedFuture(e);
        }
        return raw.handle((outcome, error) -> {
            if (error == null && outcome != null) {
                return outcome;
            }
            LOG.error("reply {} failed inside the reply service", request.requestId(), error);
            return new ReplyOutcome.Failed(request.requestId(), Optional.empty(), ReplyOutcome.FailureKind.INTERNAL,
                    "Something went wrong on our side; it has been logged.", request.requestId());
        });
    }

    /** The reply when the actor sent it; 404 for unknown, expired and other people's replies alike. */
    private ReplyState ownReply(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        String replyId = ctx.pathParam("replyId");
        return tracker.findState(replyId).filter(r -> r.userId().equals(actor.userId()))
                .orElseThrow(() -> ApiException.notFound("Reply " + (replyId.length() > 64 ? replyId.substring(0, 64) + "…" : replyId)));
    }

    private void reply(Context ctx) {
        int wait = (int) Inputs.integer("wait", Optional.ofNullable(ctx.queryParam("wait")).orElse("0"), 0, MAX_WAIT_SECONDS);
        ReplyState reply = ownReply(ctx);
        if (wait == 0 || !reply.isPending()) {
            ctx.json(reply.now());
            return;
        }
        ctx.future(() -> reply.finished().completeOnTimeout(reply.now(), wait, TimeUnit.SECONDS).thenAccept(ctx::json));
    }

    private void events(Context ctx) throws Exception {
        ReplyState reply = ownReply(ctx);
        new SseHandler(client -> stream(client, reply)).handle(ctx);
    }

    private static void stream(SseClient client, ReplyState reply) {
        client.keepAlive();
        SseSender out = new SseSender(client);
        out.send("status", json(Map.of("status", "pending")));
        Runnable unfollow = reply.isPending() ? reply.deltas().map(d -> d.follow(new ReplyDeltas.Reader() {
            @Override
            public void delta(String text) {
                out.send("delta", json(Map.of("text", text)));
            }

            @Override
            public void reset(String text) {
                out.send("reset", json(Map.of("text", text)));
            }
        })).orElse(() -> { }) : () -> { };
        reply.finished().completeOnTimeout(reply.now(), STREAM_LIMIT.toSeconds(), TimeUnit.SECONDS)
                .thenAccept(view -> {
                    unfollow.run();
                    finish(out, view);
                });
    }

    /** The end of the stream: content and done, or failed; a reply still pending at the limit just closes. */
    private static void finish(SseSender out, Map<String, Object> view) {
        if ("done".equals(view.get("status"))) {
            out.send("content", json(Map.of("content", view.get("content"))));
            out.send("done", json(view));
        } else if ("failed".equals(view.get("status"))) {
            out.send("failed", json(view));
        }
        out.close();
    }

    private static String json(Object value) {
        try {
            return JSON.writeValueAsString(value);
        } catch (JsonProcessingException e) {
            throw new UncheckedIOException(e);
        }
    }
}
