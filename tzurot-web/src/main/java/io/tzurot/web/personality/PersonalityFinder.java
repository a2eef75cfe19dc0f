package io.tzurot.web.personality;

import io.tzurot.core.access.Actor;
import io.tzurot.core.id.DeterministicIds;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.personality.PersonalityRepository;
import io.tzurot.core.personality.SlugValidator;
import io.tzurot.core.personality.Viewer;
import io.tzurot.web.http.ApiException;
import java.util.Optional;

/** Finds a personality by its exact slug among those the caller may see; others look unknown (404). */
public final class PersonalityFinder {

    private PersonalityFinder() {
    }

    /** The access rule's viewer for a signed-in actor (null for anonymous). */
    public static Viewer viewer(Actor actor) {
        return actor == null ? Viewer.anonymous() : new Viewer(actor.userId(), actor.owner());
    }

    /** The visible personality with this slug, or 404 (also for a malformed slug: no such personality can exist). */
    public static Personality visible(PersonalityRepository repository, String slug, Actor actor) {
        return find(repository, slug, viewer(actor))
                .orElseThrow(() -> ApiException.notFound("Personality '" + slug + "'"));
    }

    /** The personality when the actor may edit it: 404 when invisible, 403 when visible but not theirs. */
    public static Personality editable(PersonalityRepository repository, String slug, Actor actor) {
        Personality p = visible(repository, slug, actor);
        if (!mayEdit(repository, p, actor)) {
            throw ApiException.forbidden("Only the owner of '" + slug + "' may change it.");
        }
        return p;
    }

    /**
     * Whether the actor may edit {@code p}: its owner and the bot owner without asking the database (the hot
     * read path), co-owners by the repository's rule.
     */
    public static boolean mayEdit(PersonalityRepository repository, Personality p, Actor actor) {
        return actor != null && actor.mayManage(p.ownerId()) || repository.canEdit(p.id(), viewer(actor));
    }

    /** Public ones, the viewer's own and all for the bot owner are visible without a query; else the repository decides. */
    private static boolean mayView(PersonalityRepository repository, Personality p, Viewer viewer) {
        return p.isPublic() || viewer.botOwner() || p.ownerId().equals(viewer.userId()) || repository.canView(p.id(), viewer);
    }

    public static Optional<Personality> find(PersonalityRepository repository, String slug, Viewer viewer) {
        if (!SlugValidator.isValid(slug)) {
            return Optional.empty();
        }
        // the id derives from the slug it was created with; a renamed personality is found by the slug query
        Optional<Personality> byId = repository.findById(DeterministicIds.personality(slug))
                .filter(p -> p.slug().equals(slug) && mayView(repository, p, viewer));
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
