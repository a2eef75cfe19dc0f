package io.tzurot.testkit.discord.state;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A message in a channel. Embeds and components (buttons, selects) are kept as the JSON the poster sent;
 * {@code replyTo} is the id of the message referenced as a reply.
 */
public record SimMessage(long id, long channelId, MessageAuthor author, String content, List<SimAttachment> attachments,
                         ArrayNode embeds, ArrayNode components, Optional<Long> replyTo, Optional<Instant> editedAt) {

    public SimMessage {
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(content, "content");
        attachments = List.copyOf(attachments);
        embeds = embeds.deepCopy();
        components = components.deepCopy();
        Objects.requireNonNull(replyTo, "replyTo");
        Objects.requireNonNull(editedAt, "editedAt");
    }

    @Override
    public ArrayNode embeds() {
        return embeds.deepCopy();
    }

    @Override
    public ArrayNode components() {
        return components.deepCopy();
    }

    public Instant createdAt() {
        return Snowflakes.timestampOf(id);
    }

    /** This message after an edit of its content, embeds and components. */
    public SimMessage edited(String newContent, ArrayNode newEmbeds, ArrayNode newComponents, Instant when) {
        return new SimMessage(id, channelId, author, newContent, attachments, newEmbeds, newComponents, replyTo,
                Optional.of(when));
    }
}
