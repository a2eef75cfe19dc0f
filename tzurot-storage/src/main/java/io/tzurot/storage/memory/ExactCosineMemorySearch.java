package io.tzurot.storage.memory;

import io.tzurot.core.memory.MemoryHit;
import io.tzurot.core.memory.MemoryQuery;
import io.tzurot.core.memory.MemorySearch;
import io.tzurot.core.memory.PersonalityScope;
import io.tzurot.storage.db.Database;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Set;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.UnableToExecuteStatementException;

/**
 * {@link MemorySearch} for the embedded profile: exact cosine similarity computed in the JVM over the
 * rows in scope. The scan reads only ids and vectors and keeps the best hits in a fixed-size heap; full
 * rows and display names are loaded for the winners alone.
 */
public final class ExactCosineMemorySearch implements MemorySearch {

    /** Rows fetched per round trip while scanning vectors. */
    private static final int FETCH_SIZE = 256;

    private final Jdbi jdbi;

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
            TopScores top;
            try {
                top = scan(h.getConnection(), q, query, queryNorm);
            } catch (SQLException e) {
                throw new UnableToExecuteStatementException("memory vector scan failed", e, null);
            }
            double[] scores = new double[top.size()];
            UUID[] ids = top.drainBestFirst(scores);
            return load(h, ids, scores);
        });
    }

    private static TopScores scan(Connection c, MemoryQuery q, float[] query, double queryNorm) throws SQLException {
        StringBuilder sql = new StringBuilder("SELECT m.id, m.embedding FROM memories m WHERE m.persona_id = ? "
                + "AND m.visibility = 'normal' AND m.embedding IS NOT NULL");
        if (q.scope() instanceof PersonalityScope.Only) {
            sql.append(" AND m.personality_id = ?");
        }
        if (q.createdBefore().isPresent()) {
            sql.append(" AND m.created_at < ?");
        }
        if (!q.channelIds().isEmpty()) {
            sql.append(" AND m.channel_id IN (").append("?, ".repeat(q.channelIds().size() - 1)).append("?)");
        }
        TopScores top = new TopScores(q.limit());
        Set<UUID> excluded = q.excludedIds();
        try (PreparedStatement ps = c.prepareStatement(sql.toString())) {
            int i = 1;
            ps.setObject(i++, q.personaId());
            if (q.scope() instanceof PersonalityScope.Only only) {
                ps.setObject(i++, only.personalityId());
            }
            if (q.createdBefore().isPresent()) {
                ps.setTimestamp(i++, Timestamp.from(q.createdBefore().get()));
            }
            for (String channel : q.channelIds()) {
                ps.setString(i++, channel);
            }
            ps.setFetchSize(FETCH_SIZE);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    UUID id = rs.getObject(1, UUID.class);
                    if (excluded.contains(id)) {
                        continue;
                    }
                    double score = cosine(rs.getBytes(2), query, queryNorm);
                    if (score >= q.minScore() && top.accepts(score)) {
                        top.offer(score, id);
                    }
                }
            }
        }
        return top;
    }

    /** Cosine similarity against a stored vector in its H2 form: little-endian float32, no per-element boxing. */
    private static double cosine(byte[] stored, float[] query, double queryNorm) {
        if (stored.length != query.length * Float.BYTES) {
            return Double.NEGATIVE_INFINITY; // a malformed row can never be a match
        }
        ByteBuffer buffer = ByteBuffer.wrap(stored).order(ByteOrder.LITTLE_ENDIAN);
        double dot = 0.0;
        double sq = 0.0;
        for (int k = 0; k < query.length; k++) {
            double v = buffer.getFloat(k * Float.BYTES);
            dot += v * query[k];
            sq += v * v;
        }
        return sq == 0.0 ? Double.NEGATIVE_INFINITY : dot / (Math.sqrt(sq) * queryNorm);
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
