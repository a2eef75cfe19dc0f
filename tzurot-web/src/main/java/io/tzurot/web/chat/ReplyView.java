package io.tzurot.web.chat;

import io.tzurot.core.reply.ReplyOutcome;
import io.tzurot.web.openapi.Schemas;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The JSON of a web reply: {@code {replyId, status, content, reasoning, model, error, footer, memories, personality}}
 * where status is {@code pending}, {@code done} or {@code failed}; fields that do not apply are null. The reasoning
 * is there only when the preset's show-thinking is on (it never enters history either way).
 */
public final class ReplyView {

    private ReplyView() {
    }

    public static Map<String, Object> of(TrackedReply reply) {
        return of(reply.replyId(), reply.doneOutcome());
    }

    public static Map<String, Object> of(String replyId, Optional<ReplyOutcome> outcome) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("replyId", replyId);
        json.put("status", "pending");
        json.put("content", null);
        json.put("reasoning", null);
        json.put("model", null);
        json.put("error", null);
        json.put("errorKind", null);
        json.put("footer", null);
        json.put("memories", List.of());
        json.put("personality", null);
        if (outcome.isEmpty()) {
            return json;
        }
        ReplyOutcome o = outcome.get();
        json.put("personality", o.personality().map(ReplyView::card).orElse(null));
        if (o instanceof ReplyOutcome.Replied r) {
            json.put("status", "done");
            json.put("content", r.content());
            json.put("reasoning", r.showThinking() ? r.reasoning().orElse(null) : null);
            json.put("model", r.model());
            json.put("footer", r.footer().orElse(null));
            json.put("memories", r.memories().stream().map(m -> {
                Map<String, Object> memory = new LinkedHashMap<>();
                memory.put("id", m.id().toString());
                memory.put("score", m.score());
                memory.put("preview", m.preview());
                return memory;
            }).toList());
        } else if (o instanceof ReplyOutcome.Failed f) {
            json.put("status", "failed");
            json.put("error", f.userMessage());
            json.put("errorKind", f.kind().name().toLowerCase(java.util.Locale.ROOT));
        }
        return json;
    }

    private static Map<String, Object> card(ReplyOutcome.PersonalityCard card) {
        Map<String, Object> json = new LinkedHashMap<>();
        json.put("slug", card.slug());
        json.put("name", card.name());
        json.put("displayName", card.displayName());
        json.put("avatarUrl", card.hasAvatar() ? "/avatars/" + card.slug() + ".png" : null);
        return json;
    }

    /** Defines the {@code Reply} schema and its parts. */
    public static void define(Schemas s) {
        s.define("RecalledMemory", Schemas.object(List.of("id", "score", "preview"), Map.of(
                "id", Schemas.format("uuid", "The memory's id (see /api/v1/memories)"),
                "score", Map.of("type", "number", "description", "Cosine similarity to the message, higher is closer"),
                "preview", Schemas.string("The start of the memory's text"))));
        s.define("Reply", Schemas.object(List.of("replyId", "status"), Map.of(
                "replyId", Schemas.string("The reply id (also the diagnostic record's request id)"),
                "status", Map.of("type", "string", "enum", List.of("pending", "done", "failed"),
                        "description", "pending until the character has answered"),
                "content", Schemas.nullable(Schemas.string("The reply text when done")),
                "reasoning", Schemas.nullable(Schemas.string("The model's reasoning, when the preset's show-thinking is on")),
                "model", Schemas.nullable(Schemas.string("The model that answered")),
                "footer", Schemas.nullable(Schemas.string("The model footer line, when shown")),
                "error", Schemas.nullable(Schemas.string("Why there is no reply, when failed")),
                "errorKind", Schemas.nullable(Schemas.string("personality_not_found, no_provider_key, model_error, "
                        + "empty_response, invalid_request or internal")),
                "memories", Schemas.arrayOf(Schemas.ref("RecalledMemory")),
                "personality", Schemas.nullable(Map.of("type", "object", "description",
                        "The character that answered: slug, name, displayName, avatarUrl")))));
    }
}
