package io.tzurot.web.personality;

import io.tzurot.core.personality.Personality;
import io.tzurot.core.personality.PersonalityDraft;
import io.tzurot.core.personality.SlugValidator;
import io.tzurot.web.http.ApiException;
import io.tzurot.web.http.Inputs;
import io.tzurot.web.http.JsonBody;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;

/**
 * The personality's text fields with their limits (spec datamodel §4), and the drafts built from a
 * create body, a PATCH body or a console form. Every failure is a 400 naming the field.
 */
public final class PersonalityFields {

    /** A text field: JSON name, largest length, whether it is required, and how to read it from a personality. */
    public record Field(String name, String label, int max, boolean required, Function<Personality, String> read) {
    }

    /** In form order. The slug is handled on its own. */
    public static final List<Field> TEXT = List.of(
            new Field("name", "Name", 255, true, Personality::name),
            new Field("displayName", "Display name", 255, false, Personality::displayName),
            new Field("characterInfo", "Character info", 4000, true, Personality::characterInfo),
            new Field("personalityTraits", "Personality traits", 1000, true, Personality::personalityTraits),
            new Field("tone", "Tone", 1000, false, Personality::tone),
            new Field("age", "Age", 100, false, Personality::age),
            new Field("appearance", "Appearance", 4000, false, Personality::appearance),
            new Field("likes", "Likes", 4000, false, Personality::likes),
            new Field("dislikes", "Dislikes", 4000, false, Personality::dislikes),
            new Field("conversationalGoals", "Conversational goals", 4000, false, Personality::conversationalGoals),
            new Field("conversationalExamples", "Conversational examples", 4000, false, Personality::conversationalExamples),
            new Field("errorMessage", "Error message", 1000, false, Personality::errorMessage));

    /** Every field a create or PATCH body may carry. */
    public static final Set<String> ALLOWED = allowed();

    private PersonalityFields() {
    }

    private static Set<String> allowed() {
        java.util.HashSet<String> names = new java.util.HashSet<>();
        TEXT.forEach(f -> names.add(f.name()));
        names.add("slug");
        names.add("isPublic");
        return Set.copyOf(names);
    }

    /** A validated slug, or 400 listing what is wrong with it. */
    public static String slug(String raw) {
        String slug = raw == null ? "" : raw.strip();
        List<String> problems = SlugValidator.problems(slug);
        if (!problems.isEmpty()) {
            throw ApiException.badRequest("slug", "'slug' is invalid: " + String.join("; ", problems)
                    + " (e.g. 'ada-lovelace').");
        }
        return slug;
    }

    /** The draft of a new personality from a JSON body: name, slug, characterInfo and personalityTraits are required. */
    public static PersonalityDraft create(JsonBody body) {
        body.allowOnly(ALLOWED);
        Map<String, String> values = new LinkedHashMap<>();
        for (Field f : TEXT) {
            values.put(f.name(), f.required() ? body.requiredString(f.name(), f.max())
                    : body.optionalString(f.name(), f.max()).orElse(null));
        }
        String slug = slug(body.requiredString("slug", 50));
        return draft(values, slug, body.optionalBoolean("isPublic", false));
    }

    /**
     * The draft after a PATCH: absent fields keep their value, null or "" clears an optional field.
     *
     * @param maySetSlug whether the caller may rename the slug (the bot owner only)
     */
    public static PersonalityDraft patch(Personality current, JsonBody body, boolean maySetSlug) {
        body.allowOnly(ALLOWED);
        Map<String, String> values = new LinkedHashMap<>();
        for (Field f : TEXT) {
            String value = f.read().apply(current);
            if (body.has(f.name())) {
                if (f.required()) {
                    value = body.isNull(f.name()) ? Inputs.requiredString(f.name(), null, f.max())
                            : body.requiredString(f.name(), f.max());
                } else {
                    value = body.optionalString(f.name(), f.max()).orElse(null);
                }
            }
            values.put(f.name(), value);
        }
        String slug = current.slug();
        if (body.has("slug")) {
            String wanted = slug(body.isNull("slug") ? null : body.requiredString("slug", 50));
            if (!wanted.equals(slug) && !maySetSlug) {
                throw ApiException.forbidden("Only the bot owner may change a personality's slug.");
            }
            slug = wanted;
        }
        boolean isPublic = body.has("isPublic") ? body.optionalBoolean("isPublic", current.isPublic()) : current.isPublic();
        return draft(values, slug, isPublic);
    }

    /** The draft from a console form, where every field is text and an unchecked box is absent. */
    public static PersonalityDraft form(Function<String, String> param, String slug) {
        Map<String, String> values = new LinkedHashMap<>();
        for (Field f : TEXT) {
            String raw = param.apply(f.name());
            values.put(f.name(), f.required() ? Inputs.requiredString(f.name(), raw, f.max())
                    : Inputs.optionalString(f.name(), raw, f.max()).orElse(null));
        }
        return draft(values, slug, "true".equals(param.apply("isPublic")));
    }

    private static PersonalityDraft draft(Map<String, String> v, String slug, boolean isPublic) {
        try {
            return new PersonalityDraft(v.get("name"), v.get("displayName"), slug, v.get("characterInfo"),
                    v.get("personalityTraits"), v.get("tone"), v.get("age"), v.get("appearance"), v.get("likes"),
                    v.get("dislikes"), v.get("conversationalGoals"), v.get("conversationalExamples"),
                    v.get("errorMessage"), isPublic);
        } catch (IllegalArgumentException e) {
            // the fields were checked one by one above; this only repeats the core's own rules
            throw ApiException.badRequest(null, e.getMessage());
        }
    }

    /** The value a form shows for a field of an existing personality ("" when unset). */
    public static String valueOf(Field field, Optional<Personality> personality) {
        return personality.map(field.read()).orElse("");
    }
}
