package io.tzurot.testkit.discord.service;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import java.util.Objects;
import java.util.Optional;

/** The parts of a message an edit replaces; absent parts stay as they were. */
public record MessageEdit(Optional<String> content, Optional<ArrayNode> embeds, Optional<ArrayNode> components) {

    public MessageEdit {
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(embeds, "embeds");
        Objects.requireNonNull(components, "components");
    }

    public static MessageEdit content(String newContent) {
        return new MessageEdit(Optional.of(newContent), Optional.empty(), Optional.empty());
    }

    /** Reads an edit payload: a field that is present (even empty) replaces the old value. */
    public static MessageEdit fromPayload(JsonNode payload) {
        return new MessageEdit(
                Optional.ofNullable(payload.get("content")).filter(JsonNode::isTextual).map(JsonNode::asText),
                Optional.ofNullable(payload.get("embeds")).filter(JsonNode::isArray).map(ArrayNode.class::cast),
                Optional.ofNullable(payload.get("components")).filter(JsonNode::isArray).map(ArrayNode.class::cast));
    }
}
