package io.tzurot.core.prompt;

import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * The message being answered.
 *
 * @param speakerPersonaId persona id of its author
 * @param speakerName persona name of its author
 * @param speakerUsername platform username of its author, used when the name equals the personality's
 * @param text its text, possibly empty when it only carries attachments
 * @param attachments descriptions and transcripts of its attachments
 */
public record CurrentMessage(String speakerPersonaId, String speakerName, Optional<String> speakerUsername,
        String text, List<Attachment> attachments) {

    /** Validates and copies the fields. */
    public CurrentMessage {
        Objects.requireNonNull(speakerPersonaId, "speakerPersonaId must not be null");
        speakerName = speakerName == null || speakerName.isBlank() ? "User" : speakerName.strip();
        speakerUsername = Objects.requireNonNullElse(speakerUsername, Optional.empty());
        text = text == null ? "" : text;
        attachments = List.copyOf(Objects.requireNonNull(attachments, "attachments must not be null"));
    }
}
