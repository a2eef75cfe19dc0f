package io.tzurot.web.chat;

import io.tzurot.core.access.Actor;
import io.tzurot.core.persona.Persona;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.personality.Viewer;
import io.tzurot.web.http.ApiException;
import io.tzurot.web.http.Inputs;
import java.util.Optional;
import java.util.UUID;

/**
 * Finds what a request names, limited to what the actor may see: personalities by the lookup rule
 * (public, owned, co-owned, or any for the bot owner), personas only among the actor's own. Anything else
 * is a 404, so ids of other users' things are not confirmed.
 */
public final class Lookups {

    /** Longest personality reference (slug, name or alias) accepted. */
    public static final int MAX_PERSONALITY_LENGTH = 255;

    private final ConversationServices services;

    public Lookups(ConversationServices services) {
        this.services = services;
    }

    public static Viewer viewer(Actor actor) {
        return new Viewer(actor.userId(), actor.owner());
    }

    /** The personality the actor means by {@code query}; 400 when blank, 404 when unknown or not visible. */
    public Personality personality(Actor actor, String field, String query) {
        String ref = Inputs.requiredString(field, query, MAX_PERSONALITY_LENGTH);
        return services.personalities().lookup(ref, viewer(actor))
                .orElseThrow(() -> ApiException.notFound("Personality '" + ref + "'"));
    }

    /** An optional personality reference; empty when absent. */
    public Optional<Personality> optionalPersonality(Actor actor, String field, String query) {
        return Inputs.optionalString(field, query, MAX_PERSONALITY_LENGTH).map(ref -> personality(actor, field, ref));
    }

    /**
     * The persona named by {@code personaId} (it must be the actor's), else the one the actor presents to
     * {@code personalityId} (override, default, oldest); empty when the actor has none.
     */
    public Optional<Persona> persona(Actor actor, Optional<String> personaId, UUID personalityId) {
        if (personaId.isPresent()) {
            UUID id = Inputs.uuid("persona", personaId.get());
            return Optional.of(services.personas().findById(id).filter(p -> p.ownerId().equals(actor.userId()))
                    .orElseThrow(() -> ApiException.notFound("Persona " + id)));
        }
        return services.resolvePersona().resolve(actor.userId(), personalityId).persona()
                .filter(p -> p.ownerId().equals(actor.userId()));
    }

    /** Like {@link #persona} but a 404 with a hint when the actor has no persona. */
    public Persona requirePersona(Actor actor, Optional<String> personaId, UUID personalityId) {
        return persona(actor, personaId, personalityId).orElseThrow(() -> new ApiException(404, "not_found",
                "You have no persona yet; create one under Personas first.", "persona"));
    }
}
