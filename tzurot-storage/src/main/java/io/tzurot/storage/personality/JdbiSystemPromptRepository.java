package io.tzurot.storage.personality;

import static io.tzurot.storage.db.Sql.instant;
import static io.tzurot.storage.db.Sql.now;
import static io.tzurot.storage.db.Sql.uuid;

import io.tzurot.core.id.DeterministicIds;
import io.tzurot.core.personality.SystemPrompt;
import io.tzurot.core.personality.SystemPromptRepository;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** {@link SystemPromptRepository} on JDBI; "one default" is kept by demoting the others in the same transaction. */
public final class JdbiSystemPromptRepository implements SystemPromptRepository {

    private static final RowMapper<SystemPrompt> MAPPER = (rs, ctx) -> new SystemPrompt(uuid(rs, "id"), rs.getString("name"),
            rs.getString("description"), rs.getString("content"), rs.getBoolean("is_default"), instant(rs, "created_at"),
            instant(rs, "updated_at"));

    private final Jdbi jdbi;
    private final Clock clock;

    public JdbiSystemPromptRepository(Jdbi jdbi, Clock clock) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public SystemPrompt save(String name, String description, String content, boolean isDefault) {
        if (name == null || name.isBlank() || name.trim().length() > 255) {
            throw new IllegalArgumentException("system prompt name must be 1-255 characters");
        }
        if (content == null || content.isBlank()) {
            throw new IllegalArgumentException("system prompt content must not be empty");
        }
        String trimmedName = name.trim();
        UUID id = DeterministicIds.systemPrompt(trimmedName);
        return jdbi.inTransaction(h -> {
            Instant now = now(clock);
            if (isDefault) {
                h.createUpdate("UPDATE system_prompts SET is_default = FALSE, updated_at = :now WHERE is_default = TRUE AND id <> :id")
                        .bind("now", now).bind("id", id).execute();
            }
            h.createUpdate("MERGE INTO system_prompts t USING (SELECT 1 AS one) s ON (t.id = :id)"
                            + " WHEN MATCHED THEN UPDATE SET name = :name, description = :description, content = :content,"
                            + " is_default = :isDefault, updated_at = :now"
                            + " WHEN NOT MATCHED THEN INSERT (id, name, description, content, is_default, created_at, updated_at)"
                            + " VALUES (:id, :name, :description, :content, :isDefault, :now, :now)")
                    .bind("id", id).bind("name", trimmedName)
                    .bind("description", description == null || description.isBlank() ? null : description.trim())
                    .bind("content", content).bind("isDefault", isDefault).bind("now", now).execute();
            return find(h, id).orElseThrow();
        });
    }

    @Override
    public Optional<SystemPrompt> findById(UUID id) {
        return jdbi.withHandle(h -> find(h, id));
    }

    @Override
    public Optional<SystemPrompt> findDefault() {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM system_prompts WHERE is_default = TRUE ORDER BY created_at, id")
                .map(MAPPER).findFirst());
    }

    private static Optional<SystemPrompt> find(Handle h, UUID id) {
        return h.createQuery("SELECT * FROM system_prompts WHERE id = :id").bind("id", id).map(MAPPER).findOne();
    }
}
