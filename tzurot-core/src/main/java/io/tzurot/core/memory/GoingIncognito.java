package io.tzurot.core.memory;

import io.tzurot.core.access.Actor;
import io.tzurot.core.persona.Persona;
import io.tzurot.core.persona.PersonaRepository;
import io.tzurot.core.personality.Personality;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Incognito mode for every face: while a session covers a user and a character (that character, or "all"),
 * replies are given but nothing of the exchange is stored as long-term memory. Sessions last 30m, 1h, 4h or until
 * turned off ({@link IncognitoDuration}); {@code forget} deletes what was stored in the last 5m, 15m or 1h, for
 * the times incognito was turned on too late. Characters are ones the caller may see (empty = all).
 */
public final class GoingIncognito {

    private final IncognitoSessions sessions;
    private final PersonaRepository personas;
    private final MemoryRepository memories;
    private final Clock clock;

    public GoingIncognito(IncognitoSessions sessions, PersonaRepository personas, MemoryRepository memories,
                          Clock clock) {
        this.sessions = Objects.requireNonNull(sessions, "sessions");
        this.personas = Objects.requireNonNull(personas, "personas");
        this.memories = Objects.requireNonNull(memories, "memories");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** What turning a session off did: how many ended, and whether an "all" session still covers the character. */
    public record Disabled(int ended, boolean stillCoveredByAll) {
    }

    /** Starts (or restarts) a session; {@code duration} is 30m, 1h, 4h or forever. */
    public IncognitoSession enable(Actor actor, Optional<Personality> personality, String duration) {
        IncognitoDuration parsed = IncognitoDuration.parse(duration);
        return sessions.enable(actor.userId(), personality.map(Personality::id), parsed);
    }

    /** Ends the session with one character, or every session when empty. */
    public Disabled disable(Actor actor, Optional<Personality> personality) {
        int ended = sessions.disable(actor.userId(), personality.map(Personality::id));
        boolean covered = personality.isPresent() && sessions.covering(actor.userId(), personality.get().id())
                .filter(IncognitoSession::coversAll).isPresent();
        return new Disabled(ended, covered);
    }

    /** The caller's sessions that are on, "all" first. */
    public List<IncognitoSession> status(Actor actor) {
        return sessions.active(actor.userId());
    }

    /**
     * Deletes the memories the caller's personas stored with the character (or with any, when empty) within the
     * last {@code timeframe} (5m, 15m or 1h); locked memories stay. Returns how many went.
     */
    public int forget(Actor actor, Optional<Personality> personality, String timeframe) {
        MemoryWindow window = MemoryWindow.parse("timeframe", timeframe, MemoryWindow.FORGET);
        Instant since = window.since(clock.instant());
        int deleted = 0;
        // every persona of the caller: the window is about what was said lately, under whichever persona
        for (Persona persona : personas.listByOwner(actor.userId())) {
            deleted += memories.deleteSince(persona.id(), personality.map(Personality::id), since);
        }
        return deleted;
    }
}
