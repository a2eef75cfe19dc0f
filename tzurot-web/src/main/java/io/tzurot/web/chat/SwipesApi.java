package io.tzurot.web.chat;

import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.tzurot.core.access.Actor;
import io.tzurot.core.reply.ReplyOutcome;
import io.tzurot.core.reply.Speaker;
import io.tzurot.core.swipe.ReplyTarget;
import io.tzurot.core.swipe.SwipeActions;
import io.tzurot.core.swipe.SwipeOutcome;
import io.tzurot.web.auth.Access;
import io.tzurot.web.http.ApiException;
import io.tzurot.web.http.Inputs;
import io.tzurot.web.http.JsonBody;
import io.tzurot.web.openapi.ApiRoute;
import io.tzurot.web.openapi.RouteAuth;
import io.tzurot.web.openapi.RouteRegistry;
import io.tzurot.web.openapi.Schemas;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.function.Supplier;

/**
 * Regenerate, swipe and delete of a web reply (issue 17), for the reply's owner only: a reply in someone else's
 * conversation is 404, as a missing one. A regenerated reply keeps its id and is read (and streamed) as a new reply
 * would be; the versions are kept, and the chosen one is what history and memory hold.
 */
public final class SwipesApi {

    private final Supplier<Optional<ConversationServices>> services;
    private final Supplier<Optional<SwipeActions>> swipes;
    private final ReplyTracker tracker;

    public SwipesApi(Supplier<Optional<ConversationServices>> services, Supplier<Optional<SwipeActions>> swipes,
                     ReplyTracker tracker) {
        this.services = services;
        this.swipes = swipes;
        this.tracker = tracker;
    }

    public void register(RouteRegistry routes) {
        Schemas s = routes.schemas();
        s.define("SwipeChoice", Schemas.object(List.of("index"), Map.of(
                "index", Map.of("type", "integer", "minimum", 0, "description", "The version to show, from 0"))));
        s.define("SwipeShown", Schemas.object(List.of("replyId", "index", "count", "content"), Map.of(
                "replyId", Schemas.string("The reply"),
                "index", Map.of("type", "integer", "description", "The version shown, from 0"),
                "count", Map.of("type", "integer", "description", "How many versions the reply has"),
                "content", Schemas.string("The shown version's text, now in history"),
                "footer", Schemas.string("The model line under it, if any"))));
        s.define("ReplyDeleted", Schemas.object(List.of("replyId", "deleted"), Map.of(
                "replyId", Schemas.string("The reply"),
                "deleted", Map.of("type", "boolean"))));
        routes.add(new ApiRoute(HandlerType.POST, "/api/v1/replies/{replyId}/regenerate", "chat",
                "Ask the character again for your latest reply: 202, then read or stream the same replyId; the old text stays as a version (own replies only)",
                RouteAuth.USER, null, 202, "ChatStarted", List.of(404, 409, 429)), this::regenerate);
        routes.add(new ApiRoute(HandlerType.PUT, "/api/v1/replies/{replyId}/swipe", "chat",
                "Show another version of your latest reply; history and memory keep the chosen one (own replies only)",
                RouteAuth.USER, "SwipeChoice", 200, "SwipeShown", List.of(400, 404, 409)), this::swipe);
        routes.add(new ApiRoute(HandlerType.DELETE, "/api/v1/replies/{replyId}", "chat",
                "Delete a reply: its history turn, versions and memory (your question stays; own replies only)",
                RouteAuth.USER, null, 200, "ReplyDeleted", List.of(404, 409)), this::delete);
    }

    private record Found(Actor actor, SwipeActions actions, ReplyTarget target) {
    }

    /** The actor's reply: a web reply in one of the actor's own conversations, else 404. */
    private Found own(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        ConversationServices s = services.get().orElseThrow(ApiException::starting);
        SwipeActions actions = swipes.get().orElseThrow(ApiException::starting);
        String replyId = ctx.pathParam("replyId");
        ApiException missing = ApiException.notFound("Reply " + (replyId.length() > 64 ? replyId.substring(0, 64) + "…" : replyId));
        ReplyTarget target = actions.targets().byRequest(replyId).orElseThrow(() -> missing);
        try {
            s.channels().usable(actor, Optional.of(target.reply().channelId()));
        } catch (RuntimeException e) {
            throw missing; // another user's conversation, or a Discord channel: the same answer as a missing reply
        }
        if (!target.requesterId().equals(actor.discordId())) {
            throw missing;
        }
        return new Found(actor, actions, target);
    }

    private void regenerate(Context ctx) {
        Found found = own(ctx);
        ConversationServices s = services.get().orElseThrow(ApiException::starting);
        String replyId = ctx.pathParam("replyId");
        int inFlight = s.rateLimits().get().repliesInFlight();
        if (tracker.pendingFor(found.actor().userId()) >= inFlight) {
            throw ApiException.tooManyRequests("You already have " + inFlight
                    + " replies on the way; wait for one of them before regenerating.", ChatApi.RETRY_AFTER_SECONDS);
        }
        ReplyDeltas deltas = new ReplyDeltas();
        CompletableFuture<SwipeOutcome> running = found.actions().regenerating().regenerate(found.target(),
                new Speaker(found.actor().discordId(), null, null), deltas);
        if (running.isDone() && running.join() instanceof SwipeOutcome.Refused refused) {
            throw refused(refused); // not the latest reply, or already changing: nothing started
        }
        String personality = s.personalities().findById(found.target().reply().personalityId())
                .map(p -> p.slug()).orElse("character");
        CompletableFuture<ReplyOutcome> outcome = running.handle((result, error) -> asOutcome(replyId, result));
        tracker.track(new TrackedReply(replyId, found.actor().userId(), personality, found.target().reply().channelId(),
                s.clock().instant(), outcome, deltas));
        ctx.status(202).json(Map.of("replyId", replyId));
    }

    /** What the read routes show for a regeneration: the engine's answer, or why there is none. */
    private static ReplyOutcome asOutcome(String replyId, SwipeOutcome result) {
        if (result instanceof SwipeOutcome.Shown shown && shown.answer().isPresent()) {
            ReplyOutcome.Replied r = shown.answer().get();
            return new ReplyOutcome.Replied(replyId, r.personality(), r.content(), r.reasoning(), r.showThinking(),
                    r.model(), r.guestMode(), r.footer(), r.memories(), r.duplicateOfEarlierReply());
        }
        String message = result instanceof SwipeOutcome.Refused refused ? refused.message()
                : "The reply could not be regenerated; please try again.";
        return new ReplyOutcome.Failed(replyId, Optional.empty(), ReplyOutcome.FailureKind.INTERNAL, message, replyId);
    }

    private void swipe(Context ctx) {
        JsonBody body = Inputs.jsonBody(ctx).allowOnly(Set.of("index"));
        int index = (int) body.requiredInteger("index", 0, 10_000);
        Found found = own(ctx);
        SwipeOutcome result = found.actions().switching().switchTo(found.target(), found.actor().discordId(), index);
        if (result instanceof SwipeOutcome.Shown shown) {
            Map<String, Object> view = new LinkedHashMap<>();
            view.put("replyId", ctx.pathParam("replyId"));
            view.put("index", shown.index());
            view.put("count", shown.count());
            view.put("content", shown.content());
            view.put("footer", shown.footer().orElse(null));
            ctx.json(view);
            return;
        }
        throw refused((SwipeOutcome.Refused) result);
    }

    private void delete(Context ctx) {
        Found found = own(ctx);
        SwipeOutcome result = found.actions().deleting().delete(found.target(), found.actor().discordId(), false);
        if (result instanceof SwipeOutcome.Deleted) {
            ctx.json(Map.of("replyId", ctx.pathParam("replyId"), "deleted", true));
            return;
        }
        throw refused((SwipeOutcome.Refused) result);
    }

    private static ApiException refused(SwipeOutcome.Refused refused) {
        return switch (refused.reason()) {
            case NO_SUCH_SWIPE -> ApiException.badRequest("index", refused.message());
            case FORBIDDEN -> ApiException.forbidden(refused.message());
            case NOT_LATEST, BUSY, FAILED -> new ApiException(409, "conflict", refused.message(), null);
        };
    }
}
