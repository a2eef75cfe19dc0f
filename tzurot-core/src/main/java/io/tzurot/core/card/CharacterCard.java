package io.tzurot.core.card;

import io.tzurot.core.lorebook.LorebookContent;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * A SillyTavern character card, whatever its container: the fields Tzurot reads, the embedded book, the image
 * and assets, and the whole card JSON so that every field Tzurot has no place for survives an export.
 *
 * @param tzurotFields this project's own personality fields kept under {@code data.extensions.tzurot} (tone, age, ...)
 * @param book         the embedded {@code character_book}, if any
 * @param image        the card's image (the PNG itself, or CHARX's main icon), or null
 * @param assets       other files of a CHARX card, by path
 * @param cardJson     the card as JSON text (V1 cards wrapped as V2), without its {@code character_book}
 */
public record CharacterCard(CardSpec spec, String name, String nickname, String description, String personality,
                            String scenario, String firstMessage, String exampleMessages, String systemPrompt,
                            List<String> alternateGreetings, Map<String, String> tzurotFields,
                            Optional<LorebookContent> book, byte[] image, List<CardAsset> assets, String cardJson)
        implements CharacterFile {

    public CharacterCard {
        Objects.requireNonNull(spec, "spec");
        name = nonNull(name);
        nickname = nonNull(nickname);
        description = nonNull(description);
        personality = nonNull(personality);
        scenario = nonNull(scenario);
        firstMessage = nonNull(firstMessage);
        exampleMessages = nonNull(exampleMessages);
        systemPrompt = nonNull(systemPrompt);
        alternateGreetings = List.copyOf(alternateGreetings == null ? List.of() : alternateGreetings);
        tzurotFields = Map.copyOf(tzurotFields == null ? Map.of() : tzurotFields);
        book = book == null ? Optional.empty() : book;
        image = image == null ? null : image.clone();
        assets = List.copyOf(assets == null ? List.of() : assets);
        Objects.requireNonNull(cardJson, "cardJson");
    }

    @Override
    public byte[] image() {
        return image == null ? null : image.clone();
    }

    /** A copy with the fields Tzurot manages replaced, the book, image and assets as given. */
    public CharacterCard withManaged(String newName, String newNickname, String newDescription, String newPersonality,
                                     String newExamples, String newSystemPrompt, Map<String, String> newTzurotFields,
                                     Optional<LorebookContent> newBook, byte[] newImage) {
        return new CharacterCard(spec, newName, newNickname, newDescription, newPersonality, scenario, firstMessage,
                newExamples, newSystemPrompt, alternateGreetings, newTzurotFields, newBook, newImage, assets, cardJson);
    }

    @Override
    public boolean equals(Object o) {
        return o instanceof CharacterCard c && spec == c.spec && name.equals(c.name) && nickname.equals(c.nickname)
                && description.equals(c.description) && personality.equals(c.personality) && scenario.equals(c.scenario)
                && firstMessage.equals(c.firstMessage) && exampleMessages.equals(c.exampleMessages)
                && systemPrompt.equals(c.systemPrompt) && alternateGreetings.equals(c.alternateGreetings)
                && tzurotFields.equals(c.tzurotFields) && book.equals(c.book)
                && java.util.Arrays.equals(image, c.image) && assets.equals(c.assets) && cardJson.equals(c.cardJson);
    }

    @Override
    public int hashCode() {
        return Objects.hash(spec, name, description, cardJson);
    }

    @Override
    public String toString() {
        return "CharacterCard[" + spec + ", " + name + "]";
    }

    private static String nonNull(String s) {
        return s == null ? "" : s;
    }
}
