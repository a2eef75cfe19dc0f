package io.tzurot.storage.memory;

import io.tzurot.core.memory.MemoryHit;
import io.tzurot.core.memory.MemoryQuery;
import io.tzurot.core.memory.MemorySearch;
import io.tzurot.core.memory.NewMemory;
import io.tzurot.core.memory.PersonalityScope;
import io.tzurot.storage.db.Database;
import io.tzurot.storage.db.Sql;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * {@link MemorySearch} for the embedded profile: exact cosine similarity computed in the JVM over the
 * rows in scope. Each persona's vectors are held in a {@link PersonaVectorIndex}, reloaded only when the
 * persona's change counter moves; the best hits are kept in a fixed-size heap and full rows and display
 * names are loaded for the winners alone (a row deleted meanwhile simply drops out).
 */
public final class ExactCosineMemorySearch implements MemorySearch {

    /** Personas whose vectors stay in memory at once (10,000 memories take about 15 MB). */
    private static final int MAX_CACHED_PERSONAS = 64;

    private final Jdbi jdbi;
    /** Per-persona vector indexes; bounded so a server with many personas keeps only the recently searched. */
    private final Map<UUID, PersonaVectorIndex> indexes = Collections.synchronizedMap(
            new java.util.LinkedHashMap<>(64, 0.75f, true) {
                private static final long serialVersionUID = 1L;

                @Override
                protected boolean removeEldestEntry(Map.Entry<UUID, PersonaVectorIndex> eldest) {
                    return size() > MAX_CACHED_PERSONAS;
                }
            });

    public ExactCosineMemorySearch(Database database) {
        this.jdbi = database.jdbi();
    }

    @Override
    public List<MemoryHit> search(MemoryQuery q) {
        Objects.requireNonNull(q, "query");
        if (q.limit() == 0) {
            return List.of();
        }
        float[] query = q.vector();
        double queryNorm = norm(query);
        if (queryNorm == 0.0) {
            return List.of(); // a zero vector has no direction, so no similarity to anything
        }
        return jdbi.inTransaction(h -> {
            TopScores top = index(h, q.personaId()).search(q, query, queryNorm);
            double[] scores = new double[top.size()];
            UUID[] ids = top.drainBestFirst(scores);
            return load(h, ids, scores);
        });
    }

    @Override
    public boolean anyCandidates(UUID personaId, PersonalityScope scope, Optional<Instant> createdBefore) {
        Objects.requireNonNull(personaId, "personaId");
        Objects.requireNonNull(scope, "scope");
        Objects.requireNonNull(createdBefore, "createdBefore");
        return jdbi.inTransaction(h -> index(h, personaId).anyCandidate(scope, createdBefore));
    }

    /**
     * Applies an insert committed by this process to the persona's cached index when nothing else changed the
     * persona meanwhile (its counter moved by exactly one); otherwise the next search reloads from the table.
     */
    public void inserted(NewMemory memory, long newVersion) {
        if (memory.personaId() == null) {
            return;
        }
        synchronized (indexes) {
            PersonaVectorIndex cached = indexes.get(memory.personaId());
            if (cached != null && cached.version == newVersion - 1) {
                indexes.put(memory.personaId(), cached.append(memory.id(), memory.personalityId(),
                        memory.createdAt().toEpochMilli(), memory.channelId(), memory.embedding(), newVersion));
            }
        }
    }

    /** The persona's cached index, reloaded when its change counter moved (in this or another process). */
    private PersonaVectorIndex index(Handle h, UUID personaId) {
        long version = MemoryVersions.current(h, personaId).orElse(0L);
        PersonaVectorIndex cached = indexes.get(personaId);
        if (cached != null && cached.version == version) {
            return cached;
        }
        PersonaVectorIndex fresh;
        try {
            fresh = PersonaVectorIndex.load(h.getConnection(), personaId, version);
        } catch (SQLException e) {
            throw new UnableToExecuteStatementException("memory vector index load failed", e, null);
        }
        synchronized (indexes) {
            PersonaVectorIndex now = indexes.get(personaId);
            if (now == null || now.version < version) {
                indexes.put(personaId, fresh);
            }
        }
        return fresh;
    }

    private static double norm(float[] v) {
        double sq = 0.0;
        for (float f : v) {
            sq += (double) f * f;
        }
        return Math.sqrt(sq);
    }

    private static List<MemoryHit> load(Handle h, UUID[] ids, double[] scores) {
        if (ids.length == 0) {
            return List.of();
        }
        Map<UUID, Double> scoreById = new HashMap<>(ids.length * 2);
        for (int i = 0; i < ids.length; i++) {
            scoreById.put(ids[i], scores[i]);
        }
        List<MemoryHit> hits = new ArrayList<>(h.createQuery("SELECT " + MemoryRows.COLUMNS + ", " + MemoryRows.NAMES
                        + " FROM memories m" + MemoryRows.NAME_JOINS + "WHERE m.id IN (<ids>)")
                .bindList("ids", List.of(ids))
                .map((rs, ctx) -> MemoryRows.hit(rs, scoreById.get(Sql.uuid(rs, "id"))))
                .list());
        // restore the scan's order (best first, ties by id); the IN query returns rows in no particular order
        Map<UUID, Integer> rank = new HashMap<>(ids.length * 2);
        for (int i = 0; i < ids.length; i++) {
            rank.put(ids[i], i);
        }
        hits.sort((a, b) -> Integer.compare(rank.get(a.memory().id()), rank.get(b.memory().id())));
        return Collections.unmodifiableList(hits);
    }

    @Override
    public List<MemoryHit> siblingChunks(UUID personaId, UUID chunkGroupId) {
        Objects.requireNonNull(personaId, "personaId");
        Objects.requireNonNull(chunkGroupId, "chunkGroupId");
        return jdbi.withHandle(h -> MemoryRows.siblings(h, personaId, chunkGroupId));
    }
}
