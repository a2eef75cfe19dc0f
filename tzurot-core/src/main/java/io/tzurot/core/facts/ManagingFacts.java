package io.tzurot.core.facts;

import io.tzurot.core.access.Actor;
import io.tzurot.core.failure.DomainException;
import io.tzurot.core.persona.Persona;
import io.tzurot.core.persona.PersonaRepository;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * A user's own facts: listed, corrected, locked and forgotten. A fact belongs to the owner of its persona, and
 * only they see or change it (not even the bot owner: facts are personal); someone else's fact looks exactly
 * like a missing one.
 */
public final class ManagingFacts {

    private final FactRepository facts;
    private final PersonaRepository personas;
    private final Clock clock;

    public ManagingFacts(FactRepository facts, PersonaRepository personas, Clock clock) {
        this.facts = Objects.requireNonNull(facts, "facts");
        this.personas = Objects.requireNonNull(personas, "personas");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** The caller's facts over all their personas, optionally only those with one character. */
    public List<MemoryFact> list(Actor actor, Optional<UUID> personalityId) {
        List<UUID> mine = personas.listByOwner(actor.userId()).stream().map(Persona::id).toList();
        if (mine.isEmpty()) {
            return List.of();
        }
        return facts.ofPersonas(mine).stream()
                .filter(f -> personalityId.isEmpty() || f.personalityId().equals(personalityId.get())).toList();
    }

    /** One of the caller's facts. */
    public MemoryFact get(Actor actor, UUID factId) {
        return own(actor, factId);
    }

    /** The shortest id prefix a user may type to name a fact ({@link #SHORT_ID} characters are shown). */
    public static final int MIN_PREFIX = 4;
    /** How many characters of a fact's id listings show. */
    public static final int SHORT_ID = 8;

    /** A fact's short id, as listings show it. */
    public static String shortId(MemoryFact fact) {
        return fact.id().toString().substring(0, SHORT_ID);
    }

    /**
     * The caller's fact named by {@code reference}: its full id, or the start of it (at least {@link #MIN_PREFIX}
     * characters) when that names exactly one of the caller's facts.
     */
    public UUID resolve(Actor actor, String reference) {
        String ref = reference == null ? "" : reference.strip().toLowerCase(java.util.Locale.ROOT);
        if (!ref.matches("[0-9a-f-]{" + MIN_PREFIX + ",36}")) {
            throw DomainException.invalid("fact", "Name the fact by its id as the list shows it (e.g. `a1b2c3d4`).");
        }
        List<MemoryFact> matches = list(actor, Optional.empty()).stream()
                .filter(f -> f.id().toString().startsWith(ref)).toList();
        if (matches.isEmpty()) {
            throw DomainException.notFound("Your fact '" + ref + "'");
        }
        if (matches.size() > 1) {
            throw DomainException.invalid("fact", "'" + ref + "' starts " + matches.size()
                    + " of your facts' ids; type more of it.");
        }
        return matches.get(0).id();
    }

    /** Replaces the fact's text with the caller's; it becomes certain (confidence 1) and stays as locked as it was. */
    public MemoryFact correct(Actor actor, UUID factId, String content) {
        String text = FactText.require("content", content);
        own(actor, factId);
        return facts.correct(factId, text, clock.instant()).orElseThrow(() -> notFound(factId));
    }

    /** Locks the fact (extraction never replaces it) or unlocks it. */
    public MemoryFact lock(Actor actor, UUID factId, boolean locked) {
        own(actor, factId);
        if (!facts.setLocked(factId, locked, clock.instant())) {
            throw notFound(factId);
        }
        return facts.find(factId).orElseThrow(() -> notFound(factId));
    }

    /** Deletes the fact for good. */
    public void forget(Actor actor, UUID factId) {
        own(actor, factId);
        if (!facts.delete(factId)) {
            throw notFound(factId);
        }
    }

    private MemoryFact own(Actor actor, UUID factId) {
        Objects.requireNonNull(factId, "factId");
        MemoryFact fact = facts.find(factId).orElseThrow(() -> notFound(factId));
        boolean mine = personas.findById(fact.personaId()).map(p -> p.ownerId().equals(actor.userId())).orElse(false);
        if (!mine) {
            throw notFound(factId);
        }
        return fact;
    }

    private static DomainException notFound(UUID factId) {
        return DomainException.notFound("Your fact '" + factId + "'");
    }
}
