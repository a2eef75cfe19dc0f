package io.tzurot.storage.conversation;

import io.tzurot.core.conversation.ConversationHistoryRepository;
import io.tzurot.core.conversation.HistoryCounts;
import io.tzurot.core.conversation.HistoryGroup;
import io.tzurot.core.conversation.HistoryMessage;
import io.tzurot.core.conversation.HistoryPurge;
import io.tzurot.core.conversation.HistoryRole;
import io.tzurot.core.conversation.RecentHistoryQuery;
import io.tzurot.storage.db.Database;
import io.tzurot.storage.db.Dialect;
import io.tzurot.storage.db.JsonText;
import io.tzurot.storage.db.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.stream.Collectors;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.statement.Query;
import org.jdbi.v3.core.statement.Update;

/** {@link ConversationHistoryRepository} over JDBI on H2 and PostgreSQL. */
public final class JdbiConversationHistoryRepository implements ConversationHistoryRepository {

    private static final String COLUMNS = "id, channel_id, guild_id, personality_id, persona_id, role, content, token_count, "
            + "discord_message_id, message_metadata, created_at, edited_at, deleted_at";
    private static final int MAX_BATCH = 10_000;

    private final Jdbi jdbi;
    private final String insertSql;
    /** Array membership; PostgreSQL's form is the one its GIN index serves. */
    private final String containsDiscordId;

    public JdbiConversationHistoryRepository(Database database) {
        this.jdbi = database.jdbi();
        this.insertSql = insertSql(database.dialect());
        this.containsDiscordId = database.dialect() == Dialect.POSTGRESQL
                ? "discord_message_id @> ARRAY[CAST(:discordId AS TEXT)]"
                : "ARRAY_CONTAINS(discord_message_id, :discordId)";
    }

    /** The row's insert, nothing when a row with its id exists; bound by {@link #bindInsert}. */
    static String insertSql(Dialect dialect) {
        return Sql.insertIfAbsent(dialect, "conversation_history", "id", "UUID", List.of(
                "id", "channel_id", "guild_id", "personality_id", "persona_id", "role", "content", "token_count",
                "discord_message_id", "message_metadata", "created_at"));
    }

    /** Binds {@code m} to {@link #insertSql}. */
    static Update bindInsert(Update update, HistoryMessage m) {
        return bindRow(update.bind("id", m.id()), m);
    }

    @Override
    public boolean append(HistoryMessage m) {
        Objects.requireNonNull(m, "message");
        return jdbi.withHandle(h -> bindInsert(h.createUpdate(insertSql), m).execute()) == 1;
    }

    @Override
    public Optional<HistoryMessage> find(UUID id) {
        Objects.requireNonNull(id, "id");
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM conversation_history WHERE id = :id")
                .bind("id", id)
                .map((rs, ctx) -> map(rs))
                .findOne());
    }

    @Override
    public List<HistoryMessage> listOfPersona(UUID personaId, int offset, int limit) {
        Objects.requireNonNull(personaId, "personaId");
        if (offset < 0 || limit < 1 || limit > MAX_BATCH) {
            throw new IllegalArgumentException("offset must be >= 0 and limit 1-" + MAX_BATCH);
        }
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM conversation_history WHERE persona_id = :p "
                        + "ORDER BY created_at, id LIMIT :limit OFFSET :offset")
                .bind("p", personaId)
                .bind("limit", limit)
                .bind("offset", offset)
                .map((rs, ctx) -> map(rs))
                .list());
    }

    @Override
    public Optional<HistoryMessage> findByDiscordMessageId(String discordMessageId) {
        Objects.requireNonNull(discordMessageId, "discordMessageId");
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM conversation_history WHERE "
                        + containsDiscordId + " ORDER BY created_at DESC, id LIMIT 1")
                .bind("discordId", discordMessageId)
                .map((rs, ctx) -> map(rs))
                .findOne());
    }

    @Override
    public List<HistoryMessage> recent(RecentHistoryQuery q) {
        Objects.requireNonNull(q, "query");
        if (q.maxMessages() == 0) {
            return List.of();
        }
        List<HistoryMessage> newestFirst = jdbi.withHandle(h -> bindRecent(h.createQuery(recentSql(q)), q)
                .map((rs, ctx) -> map(rs)).collectIntoList());
        return oldestFirst(newestFirst);
    }

    /** One statement: the window's rows newest first, then the row of {@code id} (flagged), if any. */
    @Override
    public RecentAndRow recentAndFind(RecentHistoryQuery q, UUID id) {
        Objects.requireNonNull(q, "query");
        Objects.requireNonNull(id, "id");
        if (q.maxMessages() == 0) {
            return new RecentAndRow(List.of(), find(id));
        }
        String sql = "SELECT " + COLUMNS + ", 0 AS wanted FROM (" + recentSql(q) + ") w UNION ALL SELECT " + COLUMNS
                + ", 1 AS wanted FROM conversation_history WHERE id = :wanted ORDER BY wanted, created_at DESC, id DESC";
        Map<Boolean, List<HistoryMessage>> byWanted = jdbi.withHandle(h -> bindRecent(h.createQuery(sql), q)
                .bind("wanted", id).map((rs, ctx) -> Map.entry(rs.getInt("wanted") == 1, map(rs))).stream()
                .collect(Collectors.partitioningBy(Map.Entry::getKey,
                        Collectors.mapping(Map.Entry::getValue, Collectors.toList()))));
        return new RecentAndRow(oldestFirst(byWanted.get(false)), byWanted.get(true).stream().findFirst());
    }

    private static String recentSql(RecentHistoryQuery q) {
        return "SELECT " + COLUMNS + " FROM conversation_history WHERE channel_id = :channel "
                + (q.scope() == RecentHistoryQuery.Scope.PERSONALITY ? "AND personality_id = :personality " : "")
                + "AND deleted_at IS NULL" + (q.lowerBoundExclusive().isPresent() ? " AND created_at > :lower" : "")
                + " ORDER BY created_at DESC, id DESC LIMIT :limit";
    }

    private static Query bindRecent(Query query, RecentHistoryQuery q) {
        query.bind("channel", q.channelId()).bind("limit", q.maxMessages());
        if (q.scope() == RecentHistoryQuery.Scope.PERSONALITY) {
            query.bind("personality", q.personalityId());
        }
        q.lowerBoundExclusive().ifPresent(l -> query.bind("lower", l));
        return query;
    }

    private static List<HistoryMessage> oldestFirst(List<HistoryMessage> newestFirst) {
        List<HistoryMessage> oldestFirst = new ArrayList<>(newestFirst);
        Collections.reverse(oldestFirst);
        return Collections.unmodifiableList(oldestFirst);
    }

    @Override
    public boolean setDiscordMessageIds(UUID id, List<String> discordMessageIds) {
        Objects.requireNonNull(id, "id");
        List<String> ids = List.copyOf(discordMessageIds);
        return jdbi.withHandle(h -> h.createUpdate("UPDATE conversation_history SET discord_message_id = :ids WHERE id = :id")
                .bind("id", id)
                .bindArray("ids", String.class, ids)
                .execute()) == 1;
    }

    @Override
    public boolean remove(UUID id) {
        Objects.requireNonNull(id, "id");
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM conversation_history WHERE id = :id")
                .bind("id", id).execute()) == 1;
    }

    @Override
    public boolean replace(UUID id, HistoryMessage m) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(m, "replacement");
        return jdbi.withHandle(h -> bindRow(h.createUpdate("UPDATE conversation_history SET id = :newId, channel_id = :channel_id,"
                        + " guild_id = :guild_id, personality_id = :personality_id, persona_id = :persona_id, role = :role,"
                        + " content = :content, token_count = :token_count, discord_message_id = :discord_message_id,"
                        + " message_metadata = :message_metadata, created_at = :created_at, edited_at = :edited_at,"
                        + " deleted_at = :deleted_at WHERE id = :id")
                .bind("id", id)
                .bind("newId", m.id())
                .bindByType("edited_at", m.editedAt(), Instant.class)
                .bindByType("deleted_at", m.deletedAt(), Instant.class), m)
                .execute()) == 1;
    }

    /** The columns an inserted or replacing row sets (its id aside). */
    private static Update bindRow(Update update, HistoryMessage m) {
        return update.bind("channel_id", m.channelId())
                .bind("guild_id", m.guildId())
                .bind("personality_id", m.personalityId())
                .bind("persona_id", m.personaId())
                .bind("role", m.role().dbValue())
                .bind("content", m.content())
                .bind("token_count", m.tokenCount())
                .bindArray("discord_message_id", String.class, m.discordMessageIds())
                .bind("message_metadata", new JsonText(m.metadataJson()))
                .bindByType("created_at", m.createdAt(), Instant.class);
    }

    @Override
    public boolean edit(UUID id, String content, Integer tokenCount, Instant editedAt) {
        Objects.requireNonNull(id, "id");
        Objects.requireNonNull(content, "content");
        Objects.requireNonNull(editedAt, "editedAt");
        return jdbi.withHandle(h -> h.createUpdate("UPDATE conversation_history SET content = :content, "
                        + "token_count = :tokens, edited_at = :at WHERE id = :id AND deleted_at IS NULL")
                .bind("id", id)
                .bind("content", content)
                .bind("tokens", tokenCount)
                .bind("at", editedAt)
                .execute()) == 1;
    }

    @Override
    public int softDeleteByDiscordMessageIds(Collection<String> discordMessageIds, Instant at) {
        Objects.requireNonNull(at, "at");
        List<String> ids = List.copyOf(discordMessageIds);
        if (ids.isEmpty()) {
            return 0;
        }
        return jdbi.inTransaction(h -> {
            int n = 0;
            for (String discordId : ids) {
                n += h.createUpdate("UPDATE conversation_history SET deleted_at = :at WHERE " + containsDiscordId
                                + " AND deleted_at IS NULL")
                        .bind("discordId", discordId)
                        .bind("at", at)
                        .execute();
            }
            return n;
        });
    }

    @Override
    public HistoryPurge purgeOlderThan(Instant cutoff, int batchSize, Instant now) {
        return purge(null, null, cutoff, batchSize, now);
    }

    @Override
    public HistoryPurge purgeOlderThan(String channelId, UUID personalityId, Instant cutoff, int batchSize,
                                       Instant now) {
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(personalityId, "personalityId");
        return purge(channelId, personalityId, cutoff, batchSize, now);
    }

    @Override
    public List<HistoryGroup> groups() {
        // served by the (channel_id, personality_id, created_at) index
        return jdbi.withHandle(h -> h.createQuery("SELECT channel_id, personality_id, MIN(created_at) AS oldest "
                        + "FROM conversation_history GROUP BY channel_id, personality_id ORDER BY channel_id, personality_id")
                .map((rs, ctx) -> new HistoryGroup(rs.getString("channel_id"), Sql.uuid(rs, "personality_id"),
                        Sql.instant(rs, "oldest")))
                .list());
    }

    /** Batches until a short one; {@code channelId} and {@code personalityId} null = every conversation. */
    private HistoryPurge purge(String channelId, UUID personalityId, Instant cutoff, int batchSize, Instant now) {
        Objects.requireNonNull(cutoff, "cutoff");
        Objects.requireNonNull(now, "now");
        if (batchSize < 1 || batchSize > MAX_BATCH) {
            throw new IllegalArgumentException("batchSize must be between 1 and " + MAX_BATCH + ", got " + batchSize);
        }
        int deleted = 0;
        int batches = 0;
        while (true) {
            int n = purgeBatch(channelId, personalityId, cutoff, batchSize, now);
            if (n == 0) {
                return new HistoryPurge(deleted, batches);
            }
            deleted += n;
            batches++;
            if (n < batchSize) {
                return new HistoryPurge(deleted, batches);
            }
        }
    }

    /** One batch: tombstones first, then the delete, in one transaction so no row vanishes without a trace. */
    private int purgeBatch(String channelId, UUID personalityId, Instant cutoff, int batchSize, Instant now) {
        String scope = channelId == null ? "" : "AND channel_id = :c AND personality_id = :p ";
        return jdbi.inTransaction(h -> {
            Query select = h.createQuery("SELECT id FROM conversation_history WHERE created_at < :cutoff " + scope
                            + "ORDER BY created_at, id LIMIT :limit")
                    .bind("cutoff", cutoff)
                    .bind("limit", batchSize);
            if (channelId != null) {
                select.bind("c", channelId).bind("p", personalityId);
            }
            List<UUID> ids = select.mapTo(UUID.class).list();
            if (ids.isEmpty()) {
                return 0;
            }
            h.createUpdate("INSERT INTO conversation_history_tombstones (id, channel_id, personality_id, persona_id, deleted_at) "
                            + "SELECT c.id, c.channel_id, c.personality_id, c.persona_id, :now FROM conversation_history c "
                            + "WHERE c.id IN (<ids>) AND NOT EXISTS "
                            + "(SELECT 1 FROM conversation_history_tombstones t WHERE t.id = c.id)")
                    .bindList("ids", ids)
                    .bind("now", now)
                    .execute();
            return h.createUpdate("DELETE FROM conversation_history WHERE id IN (<ids>)").bindList("ids", ids).execute();
        });
    }

    @Override
    public int purgeTombstonesOlderThan(Instant cutoff) {
        Objects.requireNonNull(cutoff, "cutoff");
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM conversation_history_tombstones WHERE deleted_at < :cutoff")
                .bind("cutoff", cutoff)
                .execute());
    }

    @Override
    public boolean isTombstoned(UUID id) {
        Objects.requireNonNull(id, "id");
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM conversation_history_tombstones WHERE id = :id")
                .bind("id", id)
                .mapTo(Integer.class)
                .one()) > 0;
    }

    private static HistoryMessage map(ResultSet rs) throws SQLException {
        return new HistoryMessage(
                Sql.uuid(rs, "id"),
                rs.getString("channel_id"),
                rs.getString("guild_id"),
                Sql.uuid(rs, "personality_id"),
                Sql.uuid(rs, "persona_id"),
                HistoryRole.fromDb(rs.getString("role")),
                rs.getString("content"),
                Sql.integer(rs, "token_count"),
                Sql.strings(rs, "discord_message_id"),
                rs.getString("message_metadata"),
                Sql.instant(rs, "created_at"),
                Sql.instant(rs, "edited_at"),
                Sql.instant(rs, "deleted_at"));
    }

    @Override
    public HistoryCounts count(String channelId, UUID personalityId, UUID personaId, Optional<Instant> after) {
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(personalityId, "personalityId");
        Objects.requireNonNull(personaId, "personaId");
        Objects.requireNonNull(after, "after");
        // the epoch hides messages at or before it; without one, every message counts as visible
        Instant epoch = after.orElse(Instant.EPOCH.minusSeconds(1));
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) AS total, "
                        + "COALESCE(SUM(CASE WHEN created_at > :after THEN 1 ELSE 0 END), 0) AS visible, "
                        + "MIN(created_at) AS oldest, MAX(created_at) AS newest FROM conversation_history "
                        + "WHERE channel_id = :c AND personality_id = :p AND persona_id = :persona AND deleted_at IS NULL")
                .bind("after", epoch)
                .bind("c", channelId)
                .bind("p", personalityId)
                .bind("persona", personaId)
                .map((rs, ctx) -> new HistoryCounts(rs.getLong("total"), rs.getLong("visible"),
                        Optional.ofNullable(Sql.instant(rs, "oldest")),
                        Optional.ofNullable(Sql.instant(rs, "newest"))))
                .one());
    }

    @Override
    public long countUserMessages(String channelId, UUID personalityId, UUID excluding) {
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(personalityId, "personalityId");
        Objects.requireNonNull(excluding, "excluding");
        return jdbi.withHandle(h -> h.createQuery("SELECT COUNT(*) FROM conversation_history WHERE channel_id = :c"
                        + " AND personality_id = :p AND role = 'user' AND deleted_at IS NULL AND id <> :x")
                .bind("c", channelId).bind("p", personalityId).bind("x", excluding).mapTo(Long.class).one());
    }

    @Override
    public int deleteOf(String channelId, UUID personalityId, UUID personaId, Instant now) {
        Objects.requireNonNull(channelId, "channelId");
        Objects.requireNonNull(personalityId, "personalityId");
        Objects.requireNonNull(personaId, "personaId");
        Objects.requireNonNull(now, "now");
        String where = "c.channel_id = :c AND c.personality_id = :p AND c.persona_id = :persona";
        // tombstones and delete in one transaction, as the retention purge does
        return jdbi.inTransaction(h -> {
            h.createUpdate("INSERT INTO conversation_history_tombstones (id, channel_id, personality_id, persona_id, deleted_at) "
                            + "SELECT c.id, c.channel_id, c.personality_id, c.persona_id, :now FROM conversation_history c "
                            + "WHERE " + where + " AND NOT EXISTS "
                            + "(SELECT 1 FROM conversation_history_tombstones t WHERE t.id = c.id)")
                    .bind("c", channelId).bind("p", personalityId).bind("persona", personaId).bind("now", now)
                    .execute();
            return h.createUpdate("DELETE FROM conversation_history WHERE channel_id = :c AND personality_id = :p "
                            + "AND persona_id = :persona")
                    .bind("c", channelId).bind("p", personalityId).bind("persona", personaId).execute();
        });
    }
}
