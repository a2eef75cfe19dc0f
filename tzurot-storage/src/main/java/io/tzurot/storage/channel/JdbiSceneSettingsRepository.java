package io.tzurot.storage.channel;

import static io.tzurot.storage.db.Sql.now;

import io.tzurot.core.channel.SceneLimits;
import io.tzurot.core.channel.SceneSettingsRepository;
import io.tzurot.storage.db.Sql;
import java.time.Clock;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** {@link SceneSettingsRepository} on JDBI: one {@code scene_limits} row and {@code personality_talkativeness} rows. */
public final class JdbiSceneSettingsRepository implements SceneSettingsRepository {

    /** The fixed id of the one limits row. */
    static final UUID LIMITS_ID = UUID.fromString("550e8400-e29b-41d4-a716-446655440110");

    private final Jdbi jdbi;
    private final Clock clock;

    public JdbiSceneSettingsRepository(Jdbi jdbi, Clock clock) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public SceneLimits limits() {
        return jdbi.withHandle(h -> h.createQuery("SELECT max_characters, max_replies, max_chain FROM scene_limits"
                        + " WHERE id = :id").bind("id", LIMITS_ID)
                .map((rs, ctx) -> new SceneLimits(rs.getInt("max_characters"), rs.getInt("max_replies"),
                        rs.getInt("max_chain")))
                .findOne().orElse(SceneLimits.DEFAULTS));
    }

    @Override
    public SceneLimits setLimits(SceneLimits limits, UUID changedBy) {
        Objects.requireNonNull(limits, "limits");
        jdbi.useTransaction(h -> h.createUpdate("MERGE INTO scene_limits t USING (SELECT 1 AS one) s ON (t.id = :id)"
                        + " WHEN MATCHED THEN UPDATE SET max_characters = :n, max_replies = :k, max_chain = :m,"
                        + " updated_by = :by, updated_at = :now"
                        + " WHEN NOT MATCHED THEN INSERT (id, max_characters, max_replies, max_chain, updated_by,"
                        + " updated_at) VALUES (:id, :n, :k, :m, :by, :now)")
                .bind("id", LIMITS_ID).bind("n", limits.maxCharacters()).bind("k", limits.maxReplies())
                .bind("m", limits.maxChain())
                .bind("by", Sql.nullableUuid(changedBy)).bind("now", now(clock))
                .execute());
        return limits();
    }

    @Override
    public Map<UUID, Integer> talkativeness(Collection<UUID> personalityIds) {
        Map<UUID, Integer> out = new HashMap<>();
        personalityIds.forEach(id -> out.put(id, DEFAULT_TALKATIVENESS));
        if (personalityIds.isEmpty()) {
            return out;
        }
        jdbi.useHandle(h -> h.createQuery("SELECT personality_id, weight FROM personality_talkativeness"
                        + " WHERE personality_id IN (<ids>)").bindList("ids", List.copyOf(personalityIds))
                .map((rs, ctx) -> Map.entry(Sql.uuid(rs, "personality_id"), rs.getInt("weight")))
                .forEach(e -> out.put(e.getKey(), e.getValue())));
        return out;
    }

    @Override
    public void setTalkativeness(UUID personalityId, int weight) {
        Objects.requireNonNull(personalityId, "personalityId");
        if (weight < 0 || weight > 100) {
            throw new IllegalArgumentException("talkativeness must be from 0 to 100, got " + weight);
        }
        jdbi.useTransaction(h -> h.createUpdate("MERGE INTO personality_talkativeness t USING (SELECT 1 AS one) s"
                        + " ON (t.personality_id = :id) WHEN MATCHED THEN UPDATE SET weight = :w"
                        + " WHEN NOT MATCHED THEN INSERT (personality_id, weight) VALUES (:id, :w)")
                .bind("id", personalityId).bind("w", weight).execute());
    }
}
