package io.tzurot.core.reply;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A message the current one points at (a reply target, a linked or forwarded message), before its
 * attachments are described. The adapter has already checked the speaker may see it.
 */
public record ReferenceInput(Optional<String> messageId, String authorName, String authorUsername,
                             Optional<Instant> sentAt, String content, List<String> embeds,
                             List<AttachmentInput> attachments, boolean forwarded) {

    public ReferenceInput {
        messageId = Objects.requireNonNullElse(messageId, Optional.empty());
        sentAt = Objects.requireNonNullElse(sentAt, Optional.empty());
        content = content == null ? "" : content;
        embeds = List.copyOf(Objects.requireNonNullElse(embeds, List.of()));
        attachments = List.copyOf(Objects.requireNonNullElse(attachments, List.of()));
    }
}
