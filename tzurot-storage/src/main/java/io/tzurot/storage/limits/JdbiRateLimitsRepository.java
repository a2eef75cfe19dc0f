package io.tzurot.storage.limits;

import static io.tzurot.storage.db.Sql.now;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.tzurot.core.failure.DomainException;
import io.tzurot.core.limits.RateLimits;
import io.tzurot.core.limits.RateLimitsRepository;
import io.tzurot.core.settings.AdminSettings;
import io.tzurot.core.settings.AdminSettingsRepository;
import io.tzurot.storage.db.JsonText;
import io.tzurot.storage.db.Sql;
import java.time.Clock;
import java.util.Map;
import java.util.Objects;
import java.util.UUID;
import org.jdbi.v3.core.Jdbi;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** {@link RateLimitsRepository} on JDBI: the {@code rate_limits} document of the admin settings row. */
public final class JdbiRateLimitsRepository implements RateLimitsRepository {

    private static final Logger LOG = LoggerFactory.getLogger(JdbiRateLimitsRepository.class);
    private static final ObjectMapper MAPPER = new ObjectMapper();

    private final Jdbi jdbi;
    private final AdminSettingsRepository admin;
    private final Clock clock;

    public JdbiRateLimitsRepository(Jdbi jdbi, AdminSettingsRepository admin, Clock clock) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.admin = Objects.requireNonNull(admin, "admin");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public RateLimits get() {
        String json = jdbi.withHandle(h -> h.createQuery("SELECT rate_limits FROM admin_settings WHERE id = :id")
                .bind("id", AdminSettings.SINGLETON_ID).mapTo(String.class).findOne()).orElse(null);
        if (json == null) {
            return RateLimits.DEFAULTS;
        }
        try {
            return RateLimits.DEFAULTS.patched(MAPPER.readValue(json, new TypeReference<Map<String, Object>>() { }));
        } catch (JsonProcessingException | DomainException e) {
            // a document edited by hand into nonsense must not stop replies: the defaults hold until it is fixed
            LOG.warn("admin_settings.rate_limits is not valid ({}); using the defaults", e.getMessage());
            return RateLimits.DEFAULTS;
        }
    }

    @Override
    public void set(RateLimits limits, UUID updatedBy) {
        Objects.requireNonNull(limits, "limits");
        admin.get();
        String json;
        try {
            json = MAPPER.writeValueAsString(limits.toEntries());
        } catch (JsonProcessingException e) {
            throw new IllegalStateException("rate limits could not be written as JSON", e);
        }
        jdbi.useHandle(h -> h.createUpdate("UPDATE admin_settings SET rate_limits = :json, updated_by = :by, updated_at = :now WHERE id = :id")
                .bindByType("json", new JsonText(json), JsonText.class)
                .bind("by", Sql.nullableUuid(updatedBy))
                .bind("now", now(clock))
                .bind("id", AdminSettings.SINGLETON_ID)
                .execute());
    }
}
