package io.tzurot.core.persona;

import io.tzurot.core.access.Actor;
import io.tzurot.core.failure.DomainException;
import io.tzurot.core.personality.PersonalityRepository;
import io.tzurot.core.settings.UserPersonalityConfig;
import io.tzurot.core.settings.UserPersonalityConfigRepository;
import io.tzurot.core.user.UserRepository;
import java.util.ArrayList;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/** A user's personas are private: only their owner sees them; anyone else's look unknown (not found). */
public final class ViewingPersonas {

    /** The persona a user chose for one personality. */
    public record Override(UUID personalityId, String personalitySlug, UUID personaId) {
    }

    private final PersonaRepository personas;
    private final UserRepository users;
    private final UserPersonalityConfigRepository userPersonality;
    private final PersonalityRepository personalities;

    public ViewingPersonas(PersonaRepository personas, UserRepository users,
                           UserPersonalityConfigRepository userPersonality, PersonalityRepository personalities) {
        this.personas = Objects.requireNonNull(personas, "personas");
        this.users = Objects.requireNonNull(users, "users");
        this.userPersonality = Objects.requireNonNull(userPersonality, "userPersonality");
        this.personalities = Objects.requireNonNull(personalities, "personalities");
    }

    /** The caller's personas, oldest first. */
    public List<Persona> list(Actor actor) {
        return personas.listByOwner(actor.userId());
    }

    /** One of the caller's own personas, or not found. */
    public Persona owned(Actor actor, UUID id) {
        return personas.findById(id).filter(p -> p.ownerId().equals(actor.userId()))
                .orElseThrow(() -> DomainException.notFound("Persona " + id));
    }

    /** The caller's default persona's id. */
    public Optional<UUID> defaultId(Actor actor) {
        return users.findById(actor.userId()).flatMap(u -> u.defaultPersona());
    }

    /** The caller's per-personality persona choices. */
    public List<Override> overrides(Actor actor) {
        List<Override> out = new ArrayList<>();
        for (UserPersonalityConfig c : userPersonality.listByUser(actor.userId())) {
            c.personaOverride().ifPresent(personaId -> personalities.findById(c.personalityId())
                    .ifPresent(p -> out.add(new Override(p.id(), p.slug(), personaId))));
        }
        return out;
    }
}
