package io.tzurot.core.card;

import io.tzurot.core.access.Actor;
import io.tzurot.core.failure.DomainException;
import io.tzurot.core.id.DeterministicIds;
import io.tzurot.core.lorebook.Lorebook;
import io.tzurot.core.lorebook.LorebookContent;
import io.tzurot.core.lorebook.LorebookRepository;
import io.tzurot.core.personality.CreatingPersonality;
import io.tzurot.core.personality.EditingPersonality;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.personality.PersonalityInput;
import io.tzurot.core.personality.PersonalityRepository;
import io.tzurot.core.personality.SlugValidator;
import io.tzurot.core.personality.Slugs;
import io.tzurot.core.personality.Viewer;
import io.tzurot.core.personality.ViewingPersonalities;
import java.util.Objects;
import java.util.Optional;

/**
 * Imports a character file (a SillyTavern card as PNG, JSON or CHARX, or the reference's character JSON) for the
 * caller, who becomes its owner. The character, its avatar, its card extras and its lorebook are written in one
 * transaction: a file that fails anywhere leaves nothing behind. A card gets a free slug made from its name; a
 * reference JSON keeps its slug, updates the character when the caller may edit it, and otherwise takes the
 * next free slug.
 */
public final class ImportingCharacter {

    private final CardCodec codec;
    private final CreatingPersonality creating;
    private final EditingPersonality editing;
    private final ViewingPersonalities viewing;
    private final PersonalityRepository personalities;
    private final LorebookRepository lorebooks;
    private final CardExtrasRepository extras;
    private final AvatarPreparer avatars;
    private final Transactions transactions;

    public ImportingCharacter(CardCodec codec, CreatingPersonality creating, EditingPersonality editing,
                              ViewingPersonalities viewing, PersonalityRepository personalities,
                              LorebookRepository lorebooks, CardExtrasRepository extras, AvatarPreparer avatars,
                              Transactions transactions) {
        this.codec = Objects.requireNonNull(codec, "codec");
        this.creating = Objects.requireNonNull(creating, "creating");
        this.editing = Objects.requireNonNull(editing, "editing");
        this.viewing = Objects.requireNonNull(viewing, "viewing");
        this.personalities = Objects.requireNonNull(personalities, "personalities");
        this.lorebooks = Objects.requireNonNull(lorebooks, "lorebooks");
        this.extras = Objects.requireNonNull(extras, "extras");
        this.avatars = Objects.requireNonNull(avatars, "avatars");
        this.transactions = Objects.requireNonNull(transactions, "transactions");
    }

    /** Reads the file and says what it would import as; nothing is stored. */
    public CharacterPreview preview(Actor actor, String fileName, byte[] bytes) {
        Objects.requireNonNull(actor, "actor");
        CharacterFile file = read(fileName, bytes);
        if (file instanceof CharacterCard card) {
            return new CharacterPreview("card-" + card.spec().name().toLowerCase(java.util.Locale.ROOT), card.name(),
                    freeSlug(Slugs.fromName(card.name())), card.description(), card.personality(), card.firstMessage(),
                    card.alternateGreetings(), card.scenario(), card.image(),
                    card.book().map(b -> b.entries().size()).orElse(0));
        }
        ReferenceCharacter ref = (ReferenceCharacter) file;
        return new CharacterPreview("tzurot", ref.text().getOrDefault("name", ""), ref.slug(),
                ref.text().getOrDefault("characterInfo", ""), ref.text().getOrDefault("personalityTraits", ""), "",
                java.util.List.of(), "", ref.avatar(), 0);
    }

    /** Imports the file; invalid {@code file} (naming the problem) when it cannot be read or does not fit. */
    public ImportedCharacter importFile(Actor actor, String fileName, byte[] bytes) {
        Objects.requireNonNull(actor, "actor");
        CharacterFile file = read(fileName, bytes);
        if (file instanceof CharacterCard card) {
            return importCard(actor, card);
        }
        return importReference(actor, (ReferenceCharacter) file);
    }

    private CharacterFile read(String fileName, byte[] bytes) {
        if (bytes == null || bytes.length == 0) {
            throw DomainException.invalid("file", "The file is empty; send a .png, .json or .charx character file.");
        }
        try {
            return codec.readCharacter(fileName == null ? "" : fileName, bytes);
        } catch (CardFileException e) {
            throw DomainException.invalid("file", e.getMessage());
        }
    }

    private ImportedCharacter importCard(Actor actor, CharacterCard card) {
        if (card.name().isBlank()) {
            throw DomainException.invalid("file", "The card has no name (data.name is empty); a character needs one.");
        }
        PersonalityInput input = CardMapping.toInput(card, freeSlug(Slugs.fromName(card.name())));
        byte[] avatar = card.image() == null ? null : avatars.prepare(card.image());
        Optional<LorebookContent> book = card.book().map(b -> b.name().isBlank()
                ? b.withName(bookName(card.name())) : b);
        try {
            return transactions.inTransaction(() -> {
                Personality p = creating.create(actor, input, card.systemPrompt());
                if (avatar != null) {
                    personalities.setAvatar(p.id(), avatar);
                }
                extras.save(new CardExtras(p.id(), card.cardJson(), card.assets()));
                book.ifPresent(content -> {
                    Lorebook saved = lorebooks.create(actor.userId(), content);
                    lorebooks.attach(p.id(), saved.id());
                });
                return new ImportedCharacter(p, book.map(b -> b.entries().size()).orElse(0));
            });
        } catch (DomainException e) {
            throw CardMapping.restate(e);
        }
    }

    private ImportedCharacter importReference(Actor actor, ReferenceCharacter ref) {
        String slug = Slugs.require(ref.slug());
        PersonalityInput input = new PersonalityInput(ref.text(), slug, ref.isPublic());
        byte[] avatar = ref.avatar() == null ? null : avatars.prepare(ref.avatar());
        Optional<Personality> existing = viewing.find(actor, slug).filter(p -> viewing.mayEdit(actor, p));
        return transactions.inTransaction(() -> {
            Personality p;
            if (existing.isPresent()) {
                p = editing.edit(actor, slug, current -> input);
            } else {
                p = creating.create(actor, input.withSlug(freeSlug(slug)));
            }
            if (avatar != null) {
                personalities.setAvatar(p.id(), avatar);
            }
            return new ImportedCharacter(personalities.findById(p.id()).orElse(p), 0);
        });
    }

    /** The slug, or the first of {@code slug-2}, {@code slug-3}, ... that no character uses. */
    public String freeSlug(String base) {
        Viewer everyone = new Viewer(null, true);
        for (int n = 1; n < 1000; n++) {
            String suffix = n == 1 ? "" : "-" + n;
            String stem = base.length() + suffix.length() > 50 ? base.substring(0, 50 - suffix.length()).replaceAll("-+$", "") : base;
            String candidate = stem + suffix;
            if (!SlugValidator.isValid(candidate)) {
                continue;
            }
            boolean taken = personalities.findById(DeterministicIds.personality(candidate)).isPresent()
                    || personalities.lookup(candidate, everyone).filter(p -> p.slug().equals(candidate)).isPresent();
            if (!taken) {
                return candidate;
            }
        }
        throw DomainException.conflict("slug", "Every slug like '" + base + "' is taken; rename the character first.");
    }

    static String bookName(String characterName) {
        String name = characterName.strip() + "'s lorebook";
        return name.length() > LorebookContent.MAX_NAME ? name.substring(0, LorebookContent.MAX_NAME) : name;
    }
}
