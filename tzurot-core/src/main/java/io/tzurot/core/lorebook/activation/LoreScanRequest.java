package io.tzurot.core.lorebook.activation;

import java.util.List;
import java.util.Objects;

/**
 * What one scan looks at.
 *
 * @param books               the books in priority order (character books first, then persona, channel, global)
 * @param messages            the conversation, oldest first, the message being answered last
 * @param contextWindowTokens the model's context window; lore gets a share of it
 * @param settings            the global world-info settings
 */
public record LoreScanRequest(List<LoreBook> books, List<LoreMessage> messages, int contextWindowTokens,
                              LoreSettings settings) {

    public LoreScanRequest {
        books = List.copyOf(Objects.requireNonNull(books, "books"));
        messages = List.copyOf(Objects.requireNonNull(messages, "messages"));
        Objects.requireNonNull(settings, "settings");
        if (contextWindowTokens <= 0) {
            throw new IllegalArgumentException("contextWindowTokens must be > 0, was " + contextWindowTokens);
        }
    }
}
