package io.tzurot.storage.memory;

import io.tzurot.core.memory.Memory;
import io.tzurot.core.memory.MemoryChunk;
import io.tzurot.core.memory.MemoryHit;
import io.tzurot.core.memory.MemoryVisibility;
import io.tzurot.storage.db.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.util.List;
import java.util.UUID;
import org.jdbi.v3.core.Handle;

/** The memory columns, their mapping, and the display-name join both search implementations share. */
final class MemoryRows {

    /** Every column but the embedding, qualified with alias {@code m}. */
    static final String COLUMNS = "m.id, m.persona_id, m.personality_id, m.content, m.is_summarized, "
            + "m.original_message_count, m.summarized_at, m.session_id, m.canon_scope, m.summary_type, m.channel_id, "
            + "m.guild_id, m.message_ids, m.senders, m.created_at, m.updated_at, m.legacy_shapes_user_id, "
            + "m.source_system, m.type, m.is_locked, m.visibility, m.chunk_group_id, m.chunk_index, m.total_chunks, "
            + "m.summarized_by, m.covers_from, m.covers_until, m.body_tokens";

    /** The names a hit is rendered with; inner joins, so rows without a persona (legacy) never match. */
    static final String NAMES = "COALESCE(pa.preferred_name, pa.name) AS persona_name, u.username AS owner_username, "
            + "COALESCE(pe.display_name, pe.name) AS personality_name";

    static final String NAME_JOINS = " JOIN personas pa ON pa.id = m.persona_id JOIN users u ON u.id = pa.owner_id "
            + "JOIN personalities pe ON pe.id = m.personality_id ";

    private MemoryRows() {
    }

    static Memory map(ResultSet rs) throws SQLException {
        UUID group = Sql.uuid(rs, "chunk_group_id");
        MemoryChunk chunk = group == null ? null
                : new MemoryChunk(group, rs.getInt("chunk_index"), rs.getInt("total_chunks"));
        return new Memory(
                Sql.uuid(rs, "id"),
                Sql.uuid(rs, "persona_id"),
                Sql.uuid(rs, "personality_id"),
                rs.getString("content"),
                rs.getBoolean("is_summarized"),
                Sql.integer(rs, "original_message_count"),
                Sql.instant(rs, "summarized_at"),
                rs.getString("session_id"),
                rs.getString("canon_scope"),
                rs.getString("summary_type"),
                rs.getString("channel_id"),
                rs.getString("guild_id"),
                Sql.strings(rs, "message_ids"),
                Sql.strings(rs, "senders"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "updated_at"),
                Sql.uuid(rs, "legacy_shapes_user_id"),
                rs.getString("source_system"),
                rs.getString("type"),
                rs.getBoolean("is_locked"),
                MemoryVisibility.fromDb(rs.getString("visibility")),
                chunk,
                Sql.uuid(rs, "summarized_by"),
                Sql.instant(rs, "covers_from"),
                Sql.instant(rs, "covers_until"),
                Sql.integer(rs, "body_tokens"));
    }

    static MemoryHit hit(ResultSet rs, double score) throws SQLException {
        return new MemoryHit(map(rs), score, rs.getString("persona_name"), rs.getString("owner_username"),
                rs.getString("personality_name"));
    }

    /** Visible chunks of one group owned by one persona, in chunk order, as score-1.0 hits. */
    static List<MemoryHit> siblings(Handle handle, UUID personaId, UUID chunkGroupId) {
        return handle.createQuery("SELECT " + COLUMNS + ", " + NAMES + " FROM memories m" + NAME_JOINS
                        + "WHERE m.chunk_group_id = :group AND m.persona_id = :persona AND m.visibility = 'normal' "
                        + "ORDER BY m.chunk_index, m.id")
                .bind("group", chunkGroupId)
                .bind("persona", personaId)
                .map((rs, ctx) -> hit(rs, 1.0))
                .list();
    }
}
