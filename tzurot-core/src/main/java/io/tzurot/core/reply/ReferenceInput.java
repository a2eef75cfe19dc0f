package io.tzurot.core.reply;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A message the current one points at (a reply target, a linked or forwarded message), before its
 * attachments are described. The adapter has already checked the speaker may see it. {@code authorPlatformId}
 * is the author's Discord id when the author is a person (never for a character's webhook post): the model is
 * then shown the author's persona name instead of {@code authorName}. {@code automated} is true for a bot's or
 * webhook's (a character's) post, which may already be in history under a different id (spec/discord.md §1.9).
 */
public record ReferenceInput(Optional<String> messageId, String authorName, String authorUsername,
                             Optional<Instant> sentAt, String content, List<String> embeds,
                             List<AttachmentInput> attachments, boolean forwarded, Optional<String> authorPlatformId,
                             boolean automated) {

    /** A reference not known to be a bot's or webhook's post. */
    public ReferenceInput(Optional<String> messageId, String authorName, String authorUsername, Optional<Instant> sentAt,
                          String content, List<String> embeds, List<AttachmentInput> attachments, boolean forwarded,
                          Optional<String> authorPlatformId) {
        this(messageId, authorName, authorUsername, sentAt, content, embeds, attachments, forwarded, authorPlatformId,
                false);
    }

    /** A reference whose author is not a known person (a character, a forward, another platform). */
    public ReferenceInput(Optional<String> messageId, String authorName, String authorUsername, Optional<Instant> sentAt,
                          String content, List<String> embeds, List<AttachmentInput> attachments, boolean forwarded) {
        this(messageId, authorName, authorUsername, sentAt, content, embeds, attachments, forwarded, Optional.empty());
    }

    public ReferenceInput {
        authorPlatformId = Objects.requireNonNullElse(authorPlatformId, Optional.empty());
        messageId = Objects.requireNonNullElse(messageId, Optional.empty());
        sentAt = Objects.requireNonNullElse(sentAt, Optional.empty());
        content = content == null ? "" : content;
        embeds = List.copyOf(Objects.requireNonNullElse(embeds, List.of()));
        attachments = List.copyOf(Objects.requireNonNullElse(attachments, List.of()));
    }
}
