package io.tzurot.core.notes;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** A user's own addition to the system prompt, for one character or (empty) for every character. */
public record UserPrompt(UUID userId, Optional<UUID> personalityId, String content, Instant updatedAt) {

    public UserPrompt {
        Objects.requireNonNull(userId, "userId");
        personalityId = Objects.requireNonNullElse(personalityId, Optional.empty());
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(updatedAt, "updatedAt");
    }

    /** The storage key, shared with the user's author's notes' form. */
    public String key() {
        return NoteScope.userKey(userId, personalityId);
    }
}
