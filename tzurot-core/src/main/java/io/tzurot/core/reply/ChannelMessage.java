package io.tzurot.core.reply;

import java.time.Instant;
import java.util.List;
import java.util.Objects;

/**
 * A recent message of the channel, read from the platform rather than from stored history (spec/discord.md §1.9
 * "extended context"): what people said there without addressing a character. The adapter has already dropped
 * what the spec drops (system messages, empty ones, the bot's own posts, blocked authors) and folded embeds,
 * stickers, forwards and reactions into {@code content}.
 *
 * @param messageId the platform message id (a stored turn with the same id wins over this one)
 * @param authorId the author's platform id (their persona is shown when they have one)
 * @param authorName the author's shown name on the platform
 * @param authorUsername the author's platform username
 * @param sentAt when it was posted
 * @param content its readable text
 * @param images its images, newest last; the engine describes the newest {@code maxImages} of the whole context
 */
public record ChannelMessage(String messageId, String authorId, String authorName, String authorUsername,
                             Instant sentAt, String content, List<AttachmentInput> images) {

    /** A message without images. */
    public ChannelMessage(String messageId, String authorId, String authorName, String authorUsername,
                          Instant sentAt, String content) {
        this(messageId, authorId, authorName, authorUsername, sentAt, content, List.of());
    }

    /** Longest text kept of one message. */
    public static final int MAX_CONTENT = 4_000;
    /** Most messages a request carries. */
    public static final int MAX_MESSAGES = 100;

    public ChannelMessage {
        if (messageId == null || messageId.isBlank()) {
            throw new IllegalArgumentException("a channel message needs its platform id");
        }
        if (authorId == null || authorId.isBlank()) {
            throw new IllegalArgumentException("a channel message needs its author's platform id");
        }
        authorName = authorName == null || authorName.isBlank() ? "User" : authorName;
        authorUsername = authorUsername == null ? "" : authorUsername;
        Objects.requireNonNull(sentAt, "sentAt");
        content = content == null ? "" : content;
        if (content.length() > MAX_CONTENT) {
            content = content.substring(0, MAX_CONTENT) + "…";
        }
        images = List.copyOf(Objects.requireNonNullElse(images, List.of())).stream().filter(AttachmentInput::isImage)
                .toList();
    }
}
