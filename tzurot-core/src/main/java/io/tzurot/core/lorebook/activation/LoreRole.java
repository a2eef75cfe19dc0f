package io.tzurot.core.lorebook.activation;

/** The role of an entry placed at depth (SillyTavern: 0 system, 1 user, 2 assistant). */
public enum LoreRole {
    SYSTEM, USER, ASSISTANT;

    static LoreRole of(Integer number) {
        if (number == null) {
            return SYSTEM;
        }
        return switch (number) {
            case 1 -> USER;
            case 2 -> ASSISTANT;
            default -> SYSTEM;
        };
    }

    /** The role named by a {@code @@role} decorator, or null when the name is not one. */
    static LoreRole named(String name) {
        return switch (name.strip().toLowerCase(java.util.Locale.ROOT)) {
            case "system" -> SYSTEM;
            case "user" -> USER;
            case "assistant" -> ASSISTANT;
            default -> null;
        };
    }
}
