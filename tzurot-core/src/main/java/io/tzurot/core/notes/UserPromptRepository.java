package io.tzurot.core.notes;

import java.util.List;
import java.util.Optional;
import java.util.UUID;

/** Port: users' system-prompt additions, at most one per user and character, and one per user for all. */
public interface UserPromptRepository {

    Optional<UserPrompt> find(UUID userId, Optional<UUID> personalityId);

    /** Inserts or replaces. */
    void save(UserPrompt prompt);

    /** Deletes; false when there was none. */
    boolean delete(UUID userId, Optional<UUID> personalityId);

    /** The user's prompts for every character and for {@code personalityId}. */
    List<UserPrompt> forReply(UUID userId, UUID personalityId);

    /** All of the user's prompts (for the console and exports), the all-characters one first. */
    List<UserPrompt> ofUser(UUID userId);
}
