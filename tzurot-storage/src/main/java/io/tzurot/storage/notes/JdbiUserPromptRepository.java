package io.tzurot.storage.notes;

import io.tzurot.core.notes.UserPrompt;
import io.tzurot.core.notes.UserPromptRepository;
import io.tzurot.storage.db.Sql;
import java.sql.ResultSet;
import java.sql.SQLException;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;

/** {@link UserPromptRepository} over JDBI: one row per user and character (or all), keyed by {@link UserPrompt#key()}. */
public final class JdbiUserPromptRepository implements UserPromptRepository {

    private static final String COLUMNS = "user_id, personality_id, content, updated_at";

    private final Jdbi jdbi;

    public JdbiUserPromptRepository(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    @Override
    public Optional<UserPrompt> find(UUID userId, Optional<UUID> personalityId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM user_prompts WHERE scope_key = :k")
                .bind("k", key(userId, personalityId)).map((rs, ctx) -> row(rs)).findOne());
    }

    @Override
    public void save(UserPrompt prompt) {
        var at = prompt.updatedAt().truncatedTo(ChronoUnit.MILLIS);
        jdbi.useTransaction(h -> {
            int updated = h.createUpdate("UPDATE user_prompts SET content = :content, updated_at = :at WHERE scope_key = :k")
                    .bind("content", prompt.content()).bind("at", at).bind("k", prompt.key()).execute();
            if (updated == 0) {
                h.createUpdate("INSERT INTO user_prompts (scope_key, user_id, personality_id, content, created_at,"
                                + " updated_at) VALUES (:k, :u, :p, :content, :at, :at)")
                        .bind("k", prompt.key()).bind("u", prompt.userId())
                        .bind("p", Sql.nullableUuid(prompt.personalityId().orElse(null)))
                        .bind("content", prompt.content()).bind("at", at).execute();
            }
        });
    }

    @Override
    public boolean delete(UUID userId, Optional<UUID> personalityId) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM user_prompts WHERE scope_key = :k")
                .bind("k", key(userId, personalityId)).execute()) > 0;
    }

    @Override
    public List<UserPrompt> forReply(UUID userId, UUID personalityId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM user_prompts WHERE scope_key IN (:all, :one)")
                .bind("all", key(userId, Optional.empty())).bind("one", key(userId, Optional.of(personalityId)))
                .map((rs, ctx) -> row(rs)).list());
    }

    @Override
    public List<UserPrompt> ofUser(UUID userId) {
        // the all-characters row first (its personality_id is NULL), then by character
        return jdbi.withHandle(h -> h.createQuery("SELECT " + COLUMNS + " FROM user_prompts WHERE user_id = :u"
                        + " ORDER BY CASE WHEN personality_id IS NULL THEN 0 ELSE 1 END, scope_key")
                .bind("u", userId).map((rs, ctx) -> row(rs)).list());
    }

    private static String key(UUID userId, Optional<UUID> personalityId) {
        return new UserPrompt(userId, personalityId, "", java.time.Instant.EPOCH).key();
    }

    private static UserPrompt row(ResultSet rs) throws SQLException {
        return new UserPrompt(Sql.uuid(rs, "user_id"), Optional.ofNullable(Sql.uuid(rs, "personality_id")),
                rs.getString("content"), Sql.instant(rs, "updated_at"));
    }
}
