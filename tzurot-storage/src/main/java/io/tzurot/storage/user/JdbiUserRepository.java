package io.tzurot.storage.user;

import static io.tzurot.storage.db.Sql.instant;
import static io.tzurot.storage.db.Sql.now;
import static io.tzurot.storage.db.Sql.uuid;

import io.tzurot.core.id.DeterministicIds;
import io.tzurot.core.settings.ConfigOverrides;
import io.tzurot.core.user.DiscordUserProfile;
import io.tzurot.core.user.Timezones;
import io.tzurot.core.user.User;
import io.tzurot.core.user.UserRepository;
import io.tzurot.storage.db.JsonText;
import io.tzurot.storage.db.Sql;
import io.tzurot.storage.settings.ConfigOverridesJson;
import java.time.Clock;
import java.time.Instant;
import java.util.Objects;
import java.util.Optional;
import java.util.UUID;
import org.jdbi.v3.core.Handle;
import org.jdbi.v3.core.Jdbi;
import org.jdbi.v3.core.argument.Argument;
import org.jdbi.v3.core.mapper.RowMapper;

/** {@link UserRepository} on JDBI. */
public final class JdbiUserRepository implements UserRepository {

    private static final int MAX_CONTENT = 4000;
    private static final int CREATE_ATTEMPTS = 3;

    private static final RowMapper<User> MAPPER = (rs, ctx) -> new User(uuid(rs, "id"), rs.getString("discord_id"),
            rs.getString("username"), rs.getString("timezone"), rs.getBoolean("is_superuser"),
            rs.getBoolean("nsfw_verified"), instant(rs, "nsfw_verified_at"), uuid(rs, "default_llm_config_id"),
            uuid(rs, "default_persona_id"), instant(rs, "created_at"), instant(rs, "updated_at"));

    private final Jdbi jdbi;
    private final Clock clock;

    public JdbiUserRepository(Jdbi jdbi, Clock clock) {
        this.jdbi = Objects.requireNonNull(jdbi, "jdbi");
        this.clock = Objects.requireNonNull(clock, "clock");
    }

    @Override
    public Optional<User> findById(UUID id) {
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM users WHERE id = :id").bind("id", id).map(MAPPER).findOne());
    }

    @Override
    public Optional<User> findByDiscordId(String discordId) {
        return jdbi.withHandle(h -> findByDiscordId(h, discordId));
    }

    @Override
    public Optional<User> findByUsername(String username) {
        Objects.requireNonNull(username, "username");
        return jdbi.withHandle(h -> h.createQuery("SELECT * FROM users WHERE lower(username) = lower(:username)"
                + " ORDER BY created_at, id LIMIT 1").bind("username", username).map(MAPPER).findOne());
    }

    @Override
    public User getOrCreate(DiscordUserProfile profile, boolean superuser) {
        Objects.requireNonNull(profile, "profile");
        if (profile.bot()) {
            throw new IllegalArgumentException("bots are never stored as users");
        }
        RuntimeException last = null;
        for (int attempt = 0; attempt < CREATE_ATTEMPTS; attempt++) {
            try {
                return jdbi.inTransaction(h -> getOrCreate(h, profile, superuser));
            } catch (RuntimeException e) {
                if (!Sql.isUniqueViolation(e)) {
                    throw e;
                }
                last = e; // a concurrent call created the user or persona first; the next attempt reads it
            }
        }
        throw last;
    }

    private User getOrCreate(Handle h, DiscordUserProfile profile, boolean superuser) {
        Instant now = now(clock);
        Optional<User> existing = findByDiscordId(h, profile.discordId());
        if (existing.isEmpty()) {
            UUID id = DeterministicIds.user(profile.discordId());
            h.createUpdate("INSERT INTO users (id, discord_id, username, is_superuser, created_at, updated_at)"
                            + " VALUES (:id, :discordId, :username, :superuser, :now, :now)")
                    .bind("id", id).bind("discordId", profile.discordId()).bind("username", profile.username())
                    .bind("superuser", superuser).bind("now", now).execute();
            createDefaultPersona(h, id, profile, now);
            return findByDiscordId(h, profile.discordId()).orElseThrow();
        }
        User user = existing.get();
        boolean renamed = user.renamedBy(profile);
        if (renamed || (superuser && !user.superuser())) {
            h.createUpdate("UPDATE users SET username = :username, is_superuser = :superuser, updated_at = :now WHERE id = :id")
                    .bind("username", renamed ? profile.username() : user.username())
                    .bind("superuser", user.superuser() || superuser)
                    .bind("now", now).bind("id", user.id()).execute();
        }
        if (user.defaultPersonaId() == null) {
            Optional<UUID> oldest = h.createQuery("SELECT id FROM personas WHERE owner_id = :owner ORDER BY created_at, id")
                    .bind("owner", user.id()).mapTo(UUID.class).findFirst();
            if (oldest.isPresent()) {
                linkDefaultPersona(h, user.id(), oldest.get(), now);
            } else {
                createDefaultPersona(h, user.id(), profile, now);
            }
        }
        return findByDiscordId(h, profile.discordId()).orElseThrow();
    }

    private static void createDefaultPersona(Handle h, UUID userId, DiscordUserProfile profile, Instant now) {
        String name = profile.username();
        UUID personaId = DeterministicIds.persona(userId, name);
        String bio = profile.bio() == null ? "" : profile.bio().trim();
        h.createUpdate("INSERT INTO personas (id, name, description, content, preferred_name, owner_id, created_at, updated_at)"
                        + " VALUES (:id, :name, 'Default persona', :content, :preferred, :owner, :now, :now)")
                .bind("id", personaId).bind("name", name)
                .bind("content", bio.length() > MAX_CONTENT ? bio.substring(0, MAX_CONTENT) : bio)
                .bind("preferred", profile.displayName() != null ? profile.displayName() : name)
                .bind("owner", userId).bind("now", now).execute();
        linkDefaultPersona(h, userId, personaId, now);
    }

    private static void linkDefaultPersona(Handle h, UUID userId, UUID personaId, Instant now) {
        h.createUpdate("UPDATE users SET default_persona_id = :persona, updated_at = :now WHERE id = :id")
                .bind("persona", personaId).bind("now", now).bind("id", userId).execute();
    }

    @Override
    public void setDefaultPersona(UUID userId, UUID personaId) {
        jdbi.useTransaction(h -> {
            if (personaId != null) {
                boolean owned = h.createQuery("SELECT COUNT(*) FROM personas WHERE id = :persona AND owner_id = :user")
                        .bind("persona", personaId).bind("user", userId).mapTo(Integer.class).one() > 0;
                if (!owned) {
                    throw new IllegalArgumentException("persona " + personaId + " does not belong to user " + userId);
                }
            }
            update(h, userId, "default_persona_id", Sql.nullableUuid(personaId), Argument.class);
        });
    }

    @Override
    public void setDefaultPreset(UUID userId, UUID presetId) {
        jdbi.useTransaction(h -> {
            if (presetId != null) {
                boolean selectable = h.createQuery(
                                "SELECT COUNT(*) FROM llm_configs WHERE id = :preset AND (is_global = TRUE OR owner_id = :user)")
                        .bind("preset", presetId).bind("user", userId).mapTo(Integer.class).one() > 0;
                if (!selectable) {
                    throw new IllegalArgumentException("preset " + presetId + " is neither global nor owned by user " + userId);
                }
            }
            update(h, userId, "default_llm_config_id", Sql.nullableUuid(presetId), Argument.class);
        });
    }

    @Override
    public void setTimezone(UUID userId, String timezone) {
        Timezones.problem(timezone).ifPresent(problem -> {
            throw new IllegalArgumentException(problem);
        });
        jdbi.useHandle(h -> update(h, userId, "timezone", timezone, String.class));
    }

    @Override
    public void setNsfwVerified(UUID userId, boolean verified) {
        jdbi.useHandle(h -> h.createUpdate("UPDATE users SET nsfw_verified = :verified, nsfw_verified_at = :at, updated_at = :now WHERE id = :id")
                .bind("verified", verified)
                .bindByType("at", verified ? now(clock) : null, Instant.class)
                .bind("now", now(clock)).bind("id", userId).execute());
    }

    @Override
    public ConfigOverrides configDefaults(UUID userId) {
        return jdbi.withHandle(h -> h.createQuery("SELECT config_defaults FROM users WHERE id = :id").bind("id", userId)
                        .map((rs, ctx) -> rs.getString(1)).findOne())
                .map(json -> ConfigOverridesJson.read(json, "users " + userId))
                .orElse(ConfigOverrides.EMPTY);
    }

    @Override
    public void setConfigDefaults(UUID userId, ConfigOverrides configDefaults) {
        Objects.requireNonNull(configDefaults, "configDefaults");
        jdbi.useHandle(h -> update(h, userId, "config_defaults", ConfigOverridesJson.write(configDefaults), JsonText.class));
    }

    private void update(Handle h, UUID userId, String column, Object value, Class<?> type) {
        // column is a constant chosen above, never user input
        var update = h.createUpdate("UPDATE users SET " + column + " = :value, updated_at = :now WHERE id = :id");
        if (value instanceof Argument argument) {
            update.bind("value", argument);
        } else {
            update.bindByType("value", value, type);
        }
        int rows = update.bind("now", now(clock)).bind("id", userId).execute();
        if (rows == 0) {
            throw new IllegalArgumentException("no user " + userId);
        }
    }

    private static Optional<User> findByDiscordId(Handle h, String discordId) {
        return h.createQuery("SELECT * FROM users WHERE discord_id = :discordId").bind("discordId", discordId).map(MAPPER).findOne();
    }
}
