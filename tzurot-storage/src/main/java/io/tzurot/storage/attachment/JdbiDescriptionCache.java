package io.tzurot.storage.attachment;

import io.tzurot.core.attachment.CachedDescription;
import io.tzurot.core.attachment.DescriptionCache;
import io.tzurot.core.id.DeterministicIds;
import io.tzurot.storage.db.Database;
import io.tzurot.storage.db.Sql;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Jdbi;

/** {@link DescriptionCache} in the {@code image_description_cache} table, on H2 and PostgreSQL. */
public final class JdbiDescriptionCache implements DescriptionCache {

    private final Jdbi jdbi;
    private final String upsertSql;

    public JdbiDescriptionCache(Database database) {
        this.jdbi = database.jdbi();
        this.upsertSql = Sql.upsert(database.dialect(), "image_description_cache", "attachment_id", "VARCHAR(128)",
                List.of("id", "attachment_id", "description", "model", "failure_category", "created_at=:at", "updated_at=:at"),
                List.of("description", "model", "failure_category", "updated_at"));
    }

    @Override
    public Optional<CachedDescription> find(String key) {
        DescriptionCache.checkKey(key);
        return jdbi.withHandle(h -> h.createQuery("SELECT description, model, failure_category FROM image_description_cache "
                        + "WHERE attachment_id = :key")
                .bind("key", key)
                .map((rs, ctx) -> {
                    String failure = rs.getString("failure_category");
                    return failure != null ? (CachedDescription) new CachedDescription.Failed(failure)
                            : new CachedDescription.Described(rs.getString("description"), rs.getString("model"));
                })
                .findOne());
    }

    @Override
    public void put(String key, CachedDescription value, Instant at) {
        DescriptionCache.checkKey(key);
        Objects.requireNonNull(value, "value");
        Objects.requireNonNull(at, "at");
        String description = value instanceof CachedDescription.Described d ? d.text() : null;
        String model = value instanceof CachedDescription.Described d ? d.model() : null;
        String failure = value instanceof CachedDescription.Failed f ? f.category() : null;
        jdbi.useHandle(h -> h.createUpdate(upsertSql)
                .bind("id", DeterministicIds.imageDescriptionCache(key))
                .bind("attachment_id", key)
                .bind("description", description)
                .bind("model", model)
                .bind("failure_category", failure)
                .bind("at", at)
                .execute());
    }

    @Override
    public boolean remove(String key) {
        DescriptionCache.checkKey(key);
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM image_description_cache WHERE attachment_id = :key")
                .bind("key", key)
                .execute()) == 1;
    }
}
