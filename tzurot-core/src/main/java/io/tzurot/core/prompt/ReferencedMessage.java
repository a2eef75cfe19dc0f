package io.tzurot.core.prompt;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * A message the user replied to, linked or forwarded.
 *
 * @param messageId platform id of the message, used to spot references already in the chat log
 * @param authorName display name of its author
 * @param authorUsername platform username of its author, blank when unknown
 * @param sentAt when it was sent, if known
 * @param content its text
 * @param embeds text of its embeds
 * @param attachments what is known about its attachments
 * @param forwarded true when it was forwarded (the original author is unknown)
 * @param automated true when a bot or webhook (a character) posted it
 */
public record ReferencedMessage(Optional<String> messageId, String authorName, String authorUsername,
        Optional<Instant> sentAt, String content, List<String> embeds, List<Attachment> attachments,
        boolean forwarded, boolean automated) {

    /** A reference not known to be a bot's or webhook's post. */
    public ReferencedMessage(Optional<String> messageId, String authorName, String authorUsername,
            Optional<Instant> sentAt, String content, List<String> embeds, List<Attachment> attachments,
            boolean forwarded) {
        this(messageId, authorName, authorUsername, sentAt, content, embeds, attachments, forwarded, false);
    }

    /** Validates and copies the fields. */
    public ReferencedMessage {
        messageId = Objects.requireNonNullElse(messageId, Optional.empty());
        authorName = authorName == null || authorName.isBlank() ? "Unknown" : authorName;
        authorUsername = authorUsername == null ? "" : authorUsername;
        sentAt = Objects.requireNonNullElse(sentAt, Optional.empty());
        content = content == null ? "" : content;
        embeds = List.copyOf(Objects.requireNonNull(embeds, "embeds must not be null"));
        attachments = List.copyOf(Objects.requireNonNull(attachments, "attachments must not be null"));
    }

    /** Its searchable plain text: content, embeds and attachment texts. */
    public String plainText() {
        StringBuilder text = new StringBuilder(content.strip());
        for (String embed : embeds) {
            appendLine(text, embed);
        }
        for (Attachment attachment : attachments) {
            appendLine(text, attachment.text());
        }
        return text.toString();
    }

    private static void appendLine(StringBuilder text, String line) {
        if (line == null || line.isBlank()) {
            return;
        }
        if (text.length() > 0) {
            text.append('\n');
        }
        text.append(line.strip());
    }
}
