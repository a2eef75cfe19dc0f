package io.tzurot.core.shapes;

import java.util.Map;
import java.util.Objects;

/**
 * A shapes.inc character as read from its configuration: the shapes username (its slug there) and id, the
 * personality fields it maps to (keys as {@link io.tzurot.core.personality.PersonalityInput} spells them), the
 * system prompt (the shapes "jailbreak"; may be empty) and the avatar URL (may be empty).
 */
public record ShapesCharacter(String username, String shapeId, Map<String, String> fields, String systemPrompt,
                              String avatarUrl) {

    public ShapesCharacter {
        Objects.requireNonNull(username, "username");
        Objects.requireNonNull(shapeId, "shapeId");
        fields = Map.copyOf(fields);
        systemPrompt = systemPrompt == null ? "" : systemPrompt;
        avatarUrl = avatarUrl == null ? "" : avatarUrl;
    }

    /** The character's name (always present: the mapping falls back to the username). */
    public String name() {
        return fields.getOrDefault("name", username);
    }
}
