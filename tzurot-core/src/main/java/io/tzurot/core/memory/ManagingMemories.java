package io.tzurot.core.memory;

import io.tzurot.core.access.Actor;
import io.tzurot.core.failure.DomainException;
import io.tzurot.core.model.EmbeddingModel;
import io.tzurot.core.persona.Persona;
import io.tzurot.core.persona.PersonaRepository;
import io.tzurot.core.persona.ResolvePersona;
import io.tzurot.core.personality.Personality;
import java.time.Clock;
import java.time.Instant;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;

/**
 * The caller's long-term memories, for every face (Discord {@code /memory}, the web API and console): they belong
 * to the caller's personas, so only the persona's owner reaches them (the bot owner included: memories are
 * private). Stats, browse, semantic search, edit (embedded again), lock, delete one, delete a recent window and
 * purge all with one character after the typed {@link #purgePhrase}. Characters are ones the caller may see
 * (the face looks them up through the viewing rule); the persona is the one the caller presents to the character.
 */
public final class ManagingMemories {

    /** Longest memory text. */
    public static final int MAX_CONTENT = 2000;
    /** Longest search text. */
    public static final int MAX_QUERY = 500;
    /** Most hits one search returns. */
    public static final int MAX_HITS = 50;

    private final ResolvePersona resolvePersona;
    private final PersonaRepository personas;
    private final MemoryRepository memories;
    private final MemorySearch search;
    private final EmbeddingModel embeddings;
    private final Clock clock;

    public ManagingMemories(ResolvePersona resolvePersona, PersonaRepository personas, MemoryRepository memories,
                            MemorySearch search, EmbeddingModel embeddings, Clock clock) {
        this.resolvePersona = Objects.requireNonNull(resolvePersona, "resolvePersona");
        this.personas = Objects.requireNonNull(personas, "personas");
        this.memories = Objects.requireNonNull(memories, "memories");
        this.search = Objects.requireNonNull(search, "search");
        this.embeddings = Objects.requireNonNull(embeddings, "embeddings");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    /** How many memories the caller's persona holds with a character, and the newest and oldest dates. */
    public record Stats(Optional<Persona> persona, long total, Optional<Instant> newest, Optional<Instant> oldest) {
    }

    /** A page of memories and the persona they belong to (empty when the caller has none yet). */
    public record Browse(Optional<Persona> persona, MemoryPage page) {
    }

    /** The persona the caller presents to {@code personality} (their default one when empty). */
    public Optional<Persona> persona(Actor actor, Optional<Personality> personality) {
        return resolvePersona.resolve(actor.userId(), personality.map(Personality::id).orElse(null)).persona();
    }

    /** Counts the memories of the caller's persona with the character. */
    public Stats stats(Actor actor, Personality personality) {
        Optional<Persona> persona = persona(actor, Optional.of(personality));
        if (persona.isEmpty()) {
            return new Stats(persona, 0, Optional.empty(), Optional.empty());
        }
        Optional<UUID> only = Optional.of(personality.id());
        MemoryPage newest = memories.list(persona.get().id(), only, 0, 1);
        if (newest.total() == 0) {
            return new Stats(persona, 0, Optional.empty(), Optional.empty());
        }
        MemoryPage oldest = memories.list(persona.get().id(), only, (int) Math.min(newest.total() - 1, Integer.MAX_VALUE), 1);
        return new Stats(persona, newest.total(), newest.items().stream().findFirst().map(Memory::createdAt),
                oldest.items().stream().findFirst().map(Memory::createdAt));
    }

    /** A page of the caller's memories (with one character, or all of the default persona's), newest first. */
    public Browse browse(Actor actor, Optional<Personality> personality, int offset, int limit) {
        if (offset < 0 || limit < 1 || limit > 100) {
            throw DomainException.invalid("limit", "Pages start at 0 and hold 1-100 memories.");
        }
        Optional<Persona> persona = persona(actor, personality);
        MemoryPage page = persona.map(p -> memories.list(p.id(), personality.map(Personality::id), offset, limit))
                .orElse(new MemoryPage(List.of(), 0, offset, limit));
        return new Browse(persona, page);
    }

    /** The memories of the caller's persona closest in meaning to {@code query}, with their similarity. */
    public List<MemoryHit> search(Actor actor, Optional<Personality> personality, String query, int limit) {
        Optional<Persona> persona = persona(actor, personality);
        String text = checkedQuery(query);
        checkLimit(limit);
        return persona.map(p -> rank(p, personality, text, limit)).orElse(List.of());
    }

    /** The same for one of the caller's personas chosen by the face (the web's {@code persona} parameter). */
    public List<MemoryHit> search(Actor actor, Persona persona, Optional<Personality> personality, String query,
                                  int limit) {
        if (!persona.ownerId().equals(actor.userId())) {
            throw DomainException.notFound("Your persona '" + persona.id() + "'");
        }
        String text = checkedQuery(query);
        checkLimit(limit);
        return rank(persona, personality, text, limit);
    }

    // the whole range of scores is kept: the caller asked for the closest, not for a cut-off
    private List<MemoryHit> rank(Persona persona, Optional<Personality> personality, String query, int limit) {
        PersonalityScope scope = personality.<PersonalityScope>map(p -> PersonalityScope.only(p.id()))
                .orElse(PersonalityScope.across());
        return search.search(MemoryQuery.of(persona.id(), scope, embeddings.embed(query), limit, -1.0));
    }

    /** The visible memory when one of the caller's personas owns it; not found otherwise (others' ids are not confirmed). */
    public Memory own(Actor actor, UUID id) {
        return memories.find(id)
                .filter(m -> m.visibility() == MemoryVisibility.NORMAL)
                .filter(m -> m.personaId() != null && personas.findById(m.personaId())
                        .map(p -> p.ownerId().equals(actor.userId())).orElse(false))
                .orElseThrow(() -> DomainException.notFound("Memory " + id));
    }

    /** Replaces the text of one of the caller's memories and embeds it again, so search matches the new text. */
    public Memory edit(Actor actor, UUID id, String content) {
        String text = content == null ? "" : content.strip();
        if (text.isEmpty()) {
            throw DomainException.invalid("content", "'content' is required: the memory's new text, 1-" + MAX_CONTENT
                    + " characters.");
        }
        if (text.length() > MAX_CONTENT) {
            throw DomainException.tooLarge("content", "'content' is " + text.length() + " characters; at most "
                    + MAX_CONTENT + " are kept.");
        }
        own(actor, id);
        return memories.edit(id, text, embeddings.embed(text), clock.instant())
                .orElseThrow(() -> DomainException.notFound("Memory " + id));
    }

    /** Locks (a purge spares it) or unlocks one of the caller's memories; returns it afterwards. */
    public Memory setLocked(Actor actor, UUID id, boolean locked) {
        own(actor, id);
        memories.setLocked(id, locked, clock.instant());
        return own(actor, id);
    }

    /** Deletes one of the caller's memories; it is never recalled, listed or found again. */
    public void delete(Actor actor, UUID id) {
        own(actor, id);
        if (!memories.softDelete(id, clock.instant())) {
            throw DomainException.notFound("Memory " + id);
        }
    }

    /** How many unlocked memories with the character a delete of {@code window} would remove. */
    public long countRecent(Actor actor, Personality personality, MemoryWindow window) {
        Instant since = window.since(clock.instant());
        return persona(actor, Optional.of(personality))
                .map(p -> memories.countSince(p.id(), Optional.of(personality.id()), since)).orElse(0L);
    }

    /** Deletes the caller's unlocked memories with the character created within {@code window}; returns how many. */
    public int deleteRecent(Actor actor, Personality personality, MemoryWindow window) {
        Instant since = window.since(clock.instant());
        return persona(actor, Optional.of(personality))
                .map(p -> memories.deleteSince(p.id(), Optional.of(personality.id()), since)).orElse(0);
    }

    /** What the caller types to confirm purging every memory with {@code personality}: {@code DELETE {NAME} MEMORIES}. */
    public static String purgePhrase(Personality personality) {
        return "DELETE " + personality.shownName().toUpperCase(Locale.ROOT) + " MEMORIES";
    }

    /** Purges after the typed phrase (case-insensitive); a wrong phrase deletes nothing. Returns how many went. */
    public int purge(Actor actor, Personality personality, String typed) {
        String phrase = purgePhrase(personality);
        String normalized = typed == null ? "" : typed.strip().replaceAll("\\s+", " ").toUpperCase(Locale.ROOT);
        if (!normalized.equals(phrase)) {
            throw DomainException.invalid("confirmation", "Type '" + phrase
                    + "' to confirm; purged memories cannot be brought back.");
        }
        return persona(actor, Optional.of(personality)).map(p -> purge(actor, personality, p)).orElse(0);
    }

    /**
     * Hard-deletes the unlocked memories of one of the caller's personas with the character (the web's
     * {@code DELETE}, whose method is the explicit request). Returns how many went.
     */
    public int purge(Actor actor, Personality personality, Persona persona) {
        if (!persona.ownerId().equals(actor.userId())) {
            throw DomainException.notFound("Your persona '" + persona.id() + "'");
        }
        return memories.purge(persona.id(), personality.id());
    }

    private static String checkedQuery(String query) {
        String text = query == null ? "" : query.strip();
        if (text.isEmpty()) {
            throw DomainException.invalid("query", "'query' is required: what to look for, 1-" + MAX_QUERY
                    + " characters.");
        }
        if (text.length() > MAX_QUERY) {
            throw DomainException.tooLarge("query", "'query' is " + text.length() + " characters; at most "
                    + MAX_QUERY + " are searched.");
        }
        return text;
    }

    private static void checkLimit(int limit) {
        if (limit < 1 || limit > MAX_HITS) {
            throw DomainException.invalid("limit", "'limit' must be 1-" + MAX_HITS + ", got " + limit + ".");
        }
    }
}
