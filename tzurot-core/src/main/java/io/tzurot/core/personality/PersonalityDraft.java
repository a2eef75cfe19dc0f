package io.tzurot.core.personality;

import io.tzurot.core.text.TextRules;
import java.util.ArrayList;
import java.util.List;

/**
 * Validated personality fields (spec §4): strings trimmed, blank optional fields become null, the
 * slug checked by {@link SlugValidator}.
 */
public record PersonalityDraft(String name, String displayName, String slug, String characterInfo,
                               String personalityTraits, String tone, String age, String appearance, String likes,
                               String dislikes, String conversationalGoals, String conversationalExamples,
                               String errorMessage, boolean isPublic) {

    public PersonalityDraft {
        name = trim(name);
        slug = trim(slug);
        characterInfo = trim(characterInfo);
        personalityTraits = trim(personalityTraits);
        displayName = blankToNull(displayName);
        tone = blankToNull(tone);
        age = blankToNull(age);
        appearance = blankToNull(appearance);
        likes = blankToNull(likes);
        dislikes = blankToNull(dislikes);
        conversationalGoals = blankToNull(conversationalGoals);
        conversationalExamples = blankToNull(conversationalExamples);
        errorMessage = blankToNull(errorMessage);
        List<String> problems = new ArrayList<>(SlugValidator.problems(slug));
        required(problems, "name", name, 255);
        required(problems, "characterInfo", characterInfo, 4000);
        required(problems, "personalityTraits", personalityTraits, 1000);
        optional(problems, "displayName", displayName, 255);
        optional(problems, "tone", tone, 1000);
        optional(problems, "age", age, 100);
        optional(problems, "appearance", appearance, 4000);
        optional(problems, "likes", likes, 4000);
        optional(problems, "dislikes", dislikes, 4000);
        optional(problems, "conversationalGoals", conversationalGoals, 4000);
        optional(problems, "conversationalExamples", conversationalExamples, 4000);
        optional(problems, "errorMessage", errorMessage, 1000);
        if (!problems.isEmpty()) {
            throw new IllegalArgumentException("invalid personality: " + String.join("; ", problems));
        }
    }

    /** A minimal private draft; the other fields can be set with a full constructor call. */
    public static PersonalityDraft of(String name, String slug, String characterInfo, String personalityTraits) {
        return new PersonalityDraft(name, null, slug, characterInfo, personalityTraits,
                null, null, null, null, null, null, null, null, false);
    }

    /** A copy with another visibility. */
    public PersonalityDraft withPublic(boolean visible) {
        return new PersonalityDraft(name, displayName, slug, characterInfo, personalityTraits, tone, age, appearance,
                likes, dislikes, conversationalGoals, conversationalExamples, errorMessage, visible);
    }

    /** A copy with another display name. */
    public PersonalityDraft withDisplayName(String shown) {
        return new PersonalityDraft(name, shown, slug, characterInfo, personalityTraits, tone, age, appearance,
                likes, dislikes, conversationalGoals, conversationalExamples, errorMessage, isPublic);
    }

    private static void required(List<String> problems, String field, String value, int max) {
        if (value == null || value.isEmpty() || TextRules.length(value) > max) {
            problems.add(field + " must be 1-" + max + " characters");
        }
    }

    private static void optional(List<String> problems, String field, String value, int max) {
        if (value != null && TextRules.length(value) > max) {
            problems.add(field + " must be at most " + max + " characters");
        }
    }

    private static String trim(String s) {
        return s == null ? null : s.trim();
    }

    private static String blankToNull(String s) {
        return s == null || s.isBlank() ? null : s.trim();
    }
}
