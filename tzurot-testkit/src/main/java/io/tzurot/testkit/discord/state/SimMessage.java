package io.tzurot.testkit.discord.state;

import com.fasterxml.jackson.databind.node.ArrayNode;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A message in a channel. Embeds and components (buttons, selects) are kept as the JSON the poster sent;
 * {@code replyTo} is the id of the message referenced as a reply; {@code stickers} are the stickers sent with it;
 * {@code forwardOf} is the message this one forwards, as it was when forwarded (Discord's snapshot of it).
 */
public record SimMessage(long id, long channelId, MessageAuthor author, String content, List<SimAttachment> attachments,
                         ArrayNode embeds, ArrayNode components, Optional<Long> replyTo, Optional<Instant> editedAt,
                         List<SimSticker> stickers, Optional<SimMessage> forwardOf) {

    /** A message that forwards nothing. */
    public SimMessage(long id, long channelId, MessageAuthor author, String content, List<SimAttachment> attachments,
                      ArrayNode embeds, ArrayNode components, Optional<Long> replyTo, Optional<Instant> editedAt,
                      List<SimSticker> stickers) {
        this(id, channelId, author, content, attachments, embeds, components, replyTo, editedAt, stickers,
                Optional.empty());
    }

    /** A message without stickers. */
    public SimMessage(long id, long channelId, MessageAuthor author, String content, List<SimAttachment> attachments,
                      ArrayNode embeds, ArrayNode components, Optional<Long> replyTo, Optional<Instant> editedAt) {
        this(id, channelId, author, content, attachments, embeds, components, replyTo, editedAt, List.of());
    }

    public SimMessage {
        Objects.requireNonNull(author, "author");
        Objects.requireNonNull(content, "content");
        attachments = List.copyOf(attachments);
        embeds = embeds.deepCopy();
        components = components.deepCopy();
        Objects.requireNonNull(replyTo, "replyTo");
        Objects.requireNonNull(editedAt, "editedAt");
        stickers = List.copyOf(Objects.requireNonNullElse(stickers, List.of()));
        forwardOf = Objects.requireNonNullElse(forwardOf, Optional.empty());
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
                Optional.of(when), stickers, forwardOf);
    }
}
