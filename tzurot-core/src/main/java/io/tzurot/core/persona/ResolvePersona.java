package io.tzurot.core.persona;

import io.tzurot.core.settings.UserPersonalityConfig;
import io.tzurot.core.settings.UserPersonalityConfigRepository;
import io.tzurot.core.user.User;
import io.tzurot.core.user.UserRepository;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Use case: pick the persona a user presents to a personality - per-personality override, then the
 * default persona, then the oldest persona (persisted as the new default), else none (spec §2.6).
 */
public final class ResolvePersona {

    private static final Logger LOG = LoggerFactory.getLogger(ResolvePersona.class);

    private final UserRepository users;
    private final PersonaRepository personas;
    private final UserPersonalityConfigRepository overrides;

    public ResolvePersona(UserRepository users, PersonaRepository personas, UserPersonalityConfigRepository overrides) {
        this.users = Objects.requireNonNull(users, "users");
        this.personas = Objects.requireNonNull(personas, "personas");
        this.overrides = Objects.requireNonNull(overrides, "overrides");
    }

    /** Resolves for a Discord user id; unknown users get {@link ResolvedPersona#none()}. */
    public ResolvedPersona resolveByDiscordId(String discordId, UUID personalityId) {
        if (discordId == null) {
            return ResolvedPersona.none();
        }
        return resolve(users.findByDiscordId(discordId), personalityId);
    }

    /** Resolves for a stored user; {@code personalityId} null means "no particular personality". */
    public ResolvedPersona resolve(UUID userId, UUID personalityId) {
        if (userId == null) {
            return ResolvedPersona.none();
        }
        return resolve(users.findById(userId), personalityId);
    }

    private ResolvedPersona resolve(Optional<User> maybeUser, UUID personalityId) {
        return maybeUser.map(user -> resolveFor(user, personalityId)).orElseGet(ResolvedPersona::none);
    }

    /** Resolves for a user already read; {@code personalityId} null means "no particular personality". */
    public ResolvedPersona resolveFor(User user, UUID personalityId) {
        try {
            if (personalityId != null) {
                Optional<Persona> override = overrides.find(user.id(), personalityId)
                        .flatMap(UserPersonalityConfig::personaOverride)
                        .flatMap(personas::findById)
                        .filter(p -> p.ownerId().equals(user.id()));
                if (override.isPresent()) {
                    return new ResolvedPersona(override, PersonaSource.CONTEXT_OVERRIDE);
                }
            }
            Optional<Persona> byDefault = user.defaultPersona().flatMap(personas::findById);
            if (byDefault.isPresent()) {
                return new ResolvedPersona(byDefault, PersonaSource.USER_DEFAULT);
            }
            Optional<Persona> oldest = personas.oldestOwnedBy(user.id());
            if (oldest.isPresent()) {
                users.setDefaultPersona(user.id(), oldest.get().id());
                return new ResolvedPersona(oldest, PersonaSource.AUTO_DEFAULT);
            }
            return ResolvedPersona.none();
        } catch (RuntimeException e) {
            // a persona is optional context: a failing lookup degrades the reply rather than failing it
            LOG.warn("persona resolution failed for user {}; continuing without a persona", user.id(), e);
            return ResolvedPersona.none();
        }
    }
}
