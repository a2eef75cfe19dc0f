package io.tzurot.storage.memory;

import io.tzurot.core.memory.MemoryHit;
import io.tzurot.core.memory.MemoryQuery;
import io.tzurot.core.memory.MemorySearch;
import io.tzurot.core.memory.PersonalityScope;
import io.tzurot.storage.db.Database;
import io.tzurot.storage.db.Dialect;
import io.tzurot.storage.db.Embedding;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Query;

/**
 * {@link MemorySearch} on PostgreSQL with pgvector: cosine distance {@code <=>} served by the HNSW index.
 * The nearest rows are taken first and the score threshold applied to them afterwards, which gives the
 * same result as filtering first but lets the index stream rows in distance order.
 */
public final class PgvectorMemorySearch implements MemorySearch {

    /**
     * HNSW candidate list size floor without iterative scans, where the list caps what the filters can leave
     * (pgvector's default of 40 would cap a filtered limit-50 search).
     */
    static final int MIN_EF_SEARCH = 100;
    /**
     * With iterative scans the list no longer caps a filtered search (the scan goes on until enough rows pass), so
     * the floor drops to pgvector's default: for small limits over 10,000 memories a list of 40 took 2.4 ms where
     * 100 took 10-13 ms (EXPLAIN ANALYZE, load ~15). The list stays four times the limit: at twice the limit a
     * filtered limit-50 search missed a true neighbour (recall matters more than those milliseconds).
     */
    static final int MIN_ITERATIVE_EF_SEARCH = 40;
    static final int MAX_EF_SEARCH = 1000;
    /** A hit of {@link #prepare}'s query, scored from its cosine distance. */
    private static final RowMapper<MemoryHit> HIT = (rs, ctx) -> MemoryRows.hit(rs, 1.0 - rs.getDouble("distance"));

    private final Jdbi jdbi;
    private final boolean iterativeScan;
    private final HnswSessionTuning sessionTuning;
    private final CandidateWitnesses witnesses = new CandidateWitnesses();

    public PgvectorMemorySearch(Database database) {
        if (database.dialect() != Dialect.POSTGRESQL) {
            throw new IllegalArgumentException("pgvector search needs PostgreSQL, got " + database.dialect());
        }
        this.jdbi = database.jdbi();
        this.iterativeScan = jdbi.withHandle(h -> h.createQuery(
                        "SELECT extversion FROM pg_extension WHERE extname = 'vector'")
                .mapTo(String.class).findOne()
                .map(PgvectorMemorySearch::supportsIterativeScan)
                .orElseThrow(() -> new IllegalStateException("the vector extension is not installed")));
        this.sessionTuning = new HnswSessionTuning(iterativeScan);
    }

    /** Iterative index scans (0.8.0+) keep reading the index until enough rows pass the WHERE filters. */
    static boolean supportsIterativeScan(String version) {
        String[] parts = version.split("\\.");
        int major = Integer.parseInt(parts[0]);
        int minor = parts.length > 1 ? Integer.parseInt(parts[1].replaceAll("\\D.*", "")) : 0;
        return major > 0 || minor >= 8;
    }

    @Override
    public boolean anyCandidates(UUID personaId, PersonalityScope scope, Optional<Instant> createdBefore) {
        Objects.requireNonNull(personaId, "personaId");
        Objects.requireNonNull(scope, "scope");
        if (witnesses.proven(personaId, scope, createdBefore)) {
            return true;
        }
        String sql = "SELECT EXISTS (SELECT 1 FROM memories m WHERE " + inScope(scope, createdBefore) + ")";
        boolean any = jdbi.withHandle(h -> bindScope(h.createQuery(sql), personaId, scope, createdBefore)
                .mapTo(Boolean.class).one());
        if (any) {
            witnesses.found(personaId, scope, createdBefore);
        }
        return any;
    }

    @Override
    public List<MemoryHit> search(MemoryQuery q) {
        Objects.requireNonNull(q, "query");
        if (q.limit() == 0) {
            return List.of();
        }
        return jdbi.withHandle(h -> {
            if (h.isInTransaction()) {
                tune(h, q.limit()); // a caller's transaction may roll back, which would undo a session setting
            } else {
                sessionTuning.use(h, efSearch(q.limit()));
            }
            return prepare(h, "", q).map(HIT).list();
        });
    }

    /**
     * The plan of {@link #search} when the planner is steered to the vector index, which it rightly skips for
     * small tables; package-private so the contract suite can prove the HNSW index can serve the query.
     */
    List<String> explainForcingIndex(MemoryQuery q) {
        return jdbi.inTransaction(h -> {
            forceVectorIndex(h, q.limit());
            return prepare(h, "EXPLAIN ", q).mapTo(String.class).list();
        });
    }

    /** {@link #search} steered to the vector index, so the result comes from the HNSW scan alone. */
    List<MemoryHit> searchForcingIndex(MemoryQuery q) {
        return jdbi.inTransaction(h -> {
            forceVectorIndex(h, q.limit());
            return prepare(h, "", q).map(HIT).list();
        });
    }

    /** {@link #search} with index scans disabled: the exact answer, to measure the index's recall against. */
    List<MemoryHit> searchExactly(MemoryQuery q) {
        return jdbi.inTransaction(h -> {
            h.execute("SET LOCAL enable_indexscan = off");
            h.execute("SET LOCAL enable_bitmapscan = off");
            return prepare(h, "", q).map(HIT).list();
        });
    }

    /** Without sequential scans and explicit sorts, only the HNSW index yields rows in distance order. */
    private void forceVectorIndex(Handle h, int limit) {
        tune(h, limit);
        h.execute("SET LOCAL enable_seqscan = off");
        h.execute("SET LOCAL enable_sort = off");
    }

    private static Query prepare(Handle h, String prefix, MemoryQuery q) {
        StringBuilder inner = new StringBuilder("SELECT m.id, m.embedding <=> :q AS distance FROM memories m WHERE ")
                .append(inScope(q.scope(), q.createdBefore()));
        if (!q.channelIds().isEmpty()) {
            inner.append(" AND m.channel_id IN (<channels>)");
        }
        if (!q.excludedIds().isEmpty()) {
            inner.append(" AND m.id NOT IN (<excluded>)");
        }
        inner.append(" ORDER BY m.embedding <=> :q LIMIT :limit");
        String sql = prefix + "WITH nearest AS MATERIALIZED (" + inner + ") SELECT " + MemoryRows.COLUMNS + ", "
                + MemoryRows.NAMES + ", n.distance FROM nearest n JOIN memories m ON m.id = n.id" + MemoryRows.NAME_JOINS
                + "WHERE n.distance <= :maxDistance ORDER BY n.distance, m.id";
        Query query = bindScope(h.createQuery(sql), q.personaId(), q.scope(), q.createdBefore())
                .bind("q", new Embedding(q.vector()))
                .bind("limit", q.limit())
                .bind("maxDistance", 1.0 - q.minScore());
        if (!q.channelIds().isEmpty()) {
            query.bindList("channels", List.copyOf(q.channelIds()));
        }
        if (!q.excludedIds().isEmpty()) {
            query.bindList("excluded", List.copyOf(q.excludedIds()));
        }
        return query;
    }

    /**
     * The rows any search of this persona and scope may return; shared by {@link #search} and
     * {@link #anyCandidates}, which must agree on it. Bound by {@link #bindScope}.
     */
    private static String inScope(PersonalityScope scope, Optional<Instant> createdBefore) {
        // a summarized original is left to its summary (the summary's deletion clears summarized_by)
        return "m.persona_id = :persona AND m.visibility = 'normal' AND m.embedding IS NOT NULL"
                + " AND m.summarized_by IS NULL"
                + (scope instanceof PersonalityScope.Only ? " AND m.personality_id = :personality" : "")
                + (createdBefore.isPresent() ? " AND m.created_at < :cutoff" : "");
    }

    private static Query bindScope(Query query, UUID personaId, PersonalityScope scope, Optional<Instant> createdBefore) {
        query.bind("persona", personaId);
        if (scope instanceof PersonalityScope.Only only) {
            query.bind("personality", only.personalityId());
        }
        createdBefore.ifPresent(c -> query.bind("cutoff", c));
        return query;
    }

    private int efSearch(int limit) {
        return Math.min(MAX_EF_SEARCH, Math.max(iterativeScan ? MIN_ITERATIVE_EF_SEARCH : MIN_EF_SEARCH, limit * 4));
    }

    private void tune(Handle h, int limit) {
        h.execute(HnswSessionTuning.settings("SET LOCAL", efSearch(limit), iterativeScan));
    }

    @Override
    public List<MemoryHit> siblingChunks(UUID personaId, UUID chunkGroupId) {
        Objects.requireNonNull(personaId, "personaId");
        Objects.requireNonNull(chunkGroupId, "chunkGroupId");
        return jdbi.withHandle(h -> MemoryRows.siblings(h, personaId, chunkGroupId));
    }
}
