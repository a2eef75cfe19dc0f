package io.tzurot.storage.memory;

import io.tzurot.core.memory.MemoryQuery;
import io.tzurot.core.memory.PersonalityScope;
import io.tzurot.storage.db.Embedding;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.sql.Timestamp;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.UUID;

/**
 * One persona's searchable memories held in the JVM as flat arrays: ids, personality ids, creation times,
 * channels and one contiguous float array of unit-normalised vectors. Built from the table in one read and
 * reused until the persona's {@code memory_versions} counter moves.
 */
final class PersonaVectorIndex {

    private static final int DIMENSIONS = 384;

    final long version;
    /** Rows in use; the arrays may be longer (room for appends). Slots past {@code size} are never read. */
    private final int size;
    private final UUID[] ids;
    private final UUID[] personalities;
    private final long[] createdAtMillis;
    private final String[] channels;
    private final float[] vectors;

    private PersonaVectorIndex(long version, int size, UUID[] ids, UUID[] personalities, long[] createdAtMillis,
                               String[] channels, float[] vectors) {
        this.version = version;
        this.size = size;
        this.ids = ids;
        this.personalities = personalities;
        this.createdAtMillis = createdAtMillis;
        this.channels = channels;
        this.vectors = vectors;
    }

    /**
     * This index plus one row, as of {@code newVersion}. Appends share the arrays while they have room (a
     * reader of an older index reads only its own {@code size} rows); callers serialise appends per persona.
     */
    PersonaVectorIndex append(UUID id, UUID personality, long createdAt, String channel, float[] vector, long newVersion) {
        float[] unit = unit(vector);
        if (unit == null) {
            return new PersonaVectorIndex(newVersion, size, ids, personalities, createdAtMillis, channels, vectors);
        }
        int capacity = ids.length;
        UUID[] i = ids;
        UUID[] p = personalities;
        long[] c = createdAtMillis;
        String[] ch = channels;
        float[] v = vectors;
        if (size == capacity) {
            int grown = Math.max(16, capacity + (capacity >> 1));
            i = java.util.Arrays.copyOf(ids, grown);
            p = java.util.Arrays.copyOf(personalities, grown);
            c = java.util.Arrays.copyOf(createdAtMillis, grown);
            ch = java.util.Arrays.copyOf(channels, grown);
            v = java.util.Arrays.copyOf(vectors, grown * DIMENSIONS);
        }
        i[size] = id;
        p[size] = personality;
        c[size] = createdAt;
        ch[size] = channel;
        System.arraycopy(unit, 0, v, size * DIMENSIONS, DIMENSIONS);
        return new PersonaVectorIndex(newVersion, size + 1, i, p, c, ch, v);
    }

    /** The vector scaled to unit length, or null when it is malformed or zero. */
    private static float[] unit(float[] vector) {
        if (vector == null || vector.length != DIMENSIONS) {
            return null;
        }
        double norm = 0;
        for (float f : vector) {
            norm += (double) f * f;
        }
        if (norm == 0) {
            return null;
        }
        float inverse = (float) (1.0 / Math.sqrt(norm));
        float[] out = new float[DIMENSIONS];
        for (int k = 0; k < DIMENSIONS; k++) {
            out[k] = vector[k] * inverse;
        }
        return out;
    }

    static PersonaVectorIndex load(Connection c, UUID personaId, long version) throws SQLException {
        List<UUID> ids = new ArrayList<>();
        List<UUID> personalities = new ArrayList<>();
        List<Long> created = new ArrayList<>();
        List<String> channels = new ArrayList<>();
        List<float[]> vectors = new ArrayList<>();
        try (PreparedStatement ps = c.prepareStatement("SELECT id, personality_id, created_at, channel_id, embedding "
                + "FROM memories WHERE persona_id = ? AND visibility = 'normal' AND embedding IS NOT NULL "
                + "AND summarized_by IS NULL")) {
            ps.setObject(1, personaId);
            ps.setFetchSize(512);
            try (ResultSet rs = ps.executeQuery()) {
                while (rs.next()) {
                    byte[] bytes = rs.getBytes(5);
                    if (bytes.length != DIMENSIONS * Float.BYTES) {
                        continue; // a malformed row can never be a match
                    }
                    float[] v = unit(Embedding.fromBytes(bytes));
                    if (v == null) {
                        continue;
                    }
                    ids.add(rs.getObject(1, UUID.class));
                    personalities.add(rs.getObject(2, UUID.class));
                    created.add(rs.getTimestamp(3).getTime());
                    channels.add(rs.getString(4));
                    vectors.add(v);
                }
            }
        }
        int n = ids.size();
        float[] flat = new float[n * DIMENSIONS];
        long[] createdAt = new long[n];
        for (int i = 0; i < n; i++) {
            System.arraycopy(vectors.get(i), 0, flat, i * DIMENSIONS, DIMENSIONS);
            createdAt[i] = created.get(i);
        }
        return new PersonaVectorIndex(version, n, ids.toArray(UUID[]::new), personalities.toArray(UUID[]::new), createdAt,
                channels.toArray(String[]::new), flat);
    }

    /** The best {@link MemoryQuery#limit()} rows in scope at or above the query's minimum score. */
    TopScores search(MemoryQuery q, float[] query, double queryNorm) {
        UUID only = onlyPersonality(q.scope());
        long before = beforeMillis(q.createdBefore());
        Set<String> inChannels = q.channelIds();
        Set<UUID> excluded = q.excludedIds();
        float[] unit = new float[DIMENSIONS];
        for (int k = 0; k < DIMENSIONS; k++) {
            unit[k] = (float) (query[k] / queryNorm);
        }
        TopScores top = new TopScores(q.limit());
        for (int i = 0; i < size; i++) {
            if (only != null && !only.equals(personalities[i]) || createdAtMillis[i] >= before
                    || !inChannels.isEmpty() && (channels[i] == null || !inChannels.contains(channels[i]))) {
                continue;
            }
            float dot = dot(vectors, i * DIMENSIONS, unit);
            if (dot >= q.minScore() && top.accepts(dot) && !excluded.contains(ids[i])) {
                top.offer(dot, ids[i]);
            }
        }
        return top;
    }

    /** Whether a row in scope was created before the cutoff (the filters of {@link #search} a vector cannot fail). */
    boolean anyCandidate(PersonalityScope scope, Optional<Instant> createdBefore) {
        UUID only = onlyPersonality(scope);
        long before = beforeMillis(createdBefore);
        for (int i = 0; i < size; i++) {
            if (createdAtMillis[i] < before && (only == null || only.equals(personalities[i]))) {
                return true;
            }
        }
        return false;
    }

    /** The one personality the scope admits, or null for any. */
    private static UUID onlyPersonality(PersonalityScope scope) {
        return scope instanceof PersonalityScope.Only o ? o.personalityId() : null;
    }

    /** The cutoff as stored creation times are held (epoch millis), or no cutoff at all. */
    private static long beforeMillis(Optional<Instant> createdBefore) {
        return createdBefore.map(t -> Timestamp.from(t).getTime()).orElse(Long.MAX_VALUE);
    }

    /**
     * Dot product of one stored row with the query. Eight independent partial sums: a single running sum makes
     * each add wait for the previous one (the JIT may not reorder float adds), which made the scan latency-bound.
     */
    static float dot(float[] rows, int base, float[] q) {
        float s0 = 0f;
        float s1 = 0f;
        float s2 = 0f;
        float s3 = 0f;
        float s4 = 0f;
        float s5 = 0f;
        float s6 = 0f;
        float s7 = 0f;
        for (int k = 0; k < DIMENSIONS; k += 8) {
            int r = base + k;
            s0 += rows[r] * q[k];
            s1 += rows[r + 1] * q[k + 1];
            s2 += rows[r + 2] * q[k + 2];
            s3 += rows[r + 3] * q[k + 3];
            s4 += rows[r + 4] * q[k + 4];
            s5 += rows[r + 5] * q[k + 5];
            s6 += rows[r + 6] * q[k + 6];
            s7 += rows[r + 7] * q[k + 7];
        }
        return ((s0 + s1) + (s2 + s3)) + ((s4 + s5) + (s6 + s7));
    }
}
