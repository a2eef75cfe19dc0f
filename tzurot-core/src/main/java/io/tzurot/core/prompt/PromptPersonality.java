package io.tzurot.core.prompt;

import java.util.Objects;

/**
 * The character being played: its names and card fields. Blank fields are left out of the prompt.
 *
 * @param name the personality's name ("You are {name}.")
 * @param displayName shown name; blank means {@code name}
 * @param characterInfo background / description
 * @param traits personality traits
 * @param tone tone of voice
 * @param age age
 * @param appearance appearance
 * @param likes likes
 * @param dislikes dislikes
 * @param conversationalGoals what the character wants from conversations
 * @param conversationalExamples example dialogue
 */
public record PromptPersonality(String name, String displayName, String characterInfo, String traits, String tone,
        String age, String appearance, String likes, String dislikes, String conversationalGoals,
        String conversationalExamples) {

    /** Validates the name and turns absent fields into empty strings. */
    public PromptPersonality {
        Objects.requireNonNull(name, "personality name must not be null");
        if (name.isBlank()) {
            throw new IllegalArgumentException("personality name must not be blank");
        }
        displayName = displayName == null || displayName.isBlank() ? name : displayName;
        characterInfo = orEmpty(characterInfo);
        traits = orEmpty(traits);
        tone = orEmpty(tone);
        age = orEmpty(age);
        appearance = orEmpty(appearance);
        likes = orEmpty(likes);
        dislikes = orEmpty(dislikes);
        conversationalGoals = orEmpty(conversationalGoals);
        conversationalExamples = orEmpty(conversationalExamples);
    }

    /** A personality with only names; the card fields are empty. */
    public static PromptPersonality named(String name, String displayName) {
        return new PromptPersonality(name, displayName, "", "", "", "", "", "", "", "", "");
    }

    private static String orEmpty(String value) {
        return value == null ? "" : value.strip();
    }
}
