package io.tzurot.testkit.discord.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import io.tzurot.testkit.discord.json.Json;
import io.tzurot.testkit.discord.state.SimAttachment;
import io.tzurot.testkit.discord.state.SimSticker;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/** What a poster asked for in a new message, before it becomes a stored message. */
public record MessageDraft(String content, ArrayNode embeds, ArrayNode components, List<SimAttachment> attachments,
                           Optional<Long> replyTo, boolean failIfReplyMissing, List<SimSticker> stickers) {

    /** A draft without stickers. */
    public MessageDraft(String content, ArrayNode embeds, ArrayNode components, List<SimAttachment> attachments,
                        Optional<Long> replyTo, boolean failIfReplyMissing) {
        this(content, embeds, components, attachments, replyTo, failIfReplyMissing, List.of());
    }

    public static final int MAX_CONTENT = 2000;
    public static final int MAX_EMBEDS = 10;

    public MessageDraft {
        Objects.requireNonNull(content, "content");
        embeds = embeds.deepCopy();
        components = components.deepCopy();
        attachments = List.copyOf(attachments);
        Objects.requireNonNull(replyTo, "replyTo");
        stickers = List.copyOf(Objects.requireNonNullElse(stickers, List.of()));
    }

    /** A plain text message with no embeds, files or reply. */
    public static MessageDraft text(String content) {
        return new MessageDraft(content, Json.array(), Json.array(), List.of(), Optional.empty(), true);
    }

    /** Text replying to {@code target}. */
    public static MessageDraft reply(String content, long target) {
        return new MessageDraft(content, Json.array(), Json.array(), List.of(), Optional.of(target), true);
    }

    /** Text with files. */
    public static MessageDraft withFiles(String content, List<SimAttachment> files) {
        return new MessageDraft(content, Json.array(), Json.array(), files, Optional.empty(), true);
    }

    /** Reads {@code content}, {@code embeds}, {@code components} and {@code message_reference} from a payload. */
    public static MessageDraft fromPayload(JsonNode payload, List<SimAttachment> files) {
        JsonNode reference = payload.path("message_reference");
        Optional<Long> replyTo = reference.hasNonNull("message_id")
                ? Optional.of(Json.snowflake(reference, "message_id")) : Optional.empty();
        return new MessageDraft(payload.path("content").asText(""), arrayOrEmpty(payload.path("embeds")),
                arrayOrEmpty(payload.path("components")), files, replyTo,
                reference.path("fail_if_not_exists").asBoolean(true));
    }

    static ArrayNode arrayOrEmpty(JsonNode node) {
        return node.isArray() ? (ArrayNode) node : Json.array();
    }

    /** Applies Discord's limits: at most 2000 characters, 10 embeds, and never an empty message. */
    public void validate() {
        if (content.length() > MAX_CONTENT) {
            throw ApiError.invalidForm("content: Must be " + MAX_CONTENT + " or fewer in length.");
        }
        if (embeds.size() > MAX_EMBEDS) {
            throw ApiError.invalidForm("embeds: Must be " + MAX_EMBEDS + " or fewer in length.");
        }
        if (content.isBlank() && embeds.isEmpty() && attachments.isEmpty() && components.isEmpty()
                && stickers.isEmpty()) {
            throw new ApiError(400, 50006, "Cannot send an empty message");
        }
    }
}
