package io.tzurot.core.shapes;

import io.tzurot.core.card.CardMapping;
import io.tzurot.core.failure.DomainException;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.Map;

/**
 * How a shapes.inc configuration becomes a character (spec api.md §B.3): name ← name or username, character
 * info ← user_prompt, traits ← personality_traits, tone/age/likes/dislikes ← personality_*, appearance ←
 * personality_appearance else shape_settings.appearance, goals/examples ← personality_conversational_*, error
 * message ← error_message, system prompt ← jailbreak. Empty strings count as absent.
 */
public final class ShapesMapping {

    // Tzurot field ← shapes config key; the first present key wins
    private static final Map<String, String[]> FIELDS = new LinkedHashMap<>();

    static {
        FIELDS.put("characterInfo", new String[] {"user_prompt"});
        FIELDS.put("personalityTraits", new String[] {"personality_traits"});
        FIELDS.put("tone", new String[] {"personality_tone"});
        FIELDS.put("age", new String[] {"personality_age"});
        FIELDS.put("appearance", new String[] {"personality_appearance", "shape_settings.appearance"});
        FIELDS.put("likes", new String[] {"personality_likes"});
        FIELDS.put("dislikes", new String[] {"personality_dislikes"});
        FIELDS.put("conversationalGoals", new String[] {"personality_conversational_goals"});
        FIELDS.put("conversationalExamples", new String[] {"personality_conversational_examples"});
        FIELDS.put("errorMessage", new String[] {"error_message"});
    }

    private ShapesMapping() {
    }

    /**
     * The character a configuration describes; {@code config} holds its text values by shapes key (nested keys
     * joined with '.'). An invalid {@code file}/{@code shape} error when it has no id or username.
     */
    public static ShapesCharacter character(Map<String, String> config) {
        String username = present(config, "username");
        String id = present(config, "id");
        if (username == null || id == null) {
            throw DomainException.invalid("shape", "The shapes.inc configuration has no "
                    + (id == null ? "'id'" : "'username'") + "; it is not a shape's configuration.");
        }
        Map<String, String> fields = new HashMap<>();
        String name = present(config, "name");
        fields.put("name", name == null ? username : name);
        fields.put("displayName", name == null ? username : name);
        FIELDS.forEach((field, keys) -> {
            for (String key : keys) {
                String value = present(config, key);
                if (value != null) {
                    fields.put(field, value);
                    break;
                }
            }
        });
        fields.putIfAbsent("characterInfo", fields.get("name"));
        fields.putIfAbsent("personalityTraits", CardMapping.NO_TRAITS);
        return new ShapesCharacter(username, id, fields, present(config, "jailbreak"), present(config, "avatar"));
    }

    private static String present(Map<String, String> config, String key) {
        String v = config.get(key);
        return v == null || v.isBlank() ? null : v;
    }
}
