package io.tzurot.storage.settings;

import static io.tzurot.storage.db.Sql.instant;
import static io.tzurot.storage.db.Sql.now;
import static io.tzurot.storage.db.Sql.uuid;

import io.tzurot.core.settings.AdminSettings;
import io.tzurot.core.settings.AdminSettingsRepository;
import io.tzurot.core.settings.ConfigOverrides;
import io.tzurot.storage.db.JsonText;
import io.tzurot.storage.db.Sql;
import java.time.Clock;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;

/** {@link AdminSettingsRepository} on JDBI: the row with the fixed id, created on first read. */
public final class JdbiAdminSettingsRepository implements AdminSettingsRepository {

    private final Jdbi jdbi;
    private final Clock clock;

    public JdbiAdminSettingsRepository(Jdbi jdbi, Clock clock) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public AdminSettings get() {
        Optional<AdminSettings> existing = jdbi.withHandle(this::find);
        if (existing.isPresent()) {
            return existing.get();
        }
        try {
            jdbi.useHandle(h -> h.createUpdate("INSERT INTO admin_settings (id, created_at, updated_at) VALUES (:id, :now, :now)")
                    .bind("id", AdminSettings.SINGLETON_ID).bind("now", now(clock)).execute());
        } catch (RuntimeException e) {
            if (!Sql.isUniqueViolation(e)) {
                throw e;
            }
            // another process created it first; read theirs
        }
        return jdbi.withHandle(this::find).orElseThrow();
    }

    @Override
    public AdminSettings setConfigDefaults(ConfigOverrides configDefaults, UUID updatedBy) {
        Objects.requireNonNull(configDefaults, "configDefaults");
        get();
        jdbi.useHandle(h -> h.createUpdate("UPDATE admin_settings SET config_defaults = :json, updated_by = :by, updated_at = :now WHERE id = :id")
                .bindByType("json", ConfigOverridesJson.write(configDefaults), JsonText.class)
                .bind("by", Sql.nullableUuid(updatedBy))
                .bind("now", now(clock))
                .bind("id", AdminSettings.SINGLETON_ID)
                .execute());
        return get();
    }

    private Optional<AdminSettings> find(Handle h) {
        return h.createQuery("SELECT * FROM admin_settings WHERE id = :id")
                .bind("id", AdminSettings.SINGLETON_ID)
                .map((rs, ctx) -> new AdminSettings(uuid(rs, "id"), uuid(rs, "updated_by"),
                        ConfigOverridesJson.read(rs.getString("config_defaults"), "admin_settings"),
                        instant(rs, "created_at"), instant(rs, "updated_at")))
                .findOne();
    }
}
