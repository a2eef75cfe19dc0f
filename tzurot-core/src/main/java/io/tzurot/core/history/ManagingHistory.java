package io.tzurot.core.history;

import io.tzurot.core.access.Actor;
import io.tzurot.core.conversation.ConversationHistoryRepository;
import io.tzurot.core.conversation.HistoryCounts;
import io.tzurot.core.failure.DomainException;
import io.tzurot.core.persona.Persona;
import io.tzurot.core.persona.PersonaHistoryConfig;
import io.tzurot.core.persona.PersonaHistoryConfigRepository;
import io.tzurot.core.persona.ResolvePersona;
import io.tzurot.core.personality.Personality;
import java.time.Clock;
import java.time.Instant;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;

/**
 * The caller's short-term history with one character, under the persona they present to it (spec datamodel
 * §1.1): clear hides it (a non-destructive epoch), undo restores the epoch before the last clear, stats counts
 * a channel's messages, and purge hard-deletes a channel's messages after the typed {@link #CONFIRMATION}.
 * The personality is one the caller may see (the adapter looks it up through the viewing rule).
 */
public final class ManagingHistory {

    /** What the caller types to confirm a purge. */
    public static final String CONFIRMATION = "DELETE";

    private final ResolvePersona personas;
    private final PersonaHistoryConfigRepository epochs;
    private final ConversationHistoryRepository history;
    private final Clock clock;

    public ManagingHistory(ResolvePersona personas, PersonaHistoryConfigRepository epochs,
                           ConversationHistoryRepository history, Clock clock) {
        this.personas = Objects.requireNonNull(personas, "personas");
        this.epochs = Objects.requireNonNull(epochs, "epochs");
        this.history = Objects.requireNonNull(history, "history");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What a channel holds of the caller's history with a character, and when it was last cleared. */
    public record Stats(Optional<Persona> persona, HistoryCounts counts, Optional<Instant> clearedAt,
                        boolean undoAvailable) {
    }

    /** Hides the history so far from the character, under the persona the caller presents to it. */
    public PersonaHistoryConfig clear(Actor actor, Personality personality) {
        return clear(actor, personality, requirePersona(actor, personality));
    }

    /** Hides the history so far under one of the caller's personas; one undo becomes available. */
    public PersonaHistoryConfig clear(Actor actor, Personality personality, Persona persona) {
        return epochs.clearContext(actor.userId(), personality.id(), own(actor, persona).id());
    }

    /** Restores the epoch before the last clear, under the persona the caller presents to the character. */
    public PersonaHistoryConfig undo(Actor actor, Personality personality) {
        return undo(actor, personality, requirePersona(actor, personality));
    }

    /** Restores the epoch before the last clear under one of the caller's personas; a conflict when there is none. */
    public PersonaHistoryConfig undo(Actor actor, Personality personality, Persona persona) {
        return epochs.undoClear(actor.userId(), personality.id(), own(actor, persona).id()).orElseThrow(() ->
                DomainException.conflict("history", "There is no clear to undo with " + personality.shownName()
                        + " (never cleared, or already undone)."));
    }

    private static Persona own(Actor actor, Persona persona) {
        if (!persona.ownerId().equals(actor.userId())) {
            // epochs belong to the persona's owner: another user's persona is as unknown as a missing one
            throw DomainException.notFound("Your persona '" + persona.id() + "'");
        }
        return persona;
    }

    /** Counts the caller's messages with the character in {@code channelId}; zero when they have no persona. */
    public Stats stats(Actor actor, Personality personality, String channelId) {
        Optional<Persona> persona = persona(actor, personality);
        if (persona.isEmpty()) {
            return new Stats(persona, HistoryCounts.none(), Optional.empty(), false);
        }
        Optional<PersonaHistoryConfig> epoch = epochs.find(actor.userId(), personality.id(), persona.get().id());
        Optional<Instant> clearedAt = epoch.flatMap(PersonaHistoryConfig::contextResetAt);
        return new Stats(persona, history.count(channelId, personality.id(), persona.get().id(), clearedAt), clearedAt,
                epoch.map(PersonaHistoryConfig::undoAvailable).orElse(false));
    }

    /**
     * Hard-deletes the caller's messages with the character in {@code channelId} once {@code confirmation} is
     * {@link #CONFIRMATION}; a wrong phrase deletes nothing. Returns how many were deleted.
     */
    public int purge(Actor actor, Personality personality, String channelId, String confirmation) {
        if (confirmation == null || !confirmation.trim().toUpperCase(Locale.ROOT).equals(CONFIRMATION)) {
            throw DomainException.invalid("confirmation", "Type '" + CONFIRMATION
                    + "' to confirm; deleted history cannot be brought back.");
        }
        Optional<Persona> persona = persona(actor, personality);
        return persona.map(p -> history.deleteOf(channelId, personality.id(), p.id(), clock.instant())).orElse(0);
    }

    private Optional<Persona> persona(Actor actor, Personality personality) {
        return personas.resolve(actor.userId(), personality.id()).persona();
    }

    private Persona requirePersona(Actor actor, Personality personality) {
        return persona(actor, personality).orElseThrow(() -> DomainException.conflict("persona",
                "You have no history with " + personality.shownName() + " yet: it starts with your first message."));
    }
}
