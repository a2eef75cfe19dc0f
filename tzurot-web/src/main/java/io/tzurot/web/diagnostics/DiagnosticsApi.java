package io.tzurot.web.diagnostics;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.TextNode;
import io.javalin.http.Context;
import io.javalin.http.HandlerType;
import io.tzurot.core.access.Actor;
import io.tzurot.core.diagnostics.DiagnosticLog;
import io.tzurot.web.auth.Access;
import io.tzurot.web.chat.ConversationServices;
import io.tzurot.web.http.ApiException;
import io.tzurot.web.openapi.ApiRoute;
import io.tzurot.web.openapi.RouteAuth;
import io.tzurot.web.openapi.RouteRegistry;
import io.tzurot.web.openapi.Schemas;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Supplier;

/**
 * {@code GET /api/v1/diagnostics/{replyId}}: the flight-recorder record of a reply (the reply id is the
 * request id). Users see the records of their own requests; the bot owner sees all.
 */
public final class DiagnosticsApi {

    /** Longest reply id looked up (the column's width). */
    public static final int MAX_ID_LENGTH = 255;

    private static final ObjectMapper JSON = new ObjectMapper();

    private final Supplier<Optional<ConversationServices>> services;

    public DiagnosticsApi(Supplier<Optional<ConversationServices>> services) {
        this.services = services;
    }

    public void register(RouteRegistry routes) {
        Schemas s = routes.schemas();
        Map<String, Object> fields = new LinkedHashMap<>();
        fields.put("requestId", Schemas.string("The reply id"));
        fields.put("personalityId", Schemas.nullable(Schemas.format("uuid", "The character")));
        fields.put("userDiscordId", Schemas.nullable(Schemas.string("Who asked (Discord id)")));
        fields.put("channelId", Schemas.nullable(Schemas.string("Where")));
        fields.put("guildId", Schemas.nullable(Schemas.string("Which server")));
        fields.put("triggerMessageId", Schemas.nullable(Schemas.string("The message that triggered it")));
        fields.put("responseMessageIds", Schemas.arrayOf(Schemas.string("Posted reply message ids")));
        fields.put("model", Schemas.string("The model"));
        fields.put("provider", Schemas.string("The provider"));
        fields.put("durationMs", Map.of("type", "integer", "description", "How long the reply took"));
        fields.put("createdAt", Schemas.format("date-time", "When it was recorded"));
        fields.put("data", Map.of("type", "object", "description",
                "Every stage: meta, inputProcessing, memoryRetrieval, tokenBudget, assembledPrompt, llmConfig, llmResponse,"
                        + " postProcessing, timing, error (spec/pipeline.md §9)"));
        s.define("Diagnostic", Schemas.object(List.of("requestId", "model", "provider", "durationMs", "createdAt", "data"), fields));
        routes.add(new ApiRoute(HandlerType.GET, "/api/v1/diagnostics/{replyId}", "diagnostics",
                "The diagnostic record of a reply (own replies in Discord channels or your own web channels; the bot owner sees"
                        + " all); the character's system prompt only for its owner and the bot owner, unless the owner shares it;"
                        + " kept 24 hours", RouteAuth.USER,
                null, 200, "Diagnostic", List.of(400, 404)), this::get);
    }

    private void get(Context ctx) {
        Actor actor = Access.requireActor(ctx);
        DiagnosticLog log = find(services.get().orElseThrow(ApiException::starting), actor, ctx.pathParam("replyId"));
        ctx.json(view(log));
    }

    /**
     * The record when the actor may see it, the character's system prompt cut out unless they may read it; 400 for
     * a malformed id, 404 when missing or not theirs to see (core's {@code ViewingDiagnostics} decides).
     */
    public static DiagnosticLog find(ConversationServices s, Actor actor, String replyId) {
        String id = replyId == null ? "" : replyId.strip();
        if (id.isEmpty() || id.length() > MAX_ID_LENGTH) {
            throw ApiException.badRequest("replyId", "'replyId' must be 1-" + MAX_ID_LENGTH + " characters.");
        }
        return s.records().find(actor, id)
                .orElseThrow(() -> ApiException.notFound("Diagnostic record " + (id.length() > 64 ? id.substring(0, 64) + "…" : id)));
    }

    public static Map<String, Object> view(DiagnosticLog log) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("requestId", log.requestId());
        json.put("personalityId", log.personalityId() == null ? null : log.personalityId().toString());
        json.put("userDiscordId", log.userDiscordId());
        json.put("channelId", log.channelId());
        json.put("guildId", log.guildId());
        json.put("triggerMessageId", log.triggerMessageId());
        json.put("responseMessageIds", log.responseMessageIds());
        json.put("model", log.model());
        json.put("provider", log.provider());
        json.put("durationMs", log.durationMs());
        json.put("createdAt", log.createdAt().toString());
        json.put("data", data(log));
        return json;
    }

    /** The stored stages as JSON; a record that is not valid JSON is shown as its text rather than lost. */
    static JsonNode data(DiagnosticLog log) {
        try {
            return JSON.readTree(log.dataJson());
        } catch (JsonProcessingException e) {
            return TextNode.valueOf(log.dataJson());
        }
    }
}
