package io.tzurot.core.reply;

import io.tzurot.core.memory.MemoryHit;
import io.tzurot.core.memory.MemoryQuery;
import io.tzurot.core.memory.MemorySearch;
import io.tzurot.core.memory.PersonalityScope;
import io.tzurot.core.model.EmbeddingModel;
import io.tzurot.core.persona.Persona;
import io.tzurot.core.prompt.CurrentMessage;
import io.tzurot.core.prompt.HistoryEntry;
import io.tzurot.core.prompt.MemorySearchQuery;
import io.tzurot.core.prompt.ReferencedMessage;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;
import java.util.regex.Pattern;

/**
 * Long-term memory retrieval (pipeline.md §4.3): scoped to the persona (and the character unless the persona
 * shares memories), above the score threshold, never overlapping the history window, channels the message
 * mentions first, and chunked memories completed with their siblings. Focus mode or a limit of 0 skip it.
 */
public final class RecallingMemories {

    /** How far before the oldest history message memories must end, so the two never repeat each other. */
    static final Duration OVERLAP_MARGIN = Duration.ofSeconds(10);
    /** Why nothing was searched when no memory in scope predates the history window. */
    static final String NOTHING_BEFORE_WINDOW = "no memory in scope predates the conversation window";
    private static final Pattern SNOWFLAKE = Pattern.compile("\\d{17,19}");

    /** What was recalled, the search text, and why nothing was when retrieval was skipped. */
    public record Recall(List<MemoryHit> hits, Optional<String> query, Optional<String> skipped, long embeddingNanos) {
        static Recall skipped(String why) {
            return new Recall(List.of(), Optional.empty(), Optional.of(why), 0);
        }
    }

    private final MemorySearch search;
    private final EmbeddingModel embeddings;

    public RecallingMemories(MemorySearch search, EmbeddingModel embeddings) {
        this.search = Objects.requireNonNull(search, "search");
        this.embeddings = Objects.requireNonNull(embeddings, "embeddings");
    }

    public Recall recall(ReplyContext context, List<HistoryEntry> history, CurrentMessage current,
                         List<ReferencedMessage> references) {
        Optional<Persona> persona = context.persona().persona();
        if (persona.isEmpty()) {
            return Recall.skipped("no persona");
        }
        if (context.settings().focusModeEnabled()) {
            return Recall.skipped("focus mode");
        }
        int limit = Math.min(context.settings().memoryLimit(), MemoryQuery.MAX_LIMIT);
        if (limit <= 0) {
            return Recall.skipped("memory limit 0");
        }
        Optional<String> text = MemorySearchQuery.build(history, current, references);
        if (text.isEmpty()) {
            return Recall.skipped("nothing to search for");
        }
        PersonalityScope scope = persona.get().shareLtmAcrossPersonalities() ? PersonalityScope.across()
                : PersonalityScope.only(context.personality().id());
        Optional<Instant> cutoff = oldest(history, references).map(t -> t.minus(OVERLAP_MARGIN));
        if (!search.anyCandidates(persona.get().id(), scope, cutoff)) {
            // every memory in scope (if any) overlaps the history window: the search would find nothing, so the
            // query's embedding, most of a reply's CPU, would be spent for nothing (a new relationship's first turns)
            return new Recall(List.of(), text, Optional.of(NOTHING_BEFORE_WINDOW), 0);
        }
        long started = System.nanoTime();
        float[] vector = embeddings.embed(text.get());
        long embedding = System.nanoTime() - started;

        MemoryQuery base = MemoryQuery.of(persona.get().id(), scope, vector, limit, context.settings().memoryScoreThreshold());
        if (cutoff.isPresent()) {
            base = base.createdBefore(cutoff.get());
        }
        List<MemoryHit> hits = waterfall(base, limit, mentionedChannels(context.request()));
        return new Recall(withSiblings(persona.get().id(), hits), text, Optional.empty(), embedding);
    }

    private List<MemoryHit> waterfall(MemoryQuery base, int limit, Set<String> channels) {
        if (channels.isEmpty()) {
            return search.search(base);
        }
        int channelLimit = Math.max(1, limit / 2);
        List<MemoryHit> hits = new ArrayList<>(search.search(base.inChannels(channels).withLimit(channelLimit)));
        int remaining = limit - hits.size();
        if (remaining > 0) {
            Set<UUID> found = new HashSet<>();
            hits.forEach(h -> found.add(h.memory().id()));
            hits.addAll(search.search(base.excluding(found).withLimit(remaining)));
        }
        return hits;
    }

    private List<MemoryHit> withSiblings(UUID personaId, List<MemoryHit> hits) {
        Set<UUID> seen = new HashSet<>();
        hits.forEach(h -> seen.add(h.memory().id()));
        Set<UUID> groups = new LinkedHashSet<>();
        for (MemoryHit hit : hits) {
            if (hit.memory().chunk() != null) {
                groups.add(hit.memory().chunk().groupId());
            }
        }
        if (groups.isEmpty()) {
            return hits;
        }
        List<MemoryHit> out = new ArrayList<>(hits);
        for (UUID group : groups) {
            for (MemoryHit sibling : search.siblingChunks(personaId, group)) {
                if (seen.add(sibling.memory().id())) {
                    out.add(sibling);
                }
            }
        }
        return out;
    }

    private static Set<String> mentionedChannels(ReplyRequest request) {
        Set<String> out = new LinkedHashSet<>();
        for (String id : request.mentionedChannelIds()) {
            if (SNOWFLAKE.matcher(id).matches()) {
                out.add(id);
            }
        }
        return out;
    }

    private static Optional<Instant> oldest(List<HistoryEntry> history, List<ReferencedMessage> references) {
        Optional<Instant> oldest = history.stream().map(HistoryEntry::createdAt).min(Instant::compareTo);
        for (ReferencedMessage ref : references) {
            if (ref.sentAt().isPresent() && (oldest.isEmpty() || ref.sentAt().get().isBefore(oldest.get()))) {
                oldest = ref.sentAt();
            }
        }
        return oldest;
    }
}
