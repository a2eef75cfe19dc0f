package io.tzurot.storage.persona;

import static io.tzurot.storage.db.Sql.instant;
import static io.tzurot.storage.db.Sql.now;
import static io.tzurot.storage.db.Sql.uuid;

import io.tzurot.core.id.DeterministicIds;
import io.tzurot.core.persona.PersonaHistoryConfig;
import io.tzurot.core.persona.PersonaHistoryConfigRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** {@link PersonaHistoryConfigRepository} on JDBI. */
public final class JdbiPersonaHistoryConfigRepository implements PersonaHistoryConfigRepository {

    private static final RowMapper<PersonaHistoryConfig> MAPPER = (rs, ctx) -> new PersonaHistoryConfig(uuid(rs, "id"),
            uuid(rs, "user_id"), uuid(rs, "personality_id"), uuid(rs, "persona_id"), instant(rs, "last_context_reset"),
            instant(rs, "previous_context_reset"), rs.getBoolean("undo_available"));

    private final Jdbi jdbi;
    private final Clock clock;

    public JdbiPersonaHistoryConfigRepository(Jdbi jdbi, Clock clock) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<PersonaHistoryConfig> find(UUID userId, UUID personalityId, UUID personaId) {
        return jdbi.withHandle(h -> find(h, userId, personalityId, personaId));
    }

    @Override
    public PersonaHistoryConfig clearContext(UUID userId, UUID personalityId, UUID personaId) {
        Objects.requireNonNull(userId, "userId");
        Objects.requireNonNull(personalityId, "personalityId");
        Objects.requireNonNull(personaId, "personaId");
        return jdbi.inTransaction(h -> {
            Instant now = now(clock);
            h.createUpdate("MERGE INTO user_persona_history_configs t USING (SELECT 1 AS one) s"
                            + " ON (t.user_id = :user AND t.personality_id = :personality AND t.persona_id = :persona)"
                            + " WHEN MATCHED THEN UPDATE SET previous_context_reset = t.last_context_reset,"
                            + " last_context_reset = :now, undo_available = TRUE, updated_at = :now"
                            + " WHEN NOT MATCHED THEN INSERT (id, user_id, personality_id, persona_id, last_context_reset,"
                            + " undo_available, created_at, updated_at)"
                            + " VALUES (:id, :user, :personality, :persona, :now, TRUE, :now, :now)")
                    .bind("id", DeterministicIds.userPersonaHistoryConfig(userId, personalityId, personaId))
                    .bind("user", userId).bind("personality", personalityId).bind("persona", personaId)
                    .bind("now", now).execute();
            return find(h, userId, personalityId, personaId).orElseThrow();
        });
    }

    @Override
    public Optional<PersonaHistoryConfig> undoClear(UUID userId, UUID personalityId, UUID personaId) {
        return jdbi.inTransaction(h -> {
            int rows = h.createUpdate("UPDATE user_persona_history_configs SET last_context_reset = previous_context_reset,"
                            + " previous_context_reset = NULL, undo_available = FALSE, updated_at = :now"
                            + " WHERE user_id = :user AND personality_id = :personality AND persona_id = :persona"
                            + " AND undo_available = TRUE")
                    .bind("user", userId).bind("personality", personalityId).bind("persona", personaId)
                    .bind("now", now(clock)).execute();
            return rows == 0 ? Optional.<PersonaHistoryConfig>empty() : find(h, userId, personalityId, personaId);
        });
    }

    private static Optional<PersonaHistoryConfig> find(Handle h, UUID userId, UUID personalityId, UUID personaId) {
        return h.createQuery("SELECT * FROM user_persona_history_configs"
                        + " WHERE user_id = :user AND personality_id = :personality AND persona_id = :persona")
                .bind("user", userId).bind("personality", personalityId).bind("persona", personaId)
                .map(MAPPER).findOne();
    }
}
