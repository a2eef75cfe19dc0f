package io.tzurot.core.prompt;

import java.util.List;
import java.util.Objects;

/**
 * Lorebook content fired for this reply, by place: before or after the character definition, or inside the chat
 * log some messages from the end. Texts are raw; the prompt escapes them.
 */
public record PromptLore(List<String> beforeCharacter, List<String> afterCharacter, List<DepthNote> atDepth) {

    /** No lore. */
    public static final PromptLore NONE = new PromptLore(List.of(), List.of(), List.of());

    public PromptLore {
        beforeCharacter = List.copyOf(Objects.requireNonNull(beforeCharacter, "beforeCharacter"));
        afterCharacter = List.copyOf(Objects.requireNonNull(afterCharacter, "afterCharacter"));
        atDepth = List.copyOf(Objects.requireNonNull(atDepth, "atDepth"));
    }

    /**
     * Text placed in the chat log.
     *
     * @param depth 0 = after the newest message, 1 = before it, d = before the d-th newest (before the oldest when
     *              d is larger than the log)
     * @param role  {@code system}, {@code user} or {@code assistant}
     */
    public record DepthNote(int depth, String role, String text) {
        public DepthNote {
            Objects.requireNonNull(role, "role");
            Objects.requireNonNull(text, "text");
            depth = Math.max(0, depth);
        }
    }
}
