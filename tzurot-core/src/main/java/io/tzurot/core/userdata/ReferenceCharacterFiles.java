package io.tzurot.core.userdata;

import io.tzurot.core.personality.Personality;
import java.nio.charset.StandardCharsets;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;

/**
 * A character as the reference's export writes it (api.md §B.1): {@code {slug}.json} with the non-empty
 * fields in the reference's order, and {@code {slug}-avatar.png} when it has an avatar.
 */
public final class ReferenceCharacterFiles implements CharacterFiles {

    @Override
    public Map<String, byte[]> filesOf(Personality p, Optional<byte[]> avatar) {
        Map<String, byte[]> files = new LinkedHashMap<>();
        files.put(p.slug() + ".json", JsonWriter.write(json(p)).getBytes(StandardCharsets.UTF_8));
        avatar.ifPresent(png -> files.put(p.slug() + "-avatar.png", png));
        return files;
    }

    /** The reference's character JSON of {@code p}. */
    public static Map<String, Object> json(Personality p) {
        Map<String, Object> m = new LinkedHashMap<>();
        put(m, "name", p.name());
        put(m, "slug", p.slug());
        put(m, "displayName", p.displayName());
        m.put("isPublic", p.isPublic());
        put(m, "characterInfo", p.characterInfo());
        put(m, "personalityTraits", p.personalityTraits());
        put(m, "personalityTone", p.tone());
        put(m, "personalityAge", p.age());
        put(m, "personalityAppearance", p.appearance());
        put(m, "personalityLikes", p.likes());
        put(m, "personalityDislikes", p.dislikes());
        put(m, "conversationalGoals", p.conversationalGoals());
        put(m, "conversationalExamples", p.conversationalExamples());
        put(m, "errorMessage", p.errorMessage());
        return m;
    }

    private static void put(Map<String, Object> m, String key, String value) {
        if (value != null && !value.isBlank()) {
            m.put(key, value);
        }
    }
}
