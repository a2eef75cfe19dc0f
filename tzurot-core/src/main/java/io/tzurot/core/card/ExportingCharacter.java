package io.tzurot.core.card;

import io.tzurot.core.access.Actor;
import io.tzurot.core.lorebook.Lorebook;
import io.tzurot.core.lorebook.LorebookContent;
import io.tzurot.core.lorebook.LorebookRepository;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.personality.PersonalityFields;
import io.tzurot.core.personality.PersonalityRepository;
import io.tzurot.core.personality.SystemPrompt;
import io.tzurot.core.personality.SystemPromptRepository;
import io.tzurot.core.personality.ViewingPersonalities;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;

/**
 * Exports a character as the reference's JSON or as a SillyTavern card (JSON, PNG, CHARX). Only those who may
 * edit it (its owner, co-owners, the bot owner) may export it, as in the reference (spec api.md §B.1): a
 * public character is visible to everyone but its definition is not handed out; others get forbidden, and a
 * character they cannot see is not found.
 */
public final class ExportingCharacter {

    private final CardCodec codec;
    private final ViewingPersonalities viewing;
    private final PersonalityRepository personalities;
    private final Optional<SystemPromptRepository> systemPrompts;
    private final LorebookRepository lorebooks;
    private final CardExtrasRepository extras;

    public ExportingCharacter(CardCodec codec, ViewingPersonalities viewing, PersonalityRepository personalities,
                              Optional<SystemPromptRepository> systemPrompts, LorebookRepository lorebooks,
                              CardExtrasRepository extras) {
        this.codec = Objects.requireNonNull(codec, "codec");
        this.viewing = Objects.requireNonNull(viewing, "viewing");
        this.personalities = Objects.requireNonNull(personalities, "personalities");
        this.systemPrompts = Objects.requireNonNull(systemPrompts, "systemPrompts");
        this.lorebooks = Objects.requireNonNull(lorebooks, "lorebooks");
        this.extras = Objects.requireNonNull(extras, "extras");
    }

    /** The character with this slug in the format; not found / forbidden as the class says. */
    public ExportedFile export(Actor actor, String slug, CharacterExportFormat format) {
        Objects.requireNonNull(format, "format");
        Personality p = viewing.editable(actor, slug);
        byte[] avatar = personalities.avatar(p.id()).orElse(null);
        String fileName = p.slug() + (format == CharacterExportFormat.TZUROT ? "" : ".card") + "." + format.extension();
        if (format == CharacterExportFormat.TZUROT) {
            return new ExportedFile(fileName, format.mediaType(), codec.writeReference(reference(p, avatar)));
        }
        return new ExportedFile(fileName, format.mediaType(), codec.writeCard(card(p, avatar), format));
    }

    /** The card Tzurot would export for {@code p} (no access check: callers have made it). */
    public CharacterCard card(Personality p, byte[] avatar) {
        Optional<CharacterCard> stored = extras.find(p.id()).map(e -> {
            CharacterFile file = codec.readCharacter("stored.json", e.cardJson().getBytes(java.nio.charset.StandardCharsets.UTF_8));
            CharacterCard c = (CharacterCard) file;
            return new CharacterCard(c.spec(), c.name(), c.nickname(), c.description(), c.personality(), c.scenario(),
                    c.firstMessage(), c.exampleMessages(), c.systemPrompt(), c.alternateGreetings(), c.tzurotFields(),
                    Optional.empty(), null, e.assets(), c.cardJson());
        });
        String ownPrompt = Optional.ofNullable(p.systemPromptId()).flatMap(id -> systemPrompts.flatMap(r -> r.findById(id)))
                .filter(sp -> !sp.isDefault()).map(SystemPrompt::content).orElse("");
        Optional<LorebookContent> book = lorebooks.attachedTo(p.id()).stream().findFirst().map(Lorebook::content);
        return CardMapping.toCard(p, stored, ownPrompt, book, avatar);
    }

    /** The file name of {@link #template()}, as the reference names it. */
    public static final String TEMPLATE_FILE = "character_card_template.json";

    /**
     * A character file in the reference's JSON to fill in and import: every field with a placeholder saying what
     * goes there (the four required ones first), slug {@code my-character}, private.
     */
    public ExportedFile template() {
        Map<String, String> text = new LinkedHashMap<>();
        for (PersonalityFields.Field f : PersonalityFields.TEXT) {
            text.put(f.name(), f.label() + (f.required() ? " (required" : " (optional") + ", at most " + f.max()
                    + " characters)");
        }
        text.put("name", "My Character");
        return new ExportedFile(TEMPLATE_FILE, CharacterExportFormat.TZUROT.mediaType(),
                codec.writeReference(new ReferenceCharacter(text, "my-character", false, null)));
    }

    /** The reference's JSON fields of {@code p}: every set text field, slug and visibility. */
    public static ReferenceCharacter reference(Personality p, byte[] avatar) {
        Map<String, String> text = new LinkedHashMap<>();
        for (PersonalityFields.Field f : PersonalityFields.TEXT) {
            String value = f.read().apply(p);
            if (value != null && !value.isEmpty()) {
                text.put(f.name(), value);
            }
        }
        return new ReferenceCharacter(text, p.slug(), p.isPublic(), avatar);
    }
}
