package io.tzurot.core.card;

import io.tzurot.core.failure.DomainError;
import io.tzurot.core.failure.DomainException;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.personality.PersonalityInput;
import io.tzurot.core.text.TextRules;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * How card fields become personality fields and back (spec cards.md, api.md §B.4): name → name,
 * description → character info, personality → traits, mes_example → conversational examples, system_prompt →
 * the character's own system prompt, V3 nickname → display name; Tzurot's other fields travel in
 * {@code data.extensions.tzurot}. Everything else stays in the card JSON. On export a field the person has not
 * changed since import is written exactly as the card had it, so import → export is lossless.
 */
public final class CardMapping {

    /** Traits for a card whose {@code personality} is empty (Tzurot requires some). */
    public static final String NO_TRAITS = "As described in the character info.";

    /** Personality fields kept under {@code data.extensions.tzurot}. */
    public static final List<String> EXTENSION_FIELDS = List.of("displayName", "tone", "age", "appearance", "likes",
            "dislikes", "conversationalGoals", "errorMessage");

    // which card field each personality field comes from, for error messages
    private static final Map<String, String> CARD_FIELD = Map.of("name", "data.name", "characterInfo",
            "data.description", "personalityTraits", "data.personality", "conversationalExamples", "data.mes_example",
            "systemPrompt", "data.system_prompt", "displayName", "data.nickname");

    private CardMapping() {
    }

    /** The personality input a card describes (not yet validated), with this slug. */
    public static PersonalityInput toInput(CharacterCard card, String slug) {
        Map<String, String> text = new HashMap<>();
        card.tzurotFields().forEach((k, v) -> {
            if (EXTENSION_FIELDS.contains(k)) {
                text.put(k, v);
            }
        });
        text.put("name", card.name());
        if (!text.containsKey("displayName") && !card.nickname().isBlank()) {
            text.put("displayName", card.nickname());
        }
        text.put("characterInfo", card.description().isBlank() ? card.name() : card.description());
        text.put("personalityTraits", card.personality().isBlank() ? NO_TRAITS : card.personality());
        text.put("conversationalExamples", card.exampleMessages());
        return new PersonalityInput(text, slug, false);
    }

    /**
     * A use case's refusal of a mapped field, restated with the card field it came from, e.g. "The card's
     * data.description: 'characterInfo' must be at most 4000 characters".
     */
    public static DomainException restate(DomainException e) {
        if (e.error() instanceof DomainError.InvalidField invalid && CARD_FIELD.containsKey(invalid.field())) {
            return DomainException.invalid("file", "The card's " + CARD_FIELD.get(invalid.field()) + " does not fit: "
                    + invalid.message());
        }
        return e;
    }

    /**
     * The card to export for {@code p}: the stored card (or a blank V2 card) with the fields Tzurot manages
     * brought up to date, unchanged ones kept as the card had them.
     *
     * @param ownPrompt the character's own system prompt, or "" when it uses the default one
     */
    public static CharacterCard toCard(Personality p, Optional<CharacterCard> stored, String ownPrompt,
                                       Optional<io.tzurot.core.lorebook.LorebookContent> book, byte[] image) {
        CharacterCard base = stored.orElseGet(CardMapping::blank);
        PersonalityInput was = toInput(base, p.slug());
        String name = keep(was.get("name"), p.name(), base.name());
        String description = keep(was.get("characterInfo"), p.characterInfo(), base.description());
        String traits = keep(was.get("personalityTraits"), p.personalityTraits(), base.personality());
        String examples = keep(was.get("conversationalExamples"), p.conversationalExamples(), base.exampleMessages());
        String prompt = keep(base.systemPrompt(), ownPrompt, base.systemPrompt());
        String nickname = base.nickname();
        Map<String, String> tzurot = new LinkedHashMap<>();
        Map<String, String> current = PersonalityInput.of(p).text();
        for (String field : EXTENSION_FIELDS) {
            String value = current.get(field);
            if (value != null && !(field.equals("displayName") && value.equals(TextRules.clean(base.nickname()))
                    && !base.tzurotFields().containsKey("displayName"))) {
                tzurot.put(field, value);
            }
        }
        if (base.tzurotFields().isEmpty() && tzurot.isEmpty()) {
            tzurot = Map.of();
        }
        return base.withManaged(name, nickname, description, traits, examples, prompt, tzurot, book, image);
    }

    /** A card with nothing in it yet, for a character not imported from a card. */
    public static CharacterCard blank() {
        return new CharacterCard(CardSpec.V2, "", "", "", "", "", "", "", "", List.of(), Map.of(), Optional.empty(),
                null, List.of(), "{}");
    }

    // the card's raw value when the person has not changed the field since import, else the current value
    private static String keep(String mappedAtImport, String now, String raw) {
        String current = now == null ? "" : now;
        return Objects.equals(TextRules.clean(mappedAtImport), current) ? raw : current;
    }
}
