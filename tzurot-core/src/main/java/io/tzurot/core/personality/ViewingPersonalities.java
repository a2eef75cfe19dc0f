package io.tzurot.core.personality;

import io.tzurot.core.access.Actor;
import io.tzurot.core.failure.DomainException;
import io.tzurot.core.id.DeterministicIds;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Who may see and edit a personality, for every face: public ones, the caller's own and co-owned ones are
 * visible, the bot owner sees all; its owner, co-owners and the bot owner may edit. Others' private
 * personalities look unknown (not found), exactly like missing ones.
 */
public final class ViewingPersonalities {

    private final PersonalityRepository repository;

    public ViewingPersonalities(PersonalityRepository repository) {
        this.repository = Objects.requireNonNull(repository, "repository");
    }

    /** The access rule's viewer for a caller (anonymous for null). */
    public static Viewer viewer(Actor actor) {
        return actor == null ? Viewer.anonymous() : new Viewer(actor.userId(), actor.owner());
    }

    /** Every personality the caller may see, by name. */
    public List<Personality> list(Actor actor) {
        return repository.listVisible(viewer(actor));
    }

    /** The visible personality with exactly this slug. */
    public Optional<Personality> find(Actor actor, String slug) {
        return find(slug, viewer(actor));
    }

    /**
     * What the caller means by {@code query} among what they may see: id, exact name, slug, then alias (see
     * {@link PersonalityRepository#lookup}).
     */
    public Optional<Personality> lookup(Actor actor, String query) {
        return query == null || query.isBlank() ? Optional.empty() : repository.lookup(query.strip(), viewer(actor));
    }

    /** The visible personality with this slug, or not found (also for a malformed slug). */
    public Personality visible(Actor actor, String slug) {
        return find(actor, slug).orElseThrow(() -> DomainException.notFound("Personality '" + slug + "'"));
    }

    /** The personality when the caller may edit it: not found when invisible, forbidden when visible but not theirs. */
    public Personality editable(Actor actor, String slug) {
        Personality p = visible(actor, slug);
        if (!mayEdit(actor, p)) {
            throw DomainException.forbidden("Only the owner of '" + slug + "' may change it.");
        }
        return p;
    }

    /** Whether the caller may edit {@code p}: owner and bot owner without a query, co-owners by the repository. */
    public boolean mayEdit(Actor actor, Personality p) {
        return actor != null && actor.mayManage(p.ownerId()) || repository.canEdit(p.id(), viewer(actor));
    }

    /** Whether an avatar is stored for {@code p}. */
    public boolean hasAvatar(Personality p) {
        return repository.hasAvatar(p.id());
    }

    /** The stored avatar of {@code p}. */
    public Optional<byte[]> avatar(Personality p) {
        return repository.avatar(p.id());
    }

    /** The aliases of {@code p}. */
    public List<String> aliases(Personality p) {
        return repository.aliases(p.id());
    }

    private boolean mayView(Personality p, Viewer viewer) {
        return p.isPublic() || viewer.botOwner() || p.ownerId().equals(viewer.userId()) || repository.canView(p.id(), viewer);
    }

    /** The personality with exactly this slug that {@code viewer} may see. */
    public Optional<Personality> find(String slug, Viewer viewer) {
        if (!SlugValidator.isValid(slug)) {
            return Optional.empty();
        }
        // the id derives from the slug it was created with; a renamed personality is found by the slug query
        Optional<Personality> byId = repository.findById(DeterministicIds.personality(slug))
                .filter(p -> p.slug().equals(slug) && mayView(p, viewer));
        if (byId.isPresent()) {
            return byId;
        }
        Optional<Personality> looked = repository.lookup(slug, viewer);
        if (looked.isEmpty() || looked.get().slug().equals(slug)) {
            return looked;
        }
        // lookup prefers a name match, which may shadow the slug we want
        return repository.listVisible(viewer).stream().filter(p -> p.slug().equals(slug)).findFirst();
    }
}
