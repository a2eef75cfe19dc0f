package io.tzurot.storage.memory;

import io.tzurot.core.memory.Memory;
import io.tzurot.core.summaries.NewSummary;
import io.tzurot.core.summaries.SummaryGroup;
import io.tzurot.core.summaries.SummaryRepository;
import io.tzurot.core.summaries.SummaryWindow;
import io.tzurot.storage.db.Database;
import io.tzurot.storage.db.Embedding;
import io.tzurot.storage.db.Sql;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/** {@link SummaryRepository} over JDBI, identical on H2 and PostgreSQL. */
public final class JdbiSummaryRepository implements SummaryRepository {

    /** A memory that may be summarized: visible, a plain memory (not a summary, not a chunk), not summarized yet. */
    private static final String ORIGINAL = "m.visibility = 'normal' AND m.type = 'memory' AND m.summarized_by IS NULL "
            + "AND m.chunk_group_id IS NULL AND m.persona_id IS NOT NULL";
    /** {@link SummaryWindow#of} in SQL: weeks from Monday 00:00 UTC. */
    private static final String WEEK = "FLOOR((EXTRACT(EPOCH FROM m.created_at) + " + SummaryWindow.SQL_OFFSET_SECONDS
            + ") / " + SummaryWindow.SECONDS + ")";

    private final Jdbi jdbi;

    public JdbiSummaryRepository(Database database) {
        this.jdbi = database.jdbi();
    }

    @Override
    public List<SummaryGroup> groups(Instant olderThan, int minMemories, int limit) {
        Objects.requireNonNull(olderThan, "olderThan");
        String sql = "SELECT m.persona_id, pa.owner_id, m.personality_id, m.channel_id, " + WEEK + " AS week, "
                + "COUNT(*) AS n, MAX(COALESCE(pa.preferred_name, pa.name)) AS persona_name, "
                + "MAX(COALESCE(pe.display_name, pe.name)) AS personality_name "
                + "FROM memories m JOIN personas pa ON pa.id = m.persona_id JOIN personalities pe ON pe.id = m.personality_id "
                + "WHERE " + ORIGINAL + " AND m.created_at < :cutoff "
                + "GROUP BY m.persona_id, pa.owner_id, m.personality_id, m.channel_id, " + WEEK + " "
                + "HAVING COUNT(*) >= :min ORDER BY MIN(m.created_at), m.persona_id, m.personality_id LIMIT :limit";
        return jdbi.withHandle(h -> h.createQuery(sql)
                .bind("cutoff", olderThan)
                .bind("min", minMemories)
                .bind("limit", limit)
                .map((rs, ctx) -> new SummaryGroup(Sql.uuid(rs, "persona_id"), Sql.uuid(rs, "owner_id"),
                        Sql.uuid(rs, "personality_id"), rs.getString("channel_id"), rs.getLong("week"), rs.getInt("n"),
                        rs.getString("persona_name"), rs.getString("personality_name")))
                .list());
    }

    @Override
    public List<Memory> originals(SummaryGroup group, Instant olderThan, int limit) {
        Objects.requireNonNull(group, "group");
        Objects.requireNonNull(olderThan, "olderThan");
        String sql = "SELECT " + MemoryRows.COLUMNS + " FROM memories m WHERE m.persona_id = :persona "
                + "AND m.personality_id = :personality AND "
                + (group.channelId() == null ? "m.channel_id IS NULL" : "m.channel_id = :channel")
                + " AND m.created_at >= :from AND m.created_at < :to AND m.created_at < :cutoff AND " + ORIGINAL
                + " ORDER BY m.created_at, m.id LIMIT :limit";
        return jdbi.withHandle(h -> {
            Query q = h.createQuery(sql)
                    .bind("persona", group.personaId())
                    .bind("personality", group.personalityId())
                    .bind("from", SummaryWindow.start(group.week()))
                    .bind("to", SummaryWindow.end(group.week()))
                    .bind("cutoff", olderThan)
                    .bind("limit", limit);
            if (group.channelId() != null) {
                q.bind("channel", group.channelId());
            }
            return q.map((rs, ctx) -> MemoryRows.map(rs)).list();
        });
    }

    @Override
    public boolean store(NewSummary s) {
        Objects.requireNonNull(s, "summary");
        try {
            return jdbi.inTransaction(h -> {
                int claimed = h.createUpdate("UPDATE memories m SET summarized_by = :summary WHERE m.id IN (<ids>) AND "
                                + "m.persona_id = :persona AND " + ORIGINAL)
                        .bind("summary", s.id())
                        .bind("persona", s.personaId())
                        .bindList("ids", s.originalIds())
                        .execute();
                if (claimed != s.originalIds().size()) {
                    throw new LostClaim(); // rolls the claim back: someone else changed an original meanwhile
                }
                h.createUpdate("INSERT INTO memories (id, persona_id, personality_id, content, embedding, is_summarized, "
                                + "original_message_count, summarized_at, canon_scope, summary_type, channel_id, guild_id, "
                                + "message_ids, senders, created_at, updated_at, source_system, type, covers_from, "
                                + "covers_until) VALUES (:id, :persona, :personality, :content, :embedding, FALSE, :count, "
                                + ":at, 'personal', 'week', :channel, :guild, :none, :none, :until, :at, 'tzurot-summary', "
                                + "'" + Memory.SUMMARY_TYPE + "', :from, :until)")
                        .bind("id", s.id())
                        .bind("persona", s.personaId())
                        .bind("personality", s.personalityId())
                        .bind("content", s.content())
                        .bind("embedding", new Embedding(s.embedding()))
                        .bind("count", s.originalIds().size())
                        .bind("at", s.summarizedAt())
                        .bind("channel", s.channelId())
                        .bind("guild", s.guildId())
                        .bindArray("none", String.class, List.of())
                        .bind("until", s.coversUntil())
                        .bind("from", s.coversFrom())
                        .execute();
                MemoryVersions.bump(h, s.personaId()); // the in-JVM index reloads: originals left, a summary came
                return true;
            });
        } catch (LostClaim e) {
            return false;
        }
    }

    @Override
    public List<UUID> originalsOf(UUID summaryId) {
        Objects.requireNonNull(summaryId, "summaryId");
        return jdbi.withHandle(h -> h.createQuery(
                        "SELECT id FROM memories WHERE summarized_by = :id ORDER BY created_at, id")
                .bind("id", summaryId)
                .mapTo(UUID.class)
                .list());
    }

    /** Thrown inside the transaction to roll back a claim that did not get every original. */
    private static final class LostClaim extends RuntimeException {
        LostClaim() {
            super(null, null, false, false);
        }
    }
}
