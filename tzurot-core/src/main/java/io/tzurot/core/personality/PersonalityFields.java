package io.tzurot.core.personality;

import io.tzurot.core.text.TextRules;
import io.tzurot.core.text.TextRules.Lines;
import java.util.List;
import java.util.Map;
import java.util.function.Function;

/** The personality's text fields with their limits (spec datamodel §4), in form order; the slug is apart. */
public final class PersonalityFields {

    /** A text field: its API name, label, largest length in characters, whether required, and how to read it. */
    public record Field(String name, String label, int max, boolean required, Lines lines,
                        Function<Personality, String> read) {
    }

    /** Every text field, in form order. */
    public static final List<Field> TEXT = List.of(
            new Field("name", "Name", 255, true, Lines.SINGLE, Personality::name),
            new Field("displayName", "Display name", 255, false, Lines.SINGLE, Personality::displayName),
            new Field("characterInfo", "Character info", 4000, true, Lines.MULTI, Personality::characterInfo),
            new Field("personalityTraits", "Personality traits", 1000, true, Lines.MULTI, Personality::personalityTraits),
            new Field("tone", "Tone", 1000, false, Lines.MULTI, Personality::tone),
            new Field("age", "Age", 100, false, Lines.SINGLE, Personality::age),
            new Field("appearance", "Appearance", 4000, false, Lines.MULTI, Personality::appearance),
            new Field("likes", "Likes", 4000, false, Lines.MULTI, Personality::likes),
            new Field("dislikes", "Dislikes", 4000, false, Lines.MULTI, Personality::dislikes),
            new Field("conversationalGoals", "Conversational goals", 4000, false, Lines.MULTI,
                    Personality::conversationalGoals),
            new Field("conversationalExamples", "Conversational examples", 4000, false, Lines.MULTI,
                    Personality::conversationalExamples),
            new Field("errorMessage", "Error message", 1000, false, Lines.MULTI, Personality::errorMessage));

    /** Longest alias, in characters. */
    public static final int MAX_ALIAS = 100;

    private PersonalityFields() {
    }

    /** The field with this API name. */
    public static Field field(String name) {
        return TEXT.stream().filter(f -> f.name().equals(name)).findFirst()
                .orElseThrow(() -> new IllegalArgumentException("no personality field " + name));
    }

    /**
     * The validated draft from raw values by field name (absent or blank optional fields are unset), checking
     * each field with {@link TextRules} in form order, then the slug.
     */
    static PersonalityDraft draft(Map<String, String> raw, String slug, boolean isPublic) {
        java.util.Map<String, String> v = new java.util.HashMap<>();
        for (Field f : TEXT) {
            String value = raw.get(f.name());
            v.put(f.name(), f.required() ? TextRules.required(f.name(), value, f.max(), f.lines())
                    : TextRules.optional(f.name(), value, f.max(), f.lines()).orElse(null));
        }
        String cleanSlug = Slugs.require(slug);
        return new PersonalityDraft(v.get("name"), v.get("displayName"), cleanSlug, v.get("characterInfo"),
                v.get("personalityTraits"), v.get("tone"), v.get("age"), v.get("appearance"), v.get("likes"),
                v.get("dislikes"), v.get("conversationalGoals"), v.get("conversationalExamples"),
                v.get("errorMessage"), isPublic);
    }
}
