package io.tzurot.core.prompt;

import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;

/**
 * One stored message of the short-term conversation history.
 *
 * @param role who wrote it
 * @param speakerName persona name (user) or personality name (assistant)
 * @param speakerPersonaId persona id of a user speaker; personality id of a character speaker (never shown)
 * @param speakerUsername platform username of a user speaker, used when names collide
 * @param createdAt when it was written
 * @param content its text
 * @param tokenCount stored token count of {@code content}, if known
 * @param messageIds platform message ids of the message (one message may span several)
 * @param attachments what is known about its attachments
 * @param quoted messages it replied to or forwarded
 */
public record HistoryEntry(Role role, String speakerName, Optional<String> speakerPersonaId,
        Optional<String> speakerUsername, Instant createdAt, String content, OptionalInt tokenCount,
        List<String> messageIds, List<Attachment> attachments, List<ReferencedMessage> quoted) {

    /** Who wrote a history entry. */
    public enum Role {
        /** A person. */
        USER,
        /** A personality. */
        ASSISTANT
    }

    /** Validates and copies the fields. */
    public HistoryEntry {
        Objects.requireNonNull(role, "history role must not be null");
        Objects.requireNonNull(createdAt, "history createdAt must not be null");
        speakerName = speakerName == null ? "" : speakerName.strip();
        speakerPersonaId = Objects.requireNonNullElse(speakerPersonaId, Optional.empty());
        speakerUsername = Objects.requireNonNullElse(speakerUsername, Optional.empty());
        content = content == null ? "" : content;
        tokenCount = Objects.requireNonNullElse(tokenCount, OptionalInt.empty());
        if (tokenCount.isPresent() && tokenCount.getAsInt() < 0) {
            throw new IllegalArgumentException("history tokenCount must be >= 0, was " + tokenCount.getAsInt());
        }
        messageIds = List.copyOf(Objects.requireNonNull(messageIds, "messageIds must not be null"));
        attachments = List.copyOf(Objects.requireNonNull(attachments, "attachments must not be null"));
        quoted = List.copyOf(Objects.requireNonNull(quoted, "quoted must not be null"));
    }

    /** A plain user message without attachments or quotes. */
    public static HistoryEntry user(String personaId, String name, Instant at, String content, OptionalInt tokens) {
        return new HistoryEntry(Role.USER, name, Optional.of(personaId), Optional.empty(), at, content, tokens,
                List.of(), List.of(), List.of());
    }

    /** A plain reply of a personality. */
    public static HistoryEntry assistant(String personalityName, Instant at, String content, OptionalInt tokens) {
        return new HistoryEntry(Role.ASSISTANT, personalityName, Optional.empty(), Optional.empty(), at, content,
                tokens, List.of(), List.of(), List.of());
    }

    /** A plain reply of the personality with this id (kept to tell one character's turns from another's). */
    public static HistoryEntry assistant(String personalityId, String personalityName, Instant at, String content,
                                         OptionalInt tokens) {
        return new HistoryEntry(Role.ASSISTANT, personalityName, Optional.of(personalityId), Optional.empty(), at,
                content, tokens, List.of(), List.of(), List.of());
    }

    /** Whether this is a turn of the character with {@code personalityId} (an unattributed turn counts as its). */
    public boolean isTurnOf(String personalityId) {
        return role == Role.ASSISTANT && speakerPersonaId.map(personalityId::equals).orElse(true);
    }
}
