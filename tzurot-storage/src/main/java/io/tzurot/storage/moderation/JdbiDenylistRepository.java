package io.tzurot.storage.moderation;

import static io.tzurot.storage.db.Sql.instant;
import static io.tzurot.storage.db.Sql.uuid;

import io.tzurot.core.moderation.DenylistEntry;
import io.tzurot.core.moderation.DenylistMode;
import io.tzurot.core.moderation.DenylistRepository;
import io.tzurot.core.moderation.DenylistScope;
import io.tzurot.core.moderation.DenylistType;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Objects;
import java.util.Optional;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.mapper.RowMapper;

/** {@link DenylistRepository} on JDBI. Every "active" query excludes entries whose {@code expires_at} has passed. */
public final class JdbiDenylistRepository implements DenylistRepository {

    private static final String ACTIVE = "(expires_at IS NULL OR expires_at > :now)";

    private static final RowMapper<DenylistEntry> MAPPER = (rs, ctx) -> new DenylistEntry(uuid(rs, "id"),
            DenylistType.valueOf(rs.getString("type")), rs.getString("discord_id"),
            DenylistScope.valueOf(rs.getString("scope")), rs.getString("scope_id"),
            DenylistMode.valueOf(rs.getString("mode")), rs.getString("reason"), rs.getString("added_by"),
            instant(rs, "added_at"), instant(rs, "expires_at"));

    private final Jdbi jdbi;

    public JdbiDenylistRepository(Jdbi jdbi) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
    }

    @Override
    public DenylistEntry add(DenylistEntry entry) {
        Objects.requireNonNull(entry, "entry");
        return jdbi.inTransaction(h -> {
            h.createUpdate("MERGE INTO denylisted_entities t USING (SELECT 1 AS one) s"
                            + " ON (t.type = :type AND t.discord_id = :discordId AND t.scope = :scope AND t.scope_id = :scopeId)"
                            + " WHEN MATCHED THEN UPDATE SET mode = :mode, reason = :reason, added_by = :addedBy,"
                            + " added_at = :addedAt, expires_at = :expiresAt"
                            + " WHEN NOT MATCHED THEN INSERT (id, type, discord_id, scope, scope_id, mode, reason, added_by,"
                            + " added_at, expires_at) VALUES (:id, :type, :discordId, :scope, :scopeId, :mode, :reason, :addedBy,"
                            + " :addedAt, :expiresAt)")
                    .bind("id", entry.id()).bind("type", entry.type().name()).bind("discordId", entry.discordId())
                    .bind("scope", entry.scope().name()).bind("scopeId", entry.scopeId()).bind("mode", entry.mode().name())
                    .bind("reason", entry.reason()).bind("addedBy", entry.addedBy())
                    .bind("addedAt", entry.addedAt().truncatedTo(ChronoUnit.MILLIS))
                    .bindByType("expiresAt", entry.expiresAt() == null ? null
                            : entry.expiresAt().truncatedTo(ChronoUnit.MILLIS), Instant.class)
                    .execute();
            return find(h, entry.type(), entry.discordId(), entry.scope(), entry.scopeId()).orElseThrow();
        });
    }

    @Override
    public boolean remove(DenylistType type, String discordId, DenylistScope scope, String scopeId) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM denylisted_entities"
                        + " WHERE type = :type AND discord_id = :discordId AND scope = :scope AND scope_id = :scopeId")
                .bind("type", type.name()).bind("discordId", discordId).bind("scope", scope.name())
                .bind("scopeId", scopeIdOrAny(scopeId)).execute()) > 0;
    }

    @Override
    public Optional<DenylistEntry> find(DenylistType type, String discordId, DenylistScope scope, String scopeId) {
        return jdbi.withHandle(h -> find(h, type, discordId, scope, scopeIdOrAny(scopeId)));
    }

    @Override
    public List<DenylistEntry> findActive(DenylistType type, String discordId, Instant now) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM denylisted_entities WHERE type = :type AND discord_id = :discordId"
                        + " AND " + ACTIVE + " ORDER BY added_at DESC, id")
                .bind("type", type.name()).bind("discordId", discordId).bind("now", now).map(MAPPER).list());
    }

    @Override
    public List<DenylistEntry> listActive(Instant now) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM denylisted_entities WHERE " + ACTIVE + " ORDER BY added_at DESC, id")
                .bind("now", now).map(MAPPER).list());
    }

    @Override
    public int deleteExpired(Instant now) {
        return jdbi.withHandle(h -> h.createUpdate("DELETE FROM denylisted_entities WHERE expires_at IS NOT NULL AND expires_at <= :now")
                .bind("now", now).execute());
    }

    private static Optional<DenylistEntry> find(Handle h, DenylistType type, String discordId, DenylistScope scope, String scopeId) {
        return h.createQuery("SELECT * FROM denylisted_entities"
                        + " WHERE type = :type AND discord_id = :discordId AND scope = :scope AND scope_id = :scopeId")
                .bind("type", type.name()).bind("discordId", discordId).bind("scope", scope.name()).bind("scopeId", scopeId)
                .map(MAPPER).findOne();
    }

    private static String scopeIdOrAny(String scopeId) {
        return scopeId == null || scopeId.isBlank() ? DenylistEntry.ANY_SCOPE : scopeId.trim();
    }
}
