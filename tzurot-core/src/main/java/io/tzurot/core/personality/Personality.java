package io.tzurot.core.personality;

import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * An AI character. Nullable text fields are null when unset; the avatar and the settings tier are
 * read separately through {@link PersonalityRepository}.
 *
 * @param displayName or null (falls back to name)
 * @param systemPromptId or null
 * @param errorMessage custom failure reply, or null
 */
public record Personality(UUID id, String name, String displayName, String slug, UUID systemPromptId, UUID ownerId,
                          String characterInfo, String personalityTraits, String tone, String age, String appearance,
                          String likes, String dislikes, String conversationalGoals, String conversationalExamples,
                          String errorMessage, boolean isPublic, Instant createdAt, Instant updatedAt) {

    public Personality {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(name, "name");
        Objects.requireNonNull(slug, "slug");
        Objects.requireNonNull(ownerId, "ownerId");
        Objects.requireNonNull(characterInfo, "characterInfo");
        Objects.requireNonNull(personalityTraits, "personalityTraits");
    }

    /** The name shown to users: display name, else name. */
    public String shownName() {
        return displayName != null ? displayName : name;
    }

    public Optional<String> customErrorMessage() {
        return Optional.ofNullable(errorMessage);
    }
}
