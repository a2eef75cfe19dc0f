package io.tzurot.storage.settings;

import static io.tzurot.storage.db.Sql.instant;
import static io.tzurot.storage.db.Sql.now;
import static io.tzurot.storage.db.Sql.uuid;

import io.tzurot.core.id.DeterministicIds;
import io.tzurot.core.settings.ConfigOverrides;
import io.tzurot.core.settings.UserPersonalityConfig;
import io.tzurot.core.settings.UserPersonalityConfigRepository;
import io.tzurot.storage.db.JsonText;
import io.tzurot.storage.db.Sql;
import java.time.Clock;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Consumer;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;
import org.jdbi.v3.core.statement.Update;

/**
 * {@link UserPersonalityConfigRepository} on JDBI. Each setter is one MERGE on its own column, so the
 * three overrides never disturb each other (fixes the reference's B.4).
 */
public final class JdbiUserPersonalityConfigRepository implements UserPersonalityConfigRepository {

    private static final RowMapper<UserPersonalityConfig> MAPPER = (rs, ctx) -> {
        UUID id = uuid(rs, "id");
        return new UserPersonalityConfig(id, uuid(rs, "user_id"), uuid(rs, "personality_id"), uuid(rs, "persona_id"),
                uuid(rs, "llm_config_id"),
                ConfigOverridesJson.read(rs.getString("config_overrides"), "user_personality_configs " + id),
                instant(rs, "created_at"), instant(rs, "updated_at"));
    };

    private final Jdbi jdbi;
    private final Clock clock;

    public JdbiUserPersonalityConfigRepository(Jdbi jdbi, Clock clock) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<UserPersonalityConfig> find(UUID userId, UUID personalityId) {
        return jdbi.withHandle(h -> find(h, userId, personalityId));
    }

    @Override
    public List<UserPersonalityConfig> listByUser(UUID userId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM user_personality_configs WHERE user_id = :user ORDER BY created_at, id")
                .bind("user", userId).map(MAPPER).list());
    }

    @Override
    public UserPersonalityConfig setPersonaOverride(UUID userId, UUID personalityId, UUID personaId) {
        return jdbi.inTransaction(h -> {
            if (personaId != null) {
                boolean owned = h.createQuery("SELECT COUNT(*) FROM personas WHERE id = :persona AND owner_id = :user")
                        .bind("persona", personaId).bind("user", userId).mapTo(Integer.class).one() > 0;
                if (!owned) {
                    throw new IllegalArgumentException("persona " + personaId + " does not belong to user " + userId);
                }
            }
            return upsert(h, userId, personalityId, "persona_id", u -> u.bind("value", Sql.nullableUuid(personaId)));
        });
    }

    @Override
    public UserPersonalityConfig setPresetOverride(UUID userId, UUID personalityId, UUID presetId) {
        return jdbi.inTransaction(h -> {
            if (presetId != null) {
                boolean selectable = h.createQuery(
                                "SELECT COUNT(*) FROM llm_configs WHERE id = :preset AND (is_global = TRUE OR owner_id = :user)")
                        .bind("preset", presetId).bind("user", userId).mapTo(Integer.class).one() > 0;
                if (!selectable) {
                    throw new IllegalArgumentException("preset " + presetId + " is neither global nor owned by user " + userId);
                }
            }
            return upsert(h, userId, personalityId, "llm_config_id", u -> u.bind("value", Sql.nullableUuid(presetId)));
        });
    }

    @Override
    public UserPersonalityConfig setConfigOverrides(UUID userId, UUID personalityId, ConfigOverrides overrides) {
        Objects.requireNonNull(overrides, "overrides");
        return jdbi.inTransaction(h -> upsert(h, userId, personalityId, "config_overrides",
                u -> u.bindByType("value", ConfigOverridesJson.write(overrides), JsonText.class)));
    }

    private UserPersonalityConfig upsert(Handle h, UUID userId, UUID personalityId, String column, Consumer<Update> bindValue) {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(personalityId, "personalityId");
        // column is one of three constants above, never user input
        Update update = h.createUpdate("MERGE INTO user_personality_configs t USING (SELECT 1 AS one) s"
                        + " ON (t.user_id = :user AND t.personality_id = :personality)"
                        + " WHEN MATCHED THEN UPDATE SET " + column + " = :value, updated_at = :now"
                        + " WHEN NOT MATCHED THEN INSERT (id, user_id, personality_id, " + column + ", created_at, updated_at)"
                        + " VALUES (:id, :user, :personality, :value, :now, :now)")
                .bind("id", DeterministicIds.userPersonalityConfig(userId, personalityId))
                .bind("user", userId)
                .bind("personality", personalityId)
                .bind("now", now(clock));
        bindValue.accept(update);
        update.execute();
        return find(h, userId, personalityId).orElseThrow();
    }

    private static Optional<UserPersonalityConfig> find(Handle h, UUID userId, UUID personalityId) {
        return h.createQuery("SELECT * FROM user_personality_configs WHERE user_id = :user AND personality_id = :personality")
                .bind("user", userId).bind("personality", personalityId).map(MAPPER).findOne();
    }
}
