package io.tzurot.core.personality;

import io.tzurot.core.access.Actor;
import io.tzurot.core.failure.DomainException;
import io.tzurot.core.text.TextRules;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.function.UnaryOperator;

/**
 * Changes a personality the caller may edit (owner, co-owner, bot owner): its fields and visibility, its
 * aliases and its avatar. Only the bot owner may change a slug.
 */
public final class EditingPersonality {

    private final PersonalityRepository repository;
    private final ViewingPersonalities viewing;

    public EditingPersonality(PersonalityRepository repository) {
        this.repository = Objects.requireNonNull(repository, "repository");
        this.viewing = new ViewingPersonalities(repository);
    }

    /** Whether the caller may change a personality's slug: the bot owner only (slugs are in mentions and links). */
    public static boolean mayChangeSlug(Actor actor) {
        return actor.owner();
    }

    /**
     * Applies {@code change} to the personality as it is and saves the result. The caller's rights are checked
     * before {@code change} runs (not found, then forbidden), the new values after it.
     */
    public Personality edit(Actor actor, String slug, UnaryOperator<PersonalityInput> change) {
        Personality current = viewing.editable(actor, slug);
        PersonalityInput wanted = change.apply(PersonalityInput.of(current));
        PersonalityDraft draft = PersonalityFields.draft(wanted.text(), wanted.slug(), wanted.isPublic());
        if (!draft.slug().equals(current.slug()) && !mayChangeSlug(actor)) {
            throw DomainException.forbidden("Only the bot owner may change a personality's slug.");
        }
        try {
            return repository.update(current.id(), draft)
                    .orElseThrow(() -> DomainException.notFound("Personality '" + current.slug() + "'"));
        } catch (SlugTakenException e) {
            throw CreatingPersonality.slugTaken(draft.slug());
        }
    }

    /** Makes it public (everyone may see and talk to it) or private. */
    public Personality setPublic(Actor actor, String slug, boolean isPublic) {
        return edit(actor, slug, in -> in.withPublic(isPublic));
    }

    /** Adds an alias (stored lowercase) and returns all aliases; a taken alias is a conflict on {@code alias}. */
    public List<String> addAlias(Actor actor, String slug, String rawAlias) {
        Personality p = viewing.editable(actor, slug);
        String alias = TextRules.required("alias", rawAlias, PersonalityFields.MAX_ALIAS, TextRules.Lines.SINGLE)
                .toLowerCase(Locale.ROOT);
        try {
            repository.addAlias(p.id(), alias);
        } catch (AliasTakenException e) {
            throw DomainException.conflict("alias", "The alias '" + alias + "' already points at a personality.");
        }
        return repository.aliases(p.id());
    }

    /** Removes one of this personality's own aliases. */
    public void removeAlias(Actor actor, String slug, String rawAlias) {
        Personality p = viewing.editable(actor, slug);
        String alias = rawAlias == null ? "" : rawAlias.strip().toLowerCase(Locale.ROOT);
        // only this personality's own alias may be removed through it
        if (!repository.aliases(p.id()).contains(alias)) {
            throw DomainException.notFound("Alias '" + alias + "' of '" + p.slug() + "'");
        }
        repository.removeAlias(alias);
    }

    /** Stores an avatar already checked and prepared by the face; returns the personality as stored after it. */
    public Personality setAvatar(Actor actor, String slug, byte[] preparedImage) {
        Objects.requireNonNull(preparedImage, "preparedImage");
        Personality p = viewing.editable(actor, slug);
        repository.setAvatar(p.id(), preparedImage);
        return repository.findById(p.id()).orElse(p);
    }

    /** Removes the avatar; not found when none is stored. */
    public Personality removeAvatar(Actor actor, String slug) {
        Personality p = viewing.editable(actor, slug);
        if (!repository.hasAvatar(p.id())) {
            throw DomainException.notFound("The avatar of '" + p.slug() + "'");
        }
        repository.setAvatar(p.id(), null);
        return p;
    }
}
