package io.tzurot.storage.memory;

import io.tzurot.core.memory.Memory;
import io.tzurot.core.memory.MemoryPage;
import io.tzurot.core.memory.MemoryRepository;
import io.tzurot.core.memory.NewMemory;
import io.tzurot.core.prompt.NoteBodyTokens;
import io.tzurot.core.prompt.TokenCounter;
import io.tzurot.storage.db.Database;
import io.tzurot.storage.db.Dialect;
import io.tzurot.storage.db.Embedding;
import io.tzurot.storage.db.Sql;
import java.time.Instant;
import java.util.Collection;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.OptionalInt;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;

/** {@link MemoryRepository} over JDBI, identical on H2 and PostgreSQL. */
public final class JdbiMemoryRepository implements MemoryRepository {

    private static final int MAX_PAGE = 100;

    private final Jdbi jdbi;
    private final String insertSql;
    private final Dialect dialect;
    private final Optional<TokenCounter> tokens;

    private volatile InsertListener insertListener = (memory, version) -> { };

    public JdbiMemoryRepository(Database database) {
        this(database, Optional.empty());
    }

    /**
     * Memories whose rows keep their note's token count ({@link NoteBodyTokens}) when {@code tokens} is given: the
     * counter every prompt is budgeted with, so a recalled memory needs no tokenizer pass.
     */
    public JdbiMemoryRepository(Database database, Optional<TokenCounter> tokens) {
        this.jdbi = database.jdbi();
        this.dialect = database.dialect();
        this.tokens = Objects.requireNonNull(tokens, "tokens");
        // nullable UUIDs are cast because a driver-typed NULL would arrive as varchar on PostgreSQL
        this.insertSql = Sql.insertIfAbsent(database.dialect(), "memories", "id", "UUID", List.of(
                "id", "persona_id=CAST(:persona_id AS UUID)", "personality_id", "content", "embedding",
                "is_summarized", "original_message_count", "summarized_at", "session_id", "canon_scope",
                "summary_type", "channel_id", "guild_id", "message_ids", "senders", "created_at",
                "updated_at=:created_at", "legacy_shapes_user_id=CAST(:legacy_shapes_user_id AS UUID)",
                "source_system", "chunk_group_id=CAST(:chunk_group_id AS UUID)", "chunk_index", "total_chunks",
                "body_tokens"));
    }

    @Override
    public boolean insert(NewMemory m) {
        Objects.requireNonNull(m, "memory");
        boolean done = jdbi.inTransaction(h -> {
            boolean inserted = h.createUpdate(insertSql)
                .bind("id", m.id())
                .bindByType("persona_id", m.personaId(), UUID.class)
                .bind("personality_id", m.personalityId())
                .bind("content", m.content())
                .bind("embedding", new Embedding(m.embedding()))
                .bind("is_summarized", m.summarized())
                .bind("original_message_count", m.originalMessageCount())
                .bindByType("summarized_at", m.summarizedAt(), Instant.class)
                .bind("session_id", m.sessionId())
                .bind("canon_scope", m.canonScope())
                .bind("summary_type", m.summaryType())
                .bind("channel_id", m.channelId())
                .bind("guild_id", m.guildId())
                .bindArray("message_ids", String.class, m.messageIds())
                .bindArray("senders", String.class, m.senders())
                .bind("created_at", m.createdAt())
                .bindByType("legacy_shapes_user_id", m.legacyShapesUserId(), UUID.class)
                .bind("source_system", m.sourceSystem())
                .bindByType("chunk_group_id", m.chunk() == null ? null : m.chunk().groupId(), UUID.class)
                .bind("chunk_index", m.chunk() == null ? null : m.chunk().index())
                .bind("total_chunks", m.chunk() == null ? null : m.chunk().total())
                .bindByType("body_tokens", bodyTokens(m.content()), Integer.class)
                .execute() == 1;
            if (inserted && m.personaId() != null) {
                long bumped = MemoryVersions.bump(h, m.personaId(), dialect);
                if (bumped > 0) {
                    // after the commit (of an enclosing transaction too): a search may then see the row
                    h.afterCommit(() -> insertListener.inserted(m, bumped));
                }
            }
            return inserted;
        });
        return done;
    }

    /** The count to keep with {@code content}; null without a counter or when it depends on the names. */
    private Integer bodyTokens(String content) {
        if (tokens.isEmpty()) {
            return null;
        }
        OptionalInt count = NoteBodyTokens.withoutNames(content, tokens.get());
        return count.isPresent() ? count.getAsInt() : null;
    }

    /** Told about every insert this repository commits, with the persona's new change counter. */
    @FunctionalInterface
    public interface InsertListener {
        void inserted(NewMemory memory, long personaVersion);
    }

    /** Registers who hears about this repository's inserts (the embedded profile's in-JVM vector index). */
    public void onInsert(InsertListener listener) {
        this.insertListener = Objects.requireNonNull(listener, "listener");
    }

    @Override
    public Optional<Memory> find(UUID id) {
        Objects.requireNonNull(id, "id");
        return jdbi.withHandle(h -> h.createQuery("SELECT " + MemoryRows.COLUMNS + " FROM memories m WHERE m.id = :id")
                .bind("id", id)
                .map((rs, ctx) -> MemoryRows.map(rs))
                .findOne());
    }

    @Override
    public MemoryPage list(UUID personaId, Optional<UUID> personalityId, int offset, int limit) {
        Objects.requireNonNull(personaId, "personaId");
        Objects.requireNonNull(personalityId, "personalityId");
        if (offset < 0) {
            throw new IllegalArgumentException("offset must not be negative, got " + offset);
        }
        if (limit < 1 || limit > MAX_PAGE) {
            throw new IllegalArgumentException("limit must be between 1 and " + MAX_PAGE + ", got " + limit);
        }
        String where = " FROM memories m WHERE m.persona_id = :persona AND m.visibility = 'normal'"
                + (personalityId.isPresent() ? " AND m.personality_id = :personality" : "");
        return jdbi.withHandle(h -> {
            Query count = h.createQuery("SELECT COUNT(*)" + where).bind("persona", personaId);
            Query page = h.createQuery("SELECT " + MemoryRows.COLUMNS + where
                            + " ORDER BY m.created_at DESC, m.id LIMIT :limit OFFSET :offset")
                    .bind("persona", personaId)
                    .bind("limit", limit)
                    .bind("offset", offset);
            personalityId.ifPresent(p -> {
                count.bind("personality", p);
                page.bind("personality", p);
            });
            long total = count.mapTo(Long.class).one();
            List<Memory> items = page.map((rs, ctx) -> MemoryRows.map(rs)).list();
            return new MemoryPage(items, total, offset, limit);
        });
    }

    @Override
    public boolean softDelete(UUID id, Instant at) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        return jdbi.inTransaction(h -> {
            boolean deleted = h.createUpdate(
                            "UPDATE memories SET visibility = 'deleted', updated_at = :at WHERE id = :id AND visibility = 'normal'")
                    .bind("id", id)
                    .bind("at", at)
                    .execute() == 1;
            if (deleted) {
                // a deleted summary gives its originals back to search
                h.createUpdate("UPDATE memories SET summarized_by = NULL WHERE summarized_by = :id").bind("id", id).execute();
                MemoryVersions.bumpOwnerOf(h, id);
            }
            return deleted;
        });
    }

    @Override
    public int delete(Collection<UUID> ids) {
        Objects.requireNonNull(ids, "ids");
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbi.inTransaction(h -> {
            int deleted = 0;
            for (UUID id : List.copyOf(ids)) {
                MemoryVersions.bumpOwnerOf(h, id); // before the row goes: the in-JVM vector index drops it on its next search
                deleted += h.createUpdate("DELETE FROM memories WHERE id = :id").bind("id", id).execute();
            }
            return deleted;
        });
    }

    @Override
    public boolean setLocked(UUID id, boolean locked, Instant at) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(at, "at");
        return jdbi.withHandle(h -> h.createUpdate("UPDATE memories SET is_locked = :locked, updated_at = :at WHERE id = :id")
                .bind("id", id)
                .bind("locked", locked)
                .bind("at", at)
                .execute()) == 1;
    }

    @Override
    public Optional<Memory> edit(UUID id, String newContent, float[] newEmbedding, Instant at) {
        Objects.requireNonNull(id, "id");
        if (newContent == null || newContent.isBlank()) {
            throw new IllegalArgumentException("memory content must not be blank");
        }
        NewMemory.checkEmbedding(newEmbedding);
        Objects.requireNonNull(at, "at");
        return jdbi.inTransaction(h -> {
            int n = h.createUpdate("UPDATE memories SET content = :content, embedding = :embedding, updated_at = :at, "
                            + "body_tokens = :body_tokens WHERE id = :id AND visibility = 'normal'")
                    .bind("id", id)
                    .bind("content", newContent)
                    .bindByType("body_tokens", bodyTokens(newContent), Integer.class)
                    .bind("embedding", new Embedding(newEmbedding))
                    .bind("at", at)
                    .execute();
            if (n == 0) {
                return Optional.empty();
            }
            MemoryVersions.bumpOwnerOf(h, id);
            return h.createQuery("SELECT " + MemoryRows.COLUMNS + " FROM memories m WHERE m.id = :id")
                    .bind("id", id)
                    .map((rs, ctx) -> MemoryRows.map(rs))
                    .findOne();
        });
    }

    @Override
    public int purge(UUID personaId, UUID personalityId) {
        Objects.requireNonNull(personaId, "personaId");
        Objects.requireNonNull(personalityId, "personalityId");
        return jdbi.inTransaction(h -> {
            int deleted = h.createUpdate(
                            "DELETE FROM memories WHERE persona_id = :persona AND personality_id = :personality AND is_locked = FALSE")
                    .bind("persona", personaId)
                    .bind("personality", personalityId)
                    .execute();
            if (deleted > 0) {
                unmarkOrphans(h, personaId);
                MemoryVersions.bump(h, personaId);
            }
            return deleted;
        });
    }

    @Override
    public long countSince(UUID personaId, Optional<UUID> personalityId, Instant since) {
        Objects.requireNonNull(personaId, "personaId");
        Objects.requireNonNull(personalityId, "personalityId");
        Objects.requireNonNull(since, "since");
        return jdbi.withHandle(h -> {
            Query count = h.createQuery("SELECT COUNT(*) FROM memories WHERE persona_id = :persona"
                            + " AND visibility = 'normal'" + recentUnlocked(personalityId))
                    .bind("persona", personaId)
                    .bind("since", since);
            personalityId.ifPresent(p -> count.bind("personality", p));
            return count.mapTo(Long.class).one();
        });
    }

    @Override
    public int deleteSince(UUID personaId, Optional<UUID> personalityId, Instant since) {
        Objects.requireNonNull(personaId, "personaId");
        Objects.requireNonNull(personalityId, "personalityId");
        Objects.requireNonNull(since, "since");
        return jdbi.inTransaction(h -> {
            var delete = h.createUpdate("DELETE FROM memories WHERE persona_id = :persona" + recentUnlocked(personalityId))
                    .bind("persona", personaId)
                    .bind("since", since);
            personalityId.ifPresent(p -> delete.bind("personality", p));
            int deleted = delete.execute();
            if (deleted > 0) {
                unmarkOrphans(h, personaId); // a locked or older original outlives its deleted summary
                MemoryVersions.bump(h, personaId); // the in-JVM vector index drops the rows on its next search
            }
            return deleted;
        });
    }

    /** Clears summarized_by on the persona's originals whose summary is gone or no longer visible. */
    static void unmarkOrphans(org.jdbi.v3.core.Handle h, UUID personaId) {
        h.createUpdate("UPDATE memories SET summarized_by = NULL WHERE persona_id = :persona AND summarized_by IS NOT NULL "
                        + "AND NOT EXISTS (SELECT 1 FROM memories s WHERE s.id = memories.summarized_by "
                        + "AND s.visibility = 'normal')")
                .bind("persona", personaId)
                .execute();
    }

    private static String recentUnlocked(Optional<UUID> personalityId) {
        return " AND is_locked = FALSE AND created_at >= :since"
                + (personalityId.isPresent() ? " AND personality_id = :personality" : "");
    }
}
