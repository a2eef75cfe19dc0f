package io.tzurot.core.persona;

import io.tzurot.core.access.Actor;
import io.tzurot.core.personality.Personality;
import io.tzurot.core.personality.PersonalityRepository;
import io.tzurot.core.personality.ViewingPersonalities;
import io.tzurot.core.settings.UserPersonalityConfigRepository;
import io.tzurot.core.user.UserRepository;
import java.util.Objects;
import java.util.UUID;

/**
 * Which persona the caller presents: their default, and per personality (any personality they may see) an
 * override; only their own personas can be chosen.
 */
public final class ChoosingPersona {

    private final ViewingPersonas viewing;
    private final ViewingPersonalities personalities;
    private final UserRepository users;
    private final UserPersonalityConfigRepository userPersonality;

    public ChoosingPersona(PersonaRepository personas, UserRepository users,
                           UserPersonalityConfigRepository userPersonality, PersonalityRepository personalities) {
        this.viewing = new ViewingPersonas(personas, users, userPersonality, personalities);
        this.personalities = new ViewingPersonalities(personalities);
        this.users = Objects.requireNonNull(users, "users");
        this.userPersonality = Objects.requireNonNull(userPersonality, "userPersonality");
    }

    /** Makes one of the caller's personas their default. */
    public Persona makeDefault(Actor actor, UUID personaId) {
        Persona p = viewing.owned(actor, personaId);
        users.setDefaultPersona(actor.userId(), p.id());
        return p;
    }

    /** Uses one of the caller's personas with a personality they may see. */
    public ViewingPersonas.Override setOverride(Actor actor, String personalitySlug, UUID personaId) {
        Personality personality = personalities.visible(actor, personalitySlug);
        Persona persona = viewing.owned(actor, personaId);
        userPersonality.setPersonaOverride(actor.userId(), personality.id(), persona.id());
        return new ViewingPersonas.Override(personality.id(), personality.slug(), persona.id());
    }

    /** Uses the default persona with that personality again (other per-personality choices stay). */
    public Personality clearOverride(Actor actor, String personalitySlug) {
        Personality personality = personalities.visible(actor, personalitySlug);
        userPersonality.setPersonaOverride(actor.userId(), personality.id(), null);
        return personality;
    }
}
