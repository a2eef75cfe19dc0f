package io.tzurot.storage.portability;

import io.tzurot.core.userdata.ErasureCounts;
import io.tzurot.core.userdata.UserErasure;
import io.tzurot.storage.db.Database;
import io.tzurot.storage.memory.MemoryVersions;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/**
 * {@link UserErasure} in one transaction. Most rows go by the schema's {@code ON DELETE CASCADE} from
 * {@code users} (personas → memories and their vectors, history, pending memories; presets; characters →
 * everything hanging on them; keys, credentials, tokens, sessions, jobs, web channels); this class removes
 * first what carries the user's ids without a foreign key: diagnostic records (by Discord id or of the user's
 * characters), history tombstones, and the system prompts only the user's characters used. Other users whose
 * memories went with the user's characters get their memory counter bumped, so every process drops its cached
 * vectors. Moderation entries ({@code denylisted_entities}) stay: they are the operator's record, not the user's data.
 */
public final class JdbiUserErasure implements UserErasure {

    private final Jdbi jdbi;

    public JdbiUserErasure(Database database) {
        this.jdbi = database.jdbi();
    }

    @Override
    public ErasureCounts count(UUID userId) {
        Objects.requireNonNull(userId, "userId");
        return jdbi.withHandle(h -> counts(h, userId));
    }

    @Override
    public ErasureCounts erase(UUID userId) {
        Objects.requireNonNull(userId, "userId");
        return jdbi.inTransaction(h -> {
            Optional<String> discordId = h.createQuery("SELECT discord_id FROM users WHERE id = :u").bind("u", userId)
                    .mapTo(String.class).findOne();
            if (discordId.isEmpty()) {
                return new ErasureCounts(0, 0, 0, 0, 0, 0, 0);
            }
            ErasureCounts counts = counts(h, userId);
            List<UUID> personas = ids(h, "SELECT id FROM personas WHERE owner_id = :u", userId);
            List<UUID> owned = ids(h, "SELECT id FROM personalities WHERE owner_id = :u", userId);
            List<UUID> prompts = ids(h, "SELECT DISTINCT system_prompt_id FROM personalities WHERE owner_id = :u "
                    + "AND system_prompt_id IS NOT NULL", userId);
            List<UUID> othersWithMemories = owned.isEmpty() ? List.of()
                    : h.createQuery("SELECT DISTINCT m.persona_id FROM memories m JOIN personas p ON p.id = m.persona_id "
                                    + "WHERE m.personality_id IN (<owned>) AND p.owner_id <> :u")
                            .bindList("owned", owned).bind("u", userId).mapTo(UUID.class).list();

            h.createUpdate("DELETE FROM llm_diagnostic_logs WHERE user_id = :d").bind("d", discordId.get()).execute();
            if (!owned.isEmpty()) {
                h.createUpdate("DELETE FROM llm_diagnostic_logs WHERE personality_id IN (<owned>)")
                        .bindList("owned", owned).execute();
                h.createUpdate("DELETE FROM conversation_history_tombstones WHERE personality_id IN (<owned>)")
                        .bindList("owned", owned).execute();
            }
            if (!personas.isEmpty()) {
                h.createUpdate("DELETE FROM conversation_history_tombstones WHERE persona_id IN (<personas>)")
                        .bindList("personas", personas).execute();
            }
            h.createUpdate("DELETE FROM users WHERE id = :u").bind("u", userId).execute();
            if (!prompts.isEmpty()) {
                h.createUpdate("DELETE FROM system_prompts WHERE id IN (<prompts>) AND is_default = FALSE "
                                + "AND NOT EXISTS (SELECT 1 FROM personalities WHERE system_prompt_id = system_prompts.id)")
                        .bindList("prompts", prompts).execute();
            }
            othersWithMemories.forEach(persona -> MemoryVersions.bump(h, persona));
            return counts;
        });
    }

    private static ErasureCounts counts(Handle h, UUID u) {
        return new ErasureCounts(
                count(h, "SELECT COUNT(*) FROM personas WHERE owner_id = :u", u),
                count(h, "SELECT COUNT(*) FROM llm_configs WHERE owner_id = :u", u),
                count(h, "SELECT COUNT(*) FROM personalities WHERE owner_id = :u", u),
                count(h, "SELECT COUNT(*) FROM memories m JOIN personas p ON p.id = m.persona_id WHERE p.owner_id = :u", u),
                count(h, "SELECT COUNT(*) FROM conversation_history c JOIN personas p ON p.id = c.persona_id "
                        + "WHERE p.owner_id = :u", u),
                count(h, "SELECT COUNT(*) FROM conversation_history c JOIN personas p ON p.id = c.persona_id "
                        + "JOIN personalities x ON x.id = c.personality_id WHERE x.owner_id = :u AND p.owner_id <> :u", u),
                count(h, "SELECT COUNT(*) FROM memories m JOIN personalities x ON x.id = m.personality_id "
                        + "LEFT JOIN personas p ON p.id = m.persona_id WHERE x.owner_id = :u "
                        + "AND (p.owner_id IS NULL OR p.owner_id <> :u)", u));
    }

    private static int count(Handle h, String sql, UUID u) {
        return h.createQuery(sql).bind("u", u).mapTo(Integer.class).one();
    }

    private static List<UUID> ids(Handle h, String sql, UUID u) {
        return h.createQuery(sql).bind("u", u).mapTo(UUID.class).list();
    }
}
