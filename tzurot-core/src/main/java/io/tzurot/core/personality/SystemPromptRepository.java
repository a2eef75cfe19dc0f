package io.tzurot.core.personality;

import java.util.Optional;
import java.util.UUID;

/** Port: system prompts, at most one of which is the default. */
public interface SystemPromptRepository {

    /** Creates or replaces the prompt with id v5 {@code system_prompt:{name}}; a default one demotes the others. */
    SystemPrompt save(String name, String description, String content, boolean isDefault);

    Optional<SystemPrompt> findById(UUID id);

    Optional<SystemPrompt> findDefault();
}
